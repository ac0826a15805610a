-- Feature group: monthly balances of previous point-of-sale and cash loans.
-- Grain: one row per SK_ID_CURR that has at least one POS_CASH_balance row.
-- Sources: POS_CASH_balance, rolled up per loan (SK_ID_PREV) first, then per client.
-- Nulls: a client without rows has no row here, so every feature is missing after the LEFT JOIN;
--   a missing SK_DPD counts as no month past due in the shares; ratios with a zero denominator
--   are missing.
WITH loan AS (
  SELECT
    SK_ID_CURR,
    SK_ID_PREV,
    count(*) AS months,
    count(*) FILTER (WHERE SK_DPD > 0) AS dpd_months,
    count(*) FILTER (WHERE SK_DPD_DEF > 0) AS dpd_def_months,
    max(SK_DPD) AS dpd_max,
    max(SK_DPD_DEF) AS dpd_def_max,
    sum(SK_DPD) AS dpd_sum,
    sum(SK_DPD_DEF) AS dpd_def_sum,
    max(SK_DPD) FILTER (WHERE MONTHS_BALANCE >= -12) AS dpd_max_12m,
    count(*) FILTER (WHERE MONTHS_BALANCE >= -12) AS months_12m,
    count(*) FILTER (WHERE MONTHS_BALANCE >= -12 AND SK_DPD > 0) AS dpd_months_12m,
    min(MONTHS_BALANCE) AS first_month,
    max(MONTHS_BALANCE) AS last_month,
    bool_or(NAME_CONTRACT_STATUS = 'Completed') AS completed,
    avg(CNT_INSTALMENT) AS instalments_mean,
    max(CNT_INSTALMENT) AS instalments_max,
    arg_max(CNT_INSTALMENT_FUTURE, MONTHS_BALANCE) AS future_last
  FROM POS_CASH_balance
  GROUP BY SK_ID_CURR, SK_ID_PREV
)
SELECT
  SK_ID_CURR,
  count(*) AS POS_LOANS_COUNT,
  sum(months) AS POS_MONTHS_COUNT,
  max(dpd_max) AS POS_SK_DPD_MAX,
  safe_div(sum(dpd_sum), sum(months)) AS POS_SK_DPD_MEAN,
  max(dpd_def_max) AS POS_SK_DPD_DEF_MAX,
  safe_div(sum(dpd_def_sum), sum(months)) AS POS_SK_DPD_DEF_MEAN,
  safe_div(sum(dpd_months), sum(months)) AS POS_DPD_MONTHS_SHARE,
  safe_div(sum(dpd_def_months), sum(months)) AS POS_DPD_DEF_MONTHS_SHARE,
  max(dpd_max_12m) AS POS_SK_DPD_MAX_12M,
  safe_div(sum(dpd_months_12m), sum(months_12m)) AS POS_DPD_MONTHS_SHARE_12M,
  avg(flag(completed)) AS POS_COMPLETED_SHARE,
  min(first_month) AS POS_MONTHS_BALANCE_MIN,
  max(last_month) AS POS_MONTHS_BALANCE_MAX,
  avg(instalments_mean) AS POS_CNT_INSTALMENT_MEAN,
  max(instalments_max) AS POS_CNT_INSTALMENT_MAX,
  sum(future_last) AS POS_REMAINING_INSTALMENTS_SUM,
  avg(future_last) AS POS_REMAINING_INSTALMENTS_MEAN,
  count(*) FILTER (WHERE NOT completed AND future_last > 0) AS POS_RUNNING_LOANS_COUNT
FROM loan
GROUP BY SK_ID_CURR
