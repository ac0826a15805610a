#!/usr/bin/python3
"""pandas reference of creditlens ingestion and feature aggregations (bench/data).

Run with /usr/bin/python3 (Debian's python3-pandas; pandas + numpy only):

    /usr/bin/python3 bench/data/pandas_reference.py DIR --stage load
    /usr/bin/python3 bench/data/pandas_reference.py DIR --stage features [--out FEATURES.csv]

`load` is the pandas equivalent of `creditlens ingest`: every Kaggle file read with explicit
dtypes (keys int64, TARGET Int32, every other number float64, categories `category`), the 365243
day sentinels to NaN, DAYS_EMPLOYED_ANOM added, and the same checks (unique keys, train and test
disjoint, orphan counts). The data stays in memory: ours also writes a DuckDB file.

`features` additionally computes the feature table of src/data/features/sql/*.sql, group by group
and with the same output column names, joined into one frame per SK_ID_CURR (train then test
spine, LEFT JOIN of the history groups, ordered by SK_ID_CURR). `--out` writes it as CSV with
round-trip precision (the time of that write is reported apart).

SQL semantics mirrored on purpose (a literal pandas translation would differ):
- sum() over no present value is NaN (SQL NULL), not 0: sum(min_count=1).
- count(*) FILTER (...) is 0 when nothing matches; agg(x) FILTER (...) is NaN then.
- flag(cond) counts a missing operand as 0; comparisons with NaN are False in pandas too.
- An unpaid instalment has no late or early days (NULL, left out of means) and misses its whole
  amount.
- arg_max(arg, val) skips rows where arg or val is NULL; it is only used where `val` is unique
  within the group (one month per loan), so there are no ties.
- bool_or over only NULLs is NULL, and NOT NULL is NULL (POS "completed").
- list_avg/min/max/stddev_pop over [EXT_SOURCE_1..3] ignore the missing ones.

Awkward in pandas, done anyway as a peer would: agg(x) FILTER (WHERE c) needs a masked copy of
each filtered column before the groupby (`only`); arg_max a stable sort and last(); bool_or with
NULLs two aggregates (any match, any value); ratios of sums a second aggregation.

Column kinds come from src/data/schema.ts and schema-application.ts, the categorical value sets
from src/data/value-sets.ts (parsed, so the reference cannot drift from our schema).

Prints one JSON object on stdout: row and orphan counts, wall and CPU seconds per stage.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[2]
SENTINEL = 365243

# Stored-schema cleaning (src/data/stored-schema.ts).
SENTINEL_COLUMNS = {
    "application_train": ["DAYS_EMPLOYED"],
    "application_test": ["DAYS_EMPLOYED"],
    "previous_application": [
        "DAYS_FIRST_DRAWING",
        "DAYS_FIRST_DUE",
        "DAYS_LAST_DUE_1ST_VERSION",
        "DAYS_LAST_DUE",
        "DAYS_TERMINATION",
    ],
}
SENTINEL_FLAGS = {
    "application_train": [("DAYS_EMPLOYED_ANOM", "DAYS_EMPLOYED")],
    "application_test": [("DAYS_EMPLOYED_ANOM", "DAYS_EMPLOYED")],
}
DTYPE = {"key": "int64", "target": "Int32", "int": "float64", "num": "float64", "cat": "category"}

# Tables in load order: (name, file, unique key, parents) as in src/data/schema.ts and checks.ts.
TABLES = [
    ("application_train", "application_train.csv", "SK_ID_CURR", []),
    ("application_test", "application_test.csv", "SK_ID_CURR", []),
    ("bureau", "bureau.csv", "SK_ID_BUREAU", [("SK_ID_CURR", "clients")]),
    ("bureau_balance", "bureau_balance.csv", None, [("SK_ID_BUREAU", "bureau")]),
    (
        "previous_application",
        "previous_application.csv",
        "SK_ID_PREV",
        [("SK_ID_CURR", "clients")],
    ),
    (
        "POS_CASH_balance",
        "POS_CASH_balance.csv",
        None,
        [("SK_ID_CURR", "clients"), ("SK_ID_PREV", "previous_application")],
    ),
    (
        "installments_payments",
        "installments_payments.csv",
        None,
        [("SK_ID_CURR", "clients"), ("SK_ID_PREV", "previous_application")],
    ),
    (
        "credit_card_balance",
        "credit_card_balance.csv",
        None,
        [("SK_ID_CURR", "clients"), ("SK_ID_PREV", "previous_application")],
    ),
]

FILE_OF = {name: file for name, file, _unique, _parents in TABLES}

EDUCATION_ORDER = [
    "Lower secondary",
    "Secondary / secondary special",
    "Incomplete higher",
    "Higher education",
    "Academic degree",
]
RANK_ENCODED = "ORGANIZATION_TYPE"


# --- schema, parsed from our TypeScript sources -------------------------------------------------


def application_test_columns() -> list[tuple[str, str]]:
    text = (REPO / "src/data/schema-application.ts").read_text()
    return re.findall(r"\{ name: '([A-Z0-9_]+)', kind: '(\w+)' \}", text)


def history_columns() -> dict[str, list[tuple[str, str]]]:
    text = (REPO / "src/data/schema.ts").read_text()
    blocks = re.findall(r"const (\w+) = cols\([`']([^`']*)[`']\)", text)
    by_const = {
        const: [tuple(entry.split(":")) for entry in body.split()] for const, body in blocks
    }
    return {
        "bureau": by_const["BUREAU"],
        "bureau_balance": by_const["BUREAU_BALANCE"],
        "previous_application": by_const["PREVIOUS_APPLICATION"],
        "POS_CASH_balance": by_const["POS_CASH_BALANCE"],
        "installments_payments": by_const["INSTALLMENTS_PAYMENTS"],
        "credit_card_balance": by_const["CREDIT_CARD_BALANCE"],
    }


def table_columns() -> dict[str, list[tuple[str, str]]]:
    test = application_test_columns()
    if not test or test[0][0] != "SK_ID_CURR":
        raise SystemExit("cannot parse src/data/schema-application.ts")
    columns = {"application_test": test, "application_train": [test[0], ("TARGET", "target")] + test[1:]}
    columns.update(history_columns())
    return columns


def value_sets() -> dict[str, list[str]]:
    text = (REPO / "src/data/value-sets.ts").read_text()
    body = text.split("APPLICATION_VALUE_SETS", 1)[1]
    sets: dict[str, list[str]] = {}
    for column, values in re.findall(r"\n  ([A-Z0-9_]+): \[(.*?)\n  \],", body, re.S):
        sets[column] = re.findall(r"\['((?:[^'\\]|\\.)*)', [\d.e+-]+\]", values)
    if not sets:
        raise SystemExit("cannot parse src/data/value-sets.ts")
    return sets


def category_token(value: str) -> str:
    return re.sub(r"^_|_$", "", re.sub(r"[^A-Z0-9]+", "_", value.upper()))


# --- load (the ingest equivalent) ----------------------------------------------------------------


def read_table(directory: Path, name: str, file: str, columns: list[tuple[str, str]]) -> pd.DataFrame:
    path = directory / file
    if not path.is_file():
        # Ingest stores an absent history file as an empty table.
        frame = pd.DataFrame({c: pd.Series(dtype=DTYPE[k]) for c, k in columns})
    else:
        header = list(pd.read_csv(path, nrows=0).columns)
        missing = [c for c, _ in columns if c not in header]
        if missing:
            raise SystemExit(f"{file}: missing columns {', '.join(missing[:5])}")
        # Only '' is missing (as DuckDB's read_csv): "NA" or "null" stay text.
        frame = pd.read_csv(
            path,
            usecols=[c for c, _ in columns],
            dtype={c: DTYPE[k] for c, k in columns},
            keep_default_na=False,
            na_values=[""],
            engine="c",
        )
        frame = frame[[c for c, _ in columns]]
    for flag, column in SENTINEL_FLAGS.get(name, []):
        frame[flag] = (frame[column] == SENTINEL).astype("int32")
    for column in SENTINEL_COLUMNS.get(name, []):
        frame[column] = frame[column].mask(frame[column] == SENTINEL)
    return frame


def load(directory: Path) -> tuple[dict[str, pd.DataFrame], dict[str, int]]:
    if not directory.is_dir():
        raise SystemExit(f"{directory} is not a directory: expected the Kaggle CSV files")
    columns = table_columns()
    tables: dict[str, pd.DataFrame] = {}
    orphans: dict[str, int] = {}
    for name, file, unique, parents in TABLES:
        frame = read_table(directory, name, file, columns[name])
        if unique and not frame[unique].is_unique:
            dup = frame.loc[frame[unique].duplicated(), unique].iloc[0]
            raise SystemExit(f"{file}: duplicate {unique} {dup}")
        tables[name] = frame
    train, test = tables["application_train"], tables["application_test"]
    if train["SK_ID_CURR"].isin(test["SK_ID_CURR"]).any():
        raise SystemExit("a SK_ID_CURR is in both application_train and application_test")
    clients = pd.concat([train["SK_ID_CURR"], test["SK_ID_CURR"]], ignore_index=True)
    for name, _file, _unique, parents in TABLES:
        frame = tables[name]
        miss = np.zeros(len(frame), dtype=bool)
        for column, parent in parents:
            if parent != "clients" and not (directory / FILE_OF[parent]).is_file():
                continue  # as ingest: a parent whose file is absent is not checked
            keys = clients if parent == "clients" else tables[parent][column]
            miss |= ~frame[column].isin(keys).to_numpy()
        orphans[name] = int(miss.sum())
    return tables, orphans


# --- aggregation helpers -------------------------------------------------------------------------


def safe_div(num, den):
    """SQL safe_div: missing when the denominator is 0 or missing."""
    den = pd.Series(den, dtype="float64") if not isinstance(den, pd.Series) else den.astype("float64")
    return num / den.where(den != 0)


def flag(cond: pd.Series) -> pd.Series:
    """SQL flag(): a condition as 1.0 / 0.0, missing counted as 0 (NaN comparisons are False)."""
    return cond.fillna(False).astype("float64")


def aggregate(frame: pd.DataFrame, keys, spec: list[tuple[str, str, str | None]]) -> pd.DataFrame:
    """One groupby, many aggregations with SQL NULL semantics.

    spec: (output name, how, column). how is one of: size (count(*)), count (sum of a 0/1 column:
    count(*) FILTER), sum (NaN when no value is present), mean, max, min, nunique (count DISTINCT).
    """
    grouped = frame.groupby(keys, sort=True)
    wanted: dict[str, list[str]] = {}
    for _name, how, column in spec:
        if how != "size":
            wanted.setdefault(how, [])
            if column not in wanted[how]:
                wanted[how].append(column)
    results: dict[str, pd.DataFrame] = {}
    for how, columns in wanted.items():
        part = grouped[columns]
        if how == "sum":
            results[how] = part.sum(min_count=1)
        elif how == "count":
            results[how] = part.sum()
        elif how == "mean":
            results[how] = part.mean()
        elif how == "max":
            results[how] = part.max()
        elif how == "min":
            results[how] = part.min()
        elif how == "nunique":
            results[how] = part.nunique()
        else:
            raise ValueError(how)
    size = grouped.size()
    out = {}
    for name, how, column in spec:
        out[name] = (size if how == "size" else results[how][column]).astype("float64")
    return pd.DataFrame(out, index=size.index)


def arg_max(frame: pd.DataFrame, keys, arg: str, by: str) -> pd.Series:
    """DuckDB arg_max(arg, by): `arg` at the row of the largest `by`, rows with a NULL either skipped."""
    rows = frame.loc[frame[arg].notna() & frame[by].notna(), [*keys, arg, by]]
    rows = rows.sort_values(by, kind="stable")
    return rows.groupby(keys, sort=True)[arg].last()


def only(values: pd.Series, cond: pd.Series) -> pd.Series:
    """The values where cond holds (NaN elsewhere): agg(x) FILTER (WHERE cond)."""
    return values.where(cond.fillna(False).astype(bool))


# --- feature groups (src/data/features/sql/*.sql) -----------------------------------------------


def application_features(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """application.sql over application_train ∪ application_test (test columns)."""
    test = tables["application_test"]
    a = pd.concat([tables["application_train"][test.columns], test], ignore_index=True)
    sets = value_sets()
    categorical = [c for c, k in application_test_columns() if k == "cat"]
    f = {"SK_ID_CURR": a["SK_ID_CURR"]}
    for column in a.columns:
        if column != "SK_ID_CURR" and column not in categorical:
            f[column] = a[column]

    def years(days):
        return -days.astype("float64") / 365.25

    f["CREDIT_TO_INCOME"] = safe_div(a.AMT_CREDIT, a.AMT_INCOME_TOTAL)
    f["ANNUITY_TO_INCOME"] = safe_div(a.AMT_ANNUITY, a.AMT_INCOME_TOTAL)
    f["CREDIT_TERM_MONTHS"] = safe_div(a.AMT_CREDIT, a.AMT_ANNUITY)
    f["GOODS_TO_CREDIT"] = safe_div(a.AMT_GOODS_PRICE, a.AMT_CREDIT)
    f["CREDIT_OVER_GOODS"] = a.AMT_CREDIT - a.AMT_GOODS_PRICE
    f["INCOME_PER_FAMILY_MEMBER"] = safe_div(a.AMT_INCOME_TOTAL, a.CNT_FAM_MEMBERS)
    f["ANNUITY_TO_INCOME_PER_MEMBER"] = safe_div(
        a.AMT_ANNUITY, safe_div(a.AMT_INCOME_TOTAL, a.CNT_FAM_MEMBERS)
    )
    f["CHILDREN_SHARE_OF_FAMILY"] = safe_div(a.CNT_CHILDREN, a.CNT_FAM_MEMBERS)
    f["INCOME_AFTER_ANNUITY"] = a.AMT_INCOME_TOTAL - a.AMT_ANNUITY
    f["AGE_YEARS"] = years(a.DAYS_BIRTH)
    f["EMPLOYED_YEARS"] = years(a.DAYS_EMPLOYED)
    f["REGISTRATION_YEARS"] = years(a.DAYS_REGISTRATION)
    f["ID_PUBLISH_YEARS"] = years(a.DAYS_ID_PUBLISH)
    f["PHONE_CHANGE_YEARS"] = years(a.DAYS_LAST_PHONE_CHANGE)
    f["EMPLOYED_TO_AGE"] = safe_div(a.DAYS_EMPLOYED, a.DAYS_BIRTH)
    f["ID_PUBLISH_TO_AGE"] = safe_div(a.DAYS_ID_PUBLISH, a.DAYS_BIRTH)
    f["CAR_AGE_TO_AGE"] = safe_div(a.OWN_CAR_AGE, years(a.DAYS_BIRTH))
    ext = a[["EXT_SOURCE_1", "EXT_SOURCE_2", "EXT_SOURCE_3"]]
    f["EXT_SOURCE_MEAN"] = ext.mean(axis=1)
    f["EXT_SOURCE_MIN"] = ext.min(axis=1)
    f["EXT_SOURCE_MAX"] = ext.max(axis=1)
    f["EXT_SOURCE_STD"] = ext.std(axis=1, ddof=0)
    f["EXT_SOURCE_PRODUCT"] = a.EXT_SOURCE_1 * a.EXT_SOURCE_2 * a.EXT_SOURCE_3
    f["EXT_SOURCE_MISSING_COUNT"] = ext.isna().sum(axis=1).astype("float64")
    documents = [f"FLAG_DOCUMENT_{i}" for i in range(2, 22)]
    f["DOCUMENTS_COUNT"] = sum(flag(a[c] == 1) for c in documents)
    contacts = [
        "FLAG_MOBIL", "FLAG_EMP_PHONE", "FLAG_WORK_PHONE", "FLAG_CONT_MOBILE", "FLAG_PHONE", "FLAG_EMAIL",
    ]
    f["CONTACT_CHANNELS_COUNT"] = sum(flag(a[c] == 1) for c in contacts)
    address = [
        "REG_REGION_NOT_LIVE_REGION",
        "REG_REGION_NOT_WORK_REGION",
        "LIVE_REGION_NOT_WORK_REGION",
        "REG_CITY_NOT_LIVE_CITY",
        "REG_CITY_NOT_WORK_CITY",
        "LIVE_CITY_NOT_WORK_CITY",
    ]
    f["ADDRESS_MISMATCH_COUNT"] = sum(flag(a[c] == 1) for c in address)
    # Plain + in SQL: missing as soon as one term is (pandas + propagates NaN the same way).
    f["BUREAU_REQUESTS_TOTAL"] = (
        a.AMT_REQ_CREDIT_BUREAU_HOUR
        + a.AMT_REQ_CREDIT_BUREAU_DAY
        + a.AMT_REQ_CREDIT_BUREAU_WEEK
        + a.AMT_REQ_CREDIT_BUREAU_MON
        + a.AMT_REQ_CREDIT_BUREAU_QRT
        + a.AMT_REQ_CREDIT_BUREAU_YEAR
    )
    f["SOCIAL_CIRCLE_DEFAULT_30_SHARE"] = safe_div(a.DEF_30_CNT_SOCIAL_CIRCLE, a.OBS_30_CNT_SOCIAL_CIRCLE)
    f["SOCIAL_CIRCLE_DEFAULT_60_SHARE"] = safe_div(a.DEF_60_CNT_SOCIAL_CIRCLE, a.OBS_60_CNT_SOCIAL_CIRCLE)
    # encodings.ts: one-hot for every closed set but ORGANIZATION_TYPE, then two ordinals.
    for column, values in sets.items():
        if column == RANK_ENCODED:
            continue
        for value in values:
            f[f"{column}__{category_token(value)}"] = flag(a[column] == value)
    education = {v: float(i) for i, v in enumerate(EDUCATION_ORDER)}
    f["EDUCATION_LEVEL"] = a.NAME_EDUCATION_TYPE.astype(object).map(education).astype("float64")
    organisation = {v: float(i) for i, v in enumerate(sets[RANK_ENCODED])}
    f["ORGANIZATION_TYPE_RANK"] = a[RANK_ENCODED].astype(object).map(organisation).astype("float64")
    return pd.DataFrame(f).set_index("SK_ID_CURR")


def bureau_features(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """bureau.sql: bureau_balance rolled up per SK_ID_BUREAU, joined to bureau, then per client."""
    bb = tables["bureau_balance"]
    status = bb.STATUS
    # worst_status: the numeric statuses 0..5 as numbers, C / X / missing as NaN (via the codes).
    categories = list(status.cat.categories)
    numeric = {"0", "1", "2", "3", "4", "5"}
    lookup = np.array([float(c) if c in numeric else np.nan for c in categories] + [np.nan])
    dpd = status.isin(["1", "2", "3", "4", "5"])
    months = pd.DataFrame(
        {
            "SK_ID_BUREAU": bb.SK_ID_BUREAU,
            "dpd": dpd.astype("float64"),
            "unknown": (status == "X").astype("float64"),
            "closed": (status == "C").astype("float64"),
            "status_value": lookup[status.cat.codes.to_numpy()],
            "dpd_12m": (dpd & (bb.MONTHS_BALANCE >= -12)).astype("float64"),
        }
    )
    balance = aggregate(
        months,
        "SK_ID_BUREAU",
        [
            ("months", "size", None),
            ("dpd_share", "mean", "dpd"),
            ("unknown_share", "mean", "unknown"),
            ("closed_share", "mean", "closed"),
            ("worst_status", "max", "status_value"),
            ("dpd_months_12m", "count", "dpd_12m"),
        ],
    )
    b = tables["bureau"].merge(balance, left_on="SK_ID_BUREAU", right_index=True, how="left")
    active = b.CREDIT_ACTIVE == "Active"
    closed = b.CREDIT_ACTIVE == "Closed"
    recent = b.DAYS_CREDIT >= -365
    b["debt_ratio"] = safe_div(b.AMT_CREDIT_SUM_DEBT, b.AMT_CREDIT_SUM)
    b["planned_days"] = b.DAYS_CREDIT_ENDDATE - b.DAYS_CREDIT
    b["closed_vs_planned_days"] = b.DAYS_ENDDATE_FACT - b.DAYS_CREDIT_ENDDATE
    b["is_active"] = active.astype("float64")
    b["is_closed"] = closed.astype("float64")
    b["is_sold_bad"] = b.CREDIT_ACTIVE.isin(["Sold", "Bad debt"]).astype("float64")
    b["is_card"] = (b.CREDIT_TYPE == "Credit card").astype("float64")
    b["is_consumer"] = (b.CREDIT_TYPE == "Consumer credit").astype("float64")
    b["is_mortgage"] = b.CREDIT_TYPE.isin(["Mortgage", "Real estate loan"]).astype("float64")
    b["is_car"] = (b.CREDIT_TYPE == "Car loan").astype("float64")
    b["is_micro"] = (b.CREDIT_TYPE == "Microloan").astype("float64")
    b["is_recent"] = recent.astype("float64")
    b["credit_sum_365d"] = only(b.AMT_CREDIT_SUM, recent)
    # FILTER (WHERE is_active / is_closed): masked copies of the measured columns.
    for prefix, cond, columns in [
        (
            "a_",
            active,
            [
                "AMT_CREDIT_SUM", "AMT_CREDIT_SUM_DEBT", "AMT_CREDIT_SUM_OVERDUE", "AMT_CREDIT_SUM_LIMIT",
                "AMT_ANNUITY", "DAYS_CREDIT", "DAYS_CREDIT_ENDDATE", "CREDIT_DAY_OVERDUE",
                "CNT_CREDIT_PROLONG", "dpd_share", "worst_status", "months",
            ],
        ),
        (
            "c_",
            closed,
            [
                "AMT_CREDIT_SUM", "DAYS_CREDIT", "DAYS_ENDDATE_FACT", "closed_vs_planned_days",
                "planned_days", "AMT_CREDIT_MAX_OVERDUE", "CNT_CREDIT_PROLONG", "dpd_share", "worst_status",
            ],
        ),
    ]:
        for column in columns:
            b[prefix + column] = only(b[column], cond)
    g = aggregate(
        b,
        "SK_ID_CURR",
        [
            ("BUREAU_COUNT", "size", None),
            ("BUREAU_ACTIVE_COUNT", "count", "is_active"),
            ("BUREAU_CLOSED_COUNT", "count", "is_closed"),
            ("BUREAU_SOLD_OR_BAD_DEBT_COUNT", "count", "is_sold_bad"),
            ("BUREAU_ACTIVE_SHARE", "mean", "is_active"),
            ("BUREAU_CREDIT_CARD_COUNT", "count", "is_card"),
            ("BUREAU_CONSUMER_CREDIT_COUNT", "count", "is_consumer"),
            ("BUREAU_MORTGAGE_COUNT", "count", "is_mortgage"),
            ("BUREAU_CAR_LOAN_COUNT", "count", "is_car"),
            ("BUREAU_MICROLOAN_COUNT", "count", "is_micro"),
            ("BUREAU_CREDIT_TYPES_COUNT", "nunique", "CREDIT_TYPE"),
            ("BUREAU_DAYS_CREDIT_MAX", "max", "DAYS_CREDIT"),
            ("BUREAU_DAYS_CREDIT_MIN", "min", "DAYS_CREDIT"),
            ("BUREAU_DAYS_CREDIT_MEAN", "mean", "DAYS_CREDIT"),
            ("BUREAU_DAYS_CREDIT_ENDDATE_MAX", "max", "DAYS_CREDIT_ENDDATE"),
            ("BUREAU_DAYS_CREDIT_ENDDATE_MEAN", "mean", "DAYS_CREDIT_ENDDATE"),
            ("BUREAU_DAYS_CREDIT_UPDATE_MEAN", "mean", "DAYS_CREDIT_UPDATE"),
            ("BUREAU_CREDIT_DAY_OVERDUE_MAX", "max", "CREDIT_DAY_OVERDUE"),
            ("BUREAU_CREDIT_DAY_OVERDUE_MEAN", "mean", "CREDIT_DAY_OVERDUE"),
            ("BUREAU_AMT_CREDIT_MAX_OVERDUE_MAX", "max", "AMT_CREDIT_MAX_OVERDUE"),
            ("BUREAU_AMT_CREDIT_MAX_OVERDUE_MEAN", "mean", "AMT_CREDIT_MAX_OVERDUE"),
            ("BUREAU_CNT_CREDIT_PROLONG_SUM", "sum", "CNT_CREDIT_PROLONG"),
            ("BUREAU_AMT_CREDIT_SUM_SUM", "sum", "AMT_CREDIT_SUM"),
            ("BUREAU_AMT_CREDIT_SUM_MEAN", "mean", "AMT_CREDIT_SUM"),
            ("BUREAU_AMT_CREDIT_SUM_MAX", "max", "AMT_CREDIT_SUM"),
            ("BUREAU_AMT_CREDIT_SUM_DEBT_SUM", "sum", "AMT_CREDIT_SUM_DEBT"),
            ("BUREAU_AMT_CREDIT_SUM_DEBT_MEAN", "mean", "AMT_CREDIT_SUM_DEBT"),
            ("BUREAU_AMT_CREDIT_SUM_DEBT_MAX", "max", "AMT_CREDIT_SUM_DEBT"),
            ("BUREAU_AMT_CREDIT_SUM_LIMIT_SUM", "sum", "AMT_CREDIT_SUM_LIMIT"),
            ("BUREAU_AMT_CREDIT_SUM_OVERDUE_SUM", "sum", "AMT_CREDIT_SUM_OVERDUE"),
            ("BUREAU_AMT_CREDIT_SUM_OVERDUE_MAX", "max", "AMT_CREDIT_SUM_OVERDUE"),
            ("BUREAU_AMT_ANNUITY_SUM", "sum", "AMT_ANNUITY"),
            ("BUREAU_AMT_ANNUITY_MEAN", "mean", "AMT_ANNUITY"),
            ("BUREAU_DEBT_RATIO_MEAN", "mean", "debt_ratio"),
            ("BUREAU_DEBT_RATIO_MAX", "max", "debt_ratio"),
            ("BUREAU_PLANNED_DAYS_MEAN", "mean", "planned_days"),
            ("BUREAU_CLOSED_VS_PLANNED_DAYS_MEAN", "mean", "closed_vs_planned_days"),
            ("BUREAU_COUNT_365D", "count", "is_recent"),
            ("BUREAU_AMT_CREDIT_SUM_365D", "sum", "credit_sum_365d"),
            ("BUREAU_BALANCE_MONTHS_SUM", "sum", "months"),
            ("BUREAU_BALANCE_MONTHS_MEAN", "mean", "months"),
            ("BUREAU_BALANCE_DPD_SHARE_MEAN", "mean", "dpd_share"),
            ("BUREAU_BALANCE_DPD_SHARE_MAX", "max", "dpd_share"),
            ("BUREAU_BALANCE_WORST_STATUS_MAX", "max", "worst_status"),
            ("BUREAU_BALANCE_WORST_STATUS_MEAN", "mean", "worst_status"),
            ("BUREAU_BALANCE_UNKNOWN_SHARE_MEAN", "mean", "unknown_share"),
            ("BUREAU_BALANCE_CLOSED_SHARE_MEAN", "mean", "closed_share"),
            ("BUREAU_BALANCE_DPD_MONTHS_12M", "sum", "dpd_months_12m"),
            ("BUREAU_ACTIVE_AMT_CREDIT_SUM_SUM", "sum", "a_AMT_CREDIT_SUM"),
            ("BUREAU_ACTIVE_AMT_CREDIT_SUM_MEAN", "mean", "a_AMT_CREDIT_SUM"),
            ("BUREAU_ACTIVE_AMT_CREDIT_SUM_DEBT_SUM", "sum", "a_AMT_CREDIT_SUM_DEBT"),
            ("BUREAU_ACTIVE_AMT_CREDIT_SUM_DEBT_MEAN", "mean", "a_AMT_CREDIT_SUM_DEBT"),
            ("BUREAU_ACTIVE_AMT_CREDIT_SUM_OVERDUE_SUM", "sum", "a_AMT_CREDIT_SUM_OVERDUE"),
            ("BUREAU_ACTIVE_AMT_CREDIT_SUM_OVERDUE_MAX", "max", "a_AMT_CREDIT_SUM_OVERDUE"),
            ("BUREAU_ACTIVE_AMT_CREDIT_SUM_LIMIT_SUM", "sum", "a_AMT_CREDIT_SUM_LIMIT"),
            ("BUREAU_ACTIVE_AMT_ANNUITY_SUM", "sum", "a_AMT_ANNUITY"),
            ("BUREAU_ACTIVE_DAYS_CREDIT_MAX", "max", "a_DAYS_CREDIT"),
            ("BUREAU_ACTIVE_DAYS_CREDIT_MEAN", "mean", "a_DAYS_CREDIT"),
            ("BUREAU_ACTIVE_DAYS_CREDIT_ENDDATE_MAX", "max", "a_DAYS_CREDIT_ENDDATE"),
            ("BUREAU_ACTIVE_DAYS_CREDIT_ENDDATE_MEAN", "mean", "a_DAYS_CREDIT_ENDDATE"),
            ("BUREAU_ACTIVE_CREDIT_DAY_OVERDUE_MAX", "max", "a_CREDIT_DAY_OVERDUE"),
            ("BUREAU_ACTIVE_CNT_CREDIT_PROLONG_SUM", "sum", "a_CNT_CREDIT_PROLONG"),
            ("BUREAU_ACTIVE_BALANCE_DPD_SHARE_MEAN", "mean", "a_dpd_share"),
            ("BUREAU_ACTIVE_BALANCE_WORST_STATUS_MAX", "max", "a_worst_status"),
            ("BUREAU_ACTIVE_BALANCE_MONTHS_MEAN", "mean", "a_months"),
            ("BUREAU_CLOSED_AMT_CREDIT_SUM_SUM", "sum", "c_AMT_CREDIT_SUM"),
            ("BUREAU_CLOSED_AMT_CREDIT_SUM_MEAN", "mean", "c_AMT_CREDIT_SUM"),
            ("BUREAU_CLOSED_DAYS_CREDIT_MAX", "max", "c_DAYS_CREDIT"),
            ("BUREAU_CLOSED_DAYS_CREDIT_MEAN", "mean", "c_DAYS_CREDIT"),
            ("BUREAU_CLOSED_DAYS_ENDDATE_FACT_MAX", "max", "c_DAYS_ENDDATE_FACT"),
            ("BUREAU_CLOSED_DAYS_ENDDATE_FACT_MEAN", "mean", "c_DAYS_ENDDATE_FACT"),
            ("BUREAU_CLOSED_CLOSED_VS_PLANNED_DAYS_MEAN", "mean", "c_closed_vs_planned_days"),
            ("BUREAU_CLOSED_PLANNED_DAYS_MEAN", "mean", "c_planned_days"),
            ("BUREAU_CLOSED_AMT_CREDIT_MAX_OVERDUE_MAX", "max", "c_AMT_CREDIT_MAX_OVERDUE"),
            ("BUREAU_CLOSED_CNT_CREDIT_PROLONG_SUM", "sum", "c_CNT_CREDIT_PROLONG"),
            ("BUREAU_CLOSED_BALANCE_DPD_SHARE_MEAN", "mean", "c_dpd_share"),
            ("BUREAU_CLOSED_BALANCE_WORST_STATUS_MAX", "max", "c_worst_status"),
        ],
    )
    # Ratios of sums, computed after the aggregation (SQL: safe_div(sum(x), sum(y))).
    sums = aggregate(
        b,
        "SK_ID_CURR",
        [
            ("debt", "sum", "AMT_CREDIT_SUM_DEBT"),
            ("credit", "sum", "AMT_CREDIT_SUM"),
            ("overdue", "sum", "AMT_CREDIT_SUM_OVERDUE"),
            ("a_debt", "sum", "a_AMT_CREDIT_SUM_DEBT"),
            ("a_credit", "sum", "a_AMT_CREDIT_SUM"),
        ],
    )
    g["BUREAU_TOTAL_DEBT_RATIO"] = safe_div(sums.debt, sums.credit)
    g["BUREAU_OVERDUE_TO_DEBT"] = safe_div(sums.overdue, sums.debt)
    g["BUREAU_ACTIVE_DEBT_RATIO"] = safe_div(sums.a_debt, sums.a_credit)
    return g


def previous_features(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """previous_application.sql."""
    p = tables["previous_application"].copy()
    approved = p.NAME_CONTRACT_STATUS == "Approved"
    refused = p.NAME_CONTRACT_STATUS == "Refused"
    recent = p.DAYS_DECISION >= -365
    p["application_to_credit"] = safe_div(p.AMT_APPLICATION, p.AMT_CREDIT)
    p["annuity_to_credit"] = safe_div(p.AMT_ANNUITY, p.AMT_CREDIT)
    p["planned_vs_actual_end"] = p.DAYS_LAST_DUE_1ST_VERSION - p.DAYS_LAST_DUE
    p["is_approved"] = approved.astype("float64")
    p["is_refused"] = refused.astype("float64")
    p["is_canceled"] = (p.NAME_CONTRACT_STATUS == "Canceled").astype("float64")
    p["is_cash"] = (p.NAME_CONTRACT_TYPE == "Cash loans").astype("float64")
    p["is_consumer"] = (p.NAME_CONTRACT_TYPE == "Consumer loans").astype("float64")
    p["is_revolving"] = (p.NAME_CONTRACT_TYPE == "Revolving loans").astype("float64")
    p["is_new"] = (p.NAME_CLIENT_TYPE == "New").astype("float64")
    p["is_high_yield"] = (p.NAME_YIELD_GROUP == "high").astype("float64")
    p["is_score_reject"] = p.CODE_REJECT_REASON.isin(["SCO", "SCOFR", "HC"]).astype("float64")
    p["is_recent"] = recent.astype("float64")
    p["is_refused_recent"] = (refused & recent).astype("float64")
    p["is_approved_running"] = (approved & (p.DAYS_LAST_DUE_1ST_VERSION > 0)).astype("float64")
    for column in [
        "AMT_CREDIT", "AMT_ANNUITY", "application_to_credit", "RATE_DOWN_PAYMENT", "CNT_PAYMENT",
        "DAYS_DECISION", "DAYS_LAST_DUE_1ST_VERSION", "DAYS_TERMINATION",
    ]:
        p["a_" + column] = only(p[column], approved)
    for column in ["AMT_APPLICATION", "AMT_CREDIT", "application_to_credit", "DAYS_DECISION", "CNT_PAYMENT"]:
        p["r_" + column] = only(p[column], refused)
    return aggregate(
        p,
        "SK_ID_CURR",
        [
            ("PREV_COUNT", "size", None),
            ("PREV_APPROVED_COUNT", "count", "is_approved"),
            ("PREV_REFUSED_COUNT", "count", "is_refused"),
            ("PREV_CANCELED_COUNT", "count", "is_canceled"),
            ("PREV_REFUSED_SHARE", "mean", "is_refused"),
            ("PREV_APPROVED_SHARE", "mean", "is_approved"),
            ("PREV_CASH_LOANS_COUNT", "count", "is_cash"),
            ("PREV_CONSUMER_LOANS_COUNT", "count", "is_consumer"),
            ("PREV_REVOLVING_LOANS_COUNT", "count", "is_revolving"),
            ("PREV_NEW_CLIENT_COUNT", "count", "is_new"),
            ("PREV_HIGH_YIELD_COUNT", "count", "is_high_yield"),
            ("PREV_SCORE_REJECT_COUNT", "count", "is_score_reject"),
            ("PREV_AMT_APPLICATION_MEAN", "mean", "AMT_APPLICATION"),
            ("PREV_AMT_APPLICATION_MAX", "max", "AMT_APPLICATION"),
            ("PREV_AMT_CREDIT_MEAN", "mean", "AMT_CREDIT"),
            ("PREV_AMT_CREDIT_MAX", "max", "AMT_CREDIT"),
            ("PREV_AMT_CREDIT_SUM", "sum", "AMT_CREDIT"),
            ("PREV_AMT_ANNUITY_MEAN", "mean", "AMT_ANNUITY"),
            ("PREV_AMT_ANNUITY_MAX", "max", "AMT_ANNUITY"),
            ("PREV_AMT_DOWN_PAYMENT_MEAN", "mean", "AMT_DOWN_PAYMENT"),
            ("PREV_AMT_GOODS_PRICE_MEAN", "mean", "AMT_GOODS_PRICE"),
            ("PREV_APPLICATION_TO_CREDIT_MEAN", "mean", "application_to_credit"),
            ("PREV_APPLICATION_TO_CREDIT_MIN", "min", "application_to_credit"),
            ("PREV_APPLICATION_TO_CREDIT_MAX", "max", "application_to_credit"),
            ("PREV_ANNUITY_TO_CREDIT_MEAN", "mean", "annuity_to_credit"),
            ("PREV_RATE_DOWN_PAYMENT_MEAN", "mean", "RATE_DOWN_PAYMENT"),
            ("PREV_RATE_DOWN_PAYMENT_MAX", "max", "RATE_DOWN_PAYMENT"),
            ("PREV_DAYS_DECISION_MAX", "max", "DAYS_DECISION"),
            ("PREV_DAYS_DECISION_MIN", "min", "DAYS_DECISION"),
            ("PREV_DAYS_DECISION_MEAN", "mean", "DAYS_DECISION"),
            ("PREV_CNT_PAYMENT_MEAN", "mean", "CNT_PAYMENT"),
            ("PREV_CNT_PAYMENT_SUM", "sum", "CNT_PAYMENT"),
            ("PREV_HOUR_APPR_PROCESS_START_MEAN", "mean", "HOUR_APPR_PROCESS_START"),
            ("PREV_INSURED_SHARE", "mean", "NFLAG_INSURED_ON_APPROVAL"),
            ("PREV_PLANNED_VS_ACTUAL_END_MEAN", "mean", "planned_vs_actual_end"),
            ("PREV_DAYS_TERMINATION_MAX", "max", "DAYS_TERMINATION"),
            ("PREV_COUNT_365D", "count", "is_recent"),
            ("PREV_REFUSED_COUNT_365D", "count", "is_refused_recent"),
            ("PREV_APPROVED_AMT_CREDIT_MEAN", "mean", "a_AMT_CREDIT"),
            ("PREV_APPROVED_AMT_CREDIT_MAX", "max", "a_AMT_CREDIT"),
            ("PREV_APPROVED_AMT_CREDIT_SUM", "sum", "a_AMT_CREDIT"),
            ("PREV_APPROVED_AMT_ANNUITY_MEAN", "mean", "a_AMT_ANNUITY"),
            ("PREV_APPROVED_AMT_ANNUITY_MAX", "max", "a_AMT_ANNUITY"),
            ("PREV_APPROVED_APPLICATION_TO_CREDIT_MEAN", "mean", "a_application_to_credit"),
            ("PREV_APPROVED_RATE_DOWN_PAYMENT_MEAN", "mean", "a_RATE_DOWN_PAYMENT"),
            ("PREV_APPROVED_CNT_PAYMENT_MEAN", "mean", "a_CNT_PAYMENT"),
            ("PREV_APPROVED_DAYS_DECISION_MAX", "max", "a_DAYS_DECISION"),
            ("PREV_APPROVED_DAYS_LAST_DUE_1ST_VERSION_MAX", "max", "a_DAYS_LAST_DUE_1ST_VERSION"),
            ("PREV_APPROVED_DAYS_LAST_DUE_1ST_VERSION_MEAN", "mean", "a_DAYS_LAST_DUE_1ST_VERSION"),
            ("PREV_APPROVED_DAYS_TERMINATION_MAX", "max", "a_DAYS_TERMINATION"),
            ("PREV_APPROVED_RUNNING_COUNT", "count", "is_approved_running"),
            ("PREV_REFUSED_AMT_APPLICATION_MEAN", "mean", "r_AMT_APPLICATION"),
            ("PREV_REFUSED_AMT_APPLICATION_MAX", "max", "r_AMT_APPLICATION"),
            ("PREV_REFUSED_AMT_CREDIT_MEAN", "mean", "r_AMT_CREDIT"),
            ("PREV_REFUSED_APPLICATION_TO_CREDIT_MEAN", "mean", "r_application_to_credit"),
            ("PREV_REFUSED_DAYS_DECISION_MAX", "max", "r_DAYS_DECISION"),
            ("PREV_REFUSED_DAYS_DECISION_MEAN", "mean", "r_DAYS_DECISION"),
            ("PREV_REFUSED_CNT_PAYMENT_MEAN", "mean", "r_CNT_PAYMENT"),
        ],
    )


def pos_cash_features(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """pos_cash.sql: per loan (SK_ID_CURR, SK_ID_PREV) first, then per client."""
    src = tables["POS_CASH_balance"]
    keys = ["SK_ID_CURR", "SK_ID_PREV"]
    recent = src.MONTHS_BALANCE >= -12
    status = src.NAME_CONTRACT_STATUS
    m = pd.DataFrame(
        {
            "SK_ID_CURR": src.SK_ID_CURR,
            "SK_ID_PREV": src.SK_ID_PREV,
            "MONTHS_BALANCE": src.MONTHS_BALANCE,
            "SK_DPD": src.SK_DPD,
            "SK_DPD_DEF": src.SK_DPD_DEF,
            "CNT_INSTALMENT": src.CNT_INSTALMENT,
            "CNT_INSTALMENT_FUTURE": src.CNT_INSTALMENT_FUTURE,
            "dpd": (src.SK_DPD > 0).astype("float64"),
            "dpd_def": (src.SK_DPD_DEF > 0).astype("float64"),
            "dpd_12m_value": only(src.SK_DPD, recent),
            "recent": recent.astype("float64"),
            "dpd_recent": (recent & (src.SK_DPD > 0)).astype("float64"),
            "completed": (status == "Completed").astype("float64"),
            "has_status": status.notna().astype("float64"),
        }
    )
    loan = aggregate(
        m,
        keys,
        [
            ("months", "size", None),
            ("dpd_months", "count", "dpd"),
            ("dpd_def_months", "count", "dpd_def"),
            ("dpd_max", "max", "SK_DPD"),
            ("dpd_def_max", "max", "SK_DPD_DEF"),
            ("dpd_sum", "sum", "SK_DPD"),
            ("dpd_def_sum", "sum", "SK_DPD_DEF"),
            ("dpd_max_12m", "max", "dpd_12m_value"),
            ("months_12m", "count", "recent"),
            ("dpd_months_12m", "count", "dpd_recent"),
            ("first_month", "min", "MONTHS_BALANCE"),
            ("last_month", "max", "MONTHS_BALANCE"),
            ("completed_any", "max", "completed"),
            ("status_any", "max", "has_status"),
            ("instalments_mean", "mean", "CNT_INSTALMENT"),
            ("instalments_max", "max", "CNT_INSTALMENT"),
        ],
    )
    # bool_or over only NULL statuses is NULL: then neither completed nor "not completed".
    loan["completed"] = loan.completed_any.where(loan.status_any > 0)
    loan["future_last"] = arg_max(m, keys, "CNT_INSTALMENT_FUTURE", "MONTHS_BALANCE")
    loan = loan.reset_index()
    loan["completed_flag"] = loan.completed.fillna(0.0)
    loan["running"] = ((loan.completed == 0) & (loan.future_last > 0)).astype("float64")
    g = aggregate(
        loan,
        "SK_ID_CURR",
        [
            ("POS_LOANS_COUNT", "size", None),
            ("POS_MONTHS_COUNT", "sum", "months"),
            ("POS_SK_DPD_MAX", "max", "dpd_max"),
            ("POS_SK_DPD_DEF_MAX", "max", "dpd_def_max"),
            ("POS_SK_DPD_MAX_12M", "max", "dpd_max_12m"),
            ("POS_COMPLETED_SHARE", "mean", "completed_flag"),
            ("POS_MONTHS_BALANCE_MIN", "min", "first_month"),
            ("POS_MONTHS_BALANCE_MAX", "max", "last_month"),
            ("POS_CNT_INSTALMENT_MEAN", "mean", "instalments_mean"),
            ("POS_CNT_INSTALMENT_MAX", "max", "instalments_max"),
            ("POS_REMAINING_INSTALMENTS_SUM", "sum", "future_last"),
            ("POS_REMAINING_INSTALMENTS_MEAN", "mean", "future_last"),
            ("POS_RUNNING_LOANS_COUNT", "count", "running"),
        ],
    )
    sums = aggregate(
        loan,
        "SK_ID_CURR",
        [
            ("months", "sum", "months"),
            ("dpd_sum", "sum", "dpd_sum"),
            ("dpd_def_sum", "sum", "dpd_def_sum"),
            ("dpd_months", "sum", "dpd_months"),
            ("dpd_def_months", "sum", "dpd_def_months"),
            ("dpd_months_12m", "sum", "dpd_months_12m"),
            ("months_12m", "sum", "months_12m"),
        ],
    )
    g["POS_SK_DPD_MEAN"] = safe_div(sums.dpd_sum, sums.months)
    g["POS_SK_DPD_DEF_MEAN"] = safe_div(sums.dpd_def_sum, sums.months)
    g["POS_DPD_MONTHS_SHARE"] = safe_div(sums.dpd_months, sums.months)
    g["POS_DPD_DEF_MONTHS_SHARE"] = safe_div(sums.dpd_def_months, sums.months)
    g["POS_DPD_MONTHS_SHARE_12M"] = safe_div(sums.dpd_months_12m, sums.months_12m)
    return g


def installments_features(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """installments.sql."""
    src = tables["installments_payments"]
    delay = src.DAYS_ENTRY_PAYMENT - src.DAYS_INSTALMENT
    # An unpaid instalment (no entry date) has no late/early days; it misses its whole amount.
    late = delay.clip(lower=0)
    early = (-delay).clip(lower=0)
    paid_share = safe_div(src.AMT_PAYMENT, src.AMT_INSTALMENT)
    amount_missing = (src.AMT_INSTALMENT - src.AMT_PAYMENT.fillna(0.0)).clip(lower=0)
    recent = src.DAYS_INSTALMENT >= -365
    paid = delay.notna()
    shared = paid_share.notna()
    i = pd.DataFrame(
        {
            "SK_ID_CURR": src.SK_ID_CURR,
            "SK_ID_PREV": src.SK_ID_PREV,
            "AMT_INSTALMENT": src.AMT_INSTALMENT,
            "AMT_PAYMENT": src.AMT_PAYMENT,
            "DAYS_ENTRY_PAYMENT": src.DAYS_ENTRY_PAYMENT,
            "NUM_INSTALMENT_VERSION": src.NUM_INSTALMENT_VERSION,
            "delay": delay,
            "late_days": late,
            "early_days": early,
            "paid_share": paid_share,
            "amount_missing": amount_missing,
            "late": only(flag(delay > 0), paid),
            "late_30": only(flag(delay > 30), paid),
            "short": only(flag(paid_share < 1), shared),
            "unpaid": (src.AMT_PAYMENT.isna() | src.DAYS_ENTRY_PAYMENT.isna()).astype("float64"),
            "recent": recent.astype("float64"),
            "late_days_365d": only(late, recent),
            "late_365d": only(flag(delay > 0), recent & paid),
            "paid_share_365d": only(paid_share, recent),
            "short_365d": only(flag(paid_share < 1), recent & shared),
        }
    )
    g = aggregate(
        i,
        "SK_ID_CURR",
        [
            ("INST_COUNT", "size", None),
            ("INST_LOANS_COUNT", "nunique", "SK_ID_PREV"),
            ("INST_PAYMENT_DELAY_MEAN", "mean", "delay"),
            ("INST_LATE_DAYS_MEAN", "mean", "late_days"),
            ("INST_LATE_DAYS_MAX", "max", "late_days"),
            ("INST_LATE_DAYS_SUM", "sum", "late_days"),
            ("INST_LATE_SHARE", "mean", "late"),
            ("INST_LATE_30_SHARE", "mean", "late_30"),
            ("INST_EARLY_DAYS_MEAN", "mean", "early_days"),
            ("INST_EARLY_DAYS_MAX", "max", "early_days"),
            ("INST_PAID_SHARE_MEAN", "mean", "paid_share"),
            ("INST_PAID_SHARE_MIN", "min", "paid_share"),
            ("INST_SHORT_SHARE", "mean", "short"),
            ("INST_AMOUNT_MISSING_MEAN", "mean", "amount_missing"),
            ("INST_AMOUNT_MISSING_MAX", "max", "amount_missing"),
            ("INST_AMOUNT_MISSING_SUM", "sum", "amount_missing"),
            ("INST_UNPAID_COUNT", "count", "unpaid"),
            ("INST_AMT_INSTALMENT_SUM", "sum", "AMT_INSTALMENT"),
            ("INST_AMT_INSTALMENT_MEAN", "mean", "AMT_INSTALMENT"),
            ("INST_AMT_INSTALMENT_MAX", "max", "AMT_INSTALMENT"),
            ("INST_AMT_PAYMENT_SUM", "sum", "AMT_PAYMENT"),
            ("INST_AMT_PAYMENT_MEAN", "mean", "AMT_PAYMENT"),
            ("INST_DAYS_ENTRY_PAYMENT_MAX", "max", "DAYS_ENTRY_PAYMENT"),
            ("INST_VERSION_MAX", "max", "NUM_INSTALMENT_VERSION"),
            ("INST_COUNT_365D", "count", "recent"),
            ("INST_LATE_DAYS_MEAN_365D", "mean", "late_days_365d"),
            ("INST_LATE_SHARE_365D", "mean", "late_365d"),
            ("INST_PAID_SHARE_MEAN_365D", "mean", "paid_share_365d"),
            ("INST_SHORT_SHARE_365D", "mean", "short_365d"),
        ],
    )
    g["INST_TOTAL_PAID_SHARE"] = safe_div(g.INST_AMT_PAYMENT_SUM, g.INST_AMT_INSTALMENT_SUM)
    return g


def credit_card_features(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """credit_card.sql."""
    src = tables["credit_card_balance"]
    utilisation = safe_div(src.AMT_BALANCE, src.AMT_CREDIT_LIMIT_ACTUAL)
    to_minimum = safe_div(src.AMT_PAYMENT_CURRENT, src.AMT_INST_MIN_REGULARITY)
    recent = src.MONTHS_BALANCE >= -12
    dpd = flag(src.SK_DPD > 0)
    c = pd.DataFrame(
        {
            "SK_ID_CURR": src.SK_ID_CURR,
            "SK_ID_PREV": src.SK_ID_PREV,
            "MONTHS_BALANCE": src.MONTHS_BALANCE,
            "utilisation": utilisation,
            "payment_to_minimum": to_minimum,
            "below_minimum": only(
                flag(src.AMT_PAYMENT_CURRENT.fillna(0.0) < src.AMT_INST_MIN_REGULARITY),
                src.AMT_INST_MIN_REGULARITY > 0,
            ),
            "dpd": dpd,
            "utilisation_12m": only(utilisation, recent),
            "drawings_12m": only(src.AMT_DRAWINGS_CURRENT, recent),
            "dpd_12m": only(dpd, recent),
        }
    )
    for column in [
        "AMT_BALANCE", "AMT_CREDIT_LIMIT_ACTUAL", "AMT_DRAWINGS_CURRENT", "AMT_DRAWINGS_ATM_CURRENT",
        "AMT_DRAWINGS_POS_CURRENT", "CNT_DRAWINGS_CURRENT", "CNT_DRAWINGS_ATM_CURRENT",
        "AMT_PAYMENT_CURRENT", "AMT_PAYMENT_TOTAL_CURRENT", "AMT_INST_MIN_REGULARITY",
        "AMT_TOTAL_RECEIVABLE", "SK_DPD", "SK_DPD_DEF", "CNT_INSTALMENT_MATURE_CUM",
    ]:
        c[column] = src[column]
    g = aggregate(
        c,
        "SK_ID_CURR",
        [
            ("CC_CARDS_COUNT", "nunique", "SK_ID_PREV"),
            ("CC_MONTHS_COUNT", "size", None),
            ("CC_AMT_BALANCE_MEAN", "mean", "AMT_BALANCE"),
            ("CC_AMT_BALANCE_MAX", "max", "AMT_BALANCE"),
            ("CC_AMT_CREDIT_LIMIT_MEAN", "mean", "AMT_CREDIT_LIMIT_ACTUAL"),
            ("CC_AMT_CREDIT_LIMIT_MAX", "max", "AMT_CREDIT_LIMIT_ACTUAL"),
            ("CC_UTILISATION_MEAN", "mean", "utilisation"),
            ("CC_UTILISATION_MAX", "max", "utilisation"),
            ("CC_AMT_DRAWINGS_MEAN", "mean", "AMT_DRAWINGS_CURRENT"),
            ("CC_AMT_DRAWINGS_SUM", "sum", "AMT_DRAWINGS_CURRENT"),
            ("CC_AMT_DRAWINGS_ATM_MEAN", "mean", "AMT_DRAWINGS_ATM_CURRENT"),
            ("CC_AMT_DRAWINGS_POS_MEAN", "mean", "AMT_DRAWINGS_POS_CURRENT"),
            ("CC_CNT_DRAWINGS_MEAN", "mean", "CNT_DRAWINGS_CURRENT"),
            ("CC_CNT_DRAWINGS_ATM_MEAN", "mean", "CNT_DRAWINGS_ATM_CURRENT"),
            ("CC_AMT_PAYMENT_MEAN", "mean", "AMT_PAYMENT_CURRENT"),
            ("CC_AMT_PAYMENT_TOTAL_MEAN", "mean", "AMT_PAYMENT_TOTAL_CURRENT"),
            ("CC_AMT_MINIMUM_DUE_MEAN", "mean", "AMT_INST_MIN_REGULARITY"),
            ("CC_PAYMENT_TO_MINIMUM_MEAN", "mean", "payment_to_minimum"),
            ("CC_PAYMENT_TO_MINIMUM_MIN", "min", "payment_to_minimum"),
            ("CC_BELOW_MINIMUM_SHARE", "mean", "below_minimum"),
            ("CC_AMT_TOTAL_RECEIVABLE_MEAN", "mean", "AMT_TOTAL_RECEIVABLE"),
            ("CC_SK_DPD_MAX", "max", "SK_DPD"),
            ("CC_SK_DPD_MEAN", "mean", "SK_DPD"),
            ("CC_SK_DPD_DEF_MAX", "max", "SK_DPD_DEF"),
            ("CC_DPD_MONTHS_SHARE", "mean", "dpd"),
            ("CC_CNT_INSTALMENT_MATURE_MAX", "max", "CNT_INSTALMENT_MATURE_CUM"),
            ("CC_UTILISATION_MEAN_12M", "mean", "utilisation_12m"),
            ("CC_AMT_DRAWINGS_MEAN_12M", "mean", "drawings_12m"),
            ("CC_DPD_MONTHS_SHARE_12M", "mean", "dpd_12m"),
        ],
    )
    # Mean utilisation over the cards at the client's latest month.
    last = c.MONTHS_BALANCE == c.groupby("SK_ID_CURR").MONTHS_BALANCE.transform("max")
    g["CC_UTILISATION_LAST"] = c.loc[last].groupby("SK_ID_CURR").utilisation.mean()
    return g


HISTORY_GROUPS = [
    ("bureau", bureau_features),
    ("previous_application", previous_features),
    ("pos_cash", pos_cash_features),
    ("installments", installments_features),
    ("credit_card", credit_card_features),
]


class Stopwatch:
    """Wall and CPU seconds (all threads of the process) per named stage."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    def time(self, name: str, work):
        wall, cpu = time.perf_counter(), time.process_time()
        result = work()
        self.wall[name] = time.perf_counter() - wall
        self.cpu[name] = time.process_time() - cpu
        return result


def feature_table(tables: dict[str, pd.DataFrame], watch: Stopwatch) -> pd.DataFrame:
    application = watch.time("features_application", lambda: application_features(tables))
    groups = [watch.time(f"features_{name}", lambda b=build: b(tables)) for name, build in HISTORY_GROUPS]

    def join() -> pd.DataFrame:
        train, test = tables["application_train"], tables["application_test"]
        spine = pd.concat(
            [
                pd.DataFrame(
                    {"SK_ID_CURR": train.SK_ID_CURR, "split": "train", "TARGET": train.TARGET.astype("float64")}
                ),
                pd.DataFrame({"SK_ID_CURR": test.SK_ID_CURR, "split": "test", "TARGET": np.nan}),
            ],
            ignore_index=True,
        ).set_index("SK_ID_CURR")
        joined = spine.join(application.astype("float64"), how="inner")
        for group in groups:
            joined = joined.join(group, how="left")
        return joined.sort_index()

    return watch.time("features_join", join)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, help="directory of the eight Kaggle CSV files")
    parser.add_argument("--stage", choices=["load", "features"], default="features")
    parser.add_argument("--out", type=Path, help="write the feature frame to this CSV file")
    args = parser.parse_args()

    watch = Stopwatch()
    tables, orphans = watch.time("load", lambda: load(args.dir))
    result: dict[str, object] = {
        "stage": args.stage,
        "rows": {name: len(frame) for name, frame in tables.items()},
        "orphans": orphans,
    }
    if args.stage == "features":
        features = watch.time("features", lambda: feature_table(tables, watch))
        result["features"] = {"rows": len(features), "columns": features.shape[1] - 2}
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            watch.time(
                "write",
                lambda: features.to_csv(args.out, float_format="%.17g", index_label="SK_ID_CURR"),
            )
    result["seconds"] = {k: round(v, 3) for k, v in watch.wall.items()}
    result["cpu_seconds"] = {k: round(v, 3) for k, v in watch.cpu.items()}
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
