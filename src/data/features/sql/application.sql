-- Feature group: application.
-- Grain: one row per SK_ID_CURR of the application relation (the placeholder in FROM), which has
--   the stored columns of application_test (stored-schema.ts: sentinels already NULL,
--   DAYS_EMPLOYED_ANOM added).
--   The batch passes application_train ∪ application_test; the what-if path passes a one-row
--   relation built from the edited fields through cleanSelectList. Same text, no skew.
-- Sources: the application row only (no history). TARGET never enters.
-- Nulls: a missing input gives a missing feature; ratios with a zero or missing denominator are
--   missing (safe_div); counts of flags treat a missing flag as 0; an unknown or missing category
--   gives 0 in every one-hot column and a missing ordinal.
SELECT
  a.SK_ID_CURR,
  -- The raw numeric columns, kept as they are (categoricals are encoded below).
  a.* EXCLUDE (
    SK_ID_CURR, NAME_CONTRACT_TYPE, CODE_GENDER, FLAG_OWN_CAR, FLAG_OWN_REALTY, NAME_TYPE_SUITE,
    NAME_INCOME_TYPE, NAME_EDUCATION_TYPE, NAME_FAMILY_STATUS, NAME_HOUSING_TYPE, OCCUPATION_TYPE,
    WEEKDAY_APPR_PROCESS_START, ORGANIZATION_TYPE, FONDKAPREMONT_MODE, HOUSETYPE_MODE,
    WALLSMATERIAL_MODE, EMERGENCYSTATE_MODE
  ),
  -- Loan against income.
  safe_div(a.AMT_CREDIT, a.AMT_INCOME_TOTAL) AS CREDIT_TO_INCOME,
  safe_div(a.AMT_ANNUITY, a.AMT_INCOME_TOTAL) AS ANNUITY_TO_INCOME,
  safe_div(a.AMT_CREDIT, a.AMT_ANNUITY) AS CREDIT_TERM_MONTHS,
  safe_div(a.AMT_GOODS_PRICE, a.AMT_CREDIT) AS GOODS_TO_CREDIT,
  a.AMT_CREDIT - a.AMT_GOODS_PRICE AS CREDIT_OVER_GOODS,
  safe_div(a.AMT_INCOME_TOTAL, a.CNT_FAM_MEMBERS) AS INCOME_PER_FAMILY_MEMBER,
  safe_div(a.AMT_ANNUITY, safe_div(a.AMT_INCOME_TOTAL, a.CNT_FAM_MEMBERS))
    AS ANNUITY_TO_INCOME_PER_MEMBER,
  safe_div(a.CNT_CHILDREN, a.CNT_FAM_MEMBERS) AS CHILDREN_SHARE_OF_FAMILY,
  a.AMT_INCOME_TOTAL - a.AMT_ANNUITY AS INCOME_AFTER_ANNUITY,
  -- Time, in years, and employment against age.
  days_to_years(a.DAYS_BIRTH) AS AGE_YEARS,
  days_to_years(a.DAYS_EMPLOYED) AS EMPLOYED_YEARS,
  days_to_years(a.DAYS_REGISTRATION) AS REGISTRATION_YEARS,
  days_to_years(a.DAYS_ID_PUBLISH) AS ID_PUBLISH_YEARS,
  days_to_years(a.DAYS_LAST_PHONE_CHANGE) AS PHONE_CHANGE_YEARS,
  safe_div(a.DAYS_EMPLOYED, a.DAYS_BIRTH) AS EMPLOYED_TO_AGE,
  safe_div(a.DAYS_ID_PUBLISH, a.DAYS_BIRTH) AS ID_PUBLISH_TO_AGE,
  safe_div(a.OWN_CAR_AGE, days_to_years(a.DAYS_BIRTH)) AS CAR_AGE_TO_AGE,
  -- External scores: summaries over the present ones (NULL when all three are missing).
  list_avg([a.EXT_SOURCE_1, a.EXT_SOURCE_2, a.EXT_SOURCE_3]) AS EXT_SOURCE_MEAN,
  list_min([a.EXT_SOURCE_1, a.EXT_SOURCE_2, a.EXT_SOURCE_3]) AS EXT_SOURCE_MIN,
  list_max([a.EXT_SOURCE_1, a.EXT_SOURCE_2, a.EXT_SOURCE_3]) AS EXT_SOURCE_MAX,
  list_stddev_pop([a.EXT_SOURCE_1, a.EXT_SOURCE_2, a.EXT_SOURCE_3]) AS EXT_SOURCE_STD,
  a.EXT_SOURCE_1 * a.EXT_SOURCE_2 * a.EXT_SOURCE_3 AS EXT_SOURCE_PRODUCT,
  CAST((a.EXT_SOURCE_1 IS NULL)::INTEGER + (a.EXT_SOURCE_2 IS NULL)::INTEGER
    + (a.EXT_SOURCE_3 IS NULL)::INTEGER AS DOUBLE) AS EXT_SOURCE_MISSING_COUNT,
  -- Counts of flags.
  flag(a.FLAG_DOCUMENT_2 = 1) + flag(a.FLAG_DOCUMENT_3 = 1) + flag(a.FLAG_DOCUMENT_4 = 1)
    + flag(a.FLAG_DOCUMENT_5 = 1) + flag(a.FLAG_DOCUMENT_6 = 1) + flag(a.FLAG_DOCUMENT_7 = 1)
    + flag(a.FLAG_DOCUMENT_8 = 1) + flag(a.FLAG_DOCUMENT_9 = 1) + flag(a.FLAG_DOCUMENT_10 = 1)
    + flag(a.FLAG_DOCUMENT_11 = 1) + flag(a.FLAG_DOCUMENT_12 = 1) + flag(a.FLAG_DOCUMENT_13 = 1)
    + flag(a.FLAG_DOCUMENT_14 = 1) + flag(a.FLAG_DOCUMENT_15 = 1) + flag(a.FLAG_DOCUMENT_16 = 1)
    + flag(a.FLAG_DOCUMENT_17 = 1) + flag(a.FLAG_DOCUMENT_18 = 1) + flag(a.FLAG_DOCUMENT_19 = 1)
    + flag(a.FLAG_DOCUMENT_20 = 1) + flag(a.FLAG_DOCUMENT_21 = 1) AS DOCUMENTS_COUNT,
  flag(a.FLAG_MOBIL = 1) + flag(a.FLAG_EMP_PHONE = 1) + flag(a.FLAG_WORK_PHONE = 1)
    + flag(a.FLAG_CONT_MOBILE = 1) + flag(a.FLAG_PHONE = 1) + flag(a.FLAG_EMAIL = 1)
    AS CONTACT_CHANNELS_COUNT,
  flag(a.REG_REGION_NOT_LIVE_REGION = 1) + flag(a.REG_REGION_NOT_WORK_REGION = 1)
    + flag(a.LIVE_REGION_NOT_WORK_REGION = 1) + flag(a.REG_CITY_NOT_LIVE_CITY = 1)
    + flag(a.REG_CITY_NOT_WORK_CITY = 1) + flag(a.LIVE_CITY_NOT_WORK_CITY = 1)
    AS ADDRESS_MISMATCH_COUNT,
  a.AMT_REQ_CREDIT_BUREAU_HOUR + a.AMT_REQ_CREDIT_BUREAU_DAY + a.AMT_REQ_CREDIT_BUREAU_WEEK
    + a.AMT_REQ_CREDIT_BUREAU_MON + a.AMT_REQ_CREDIT_BUREAU_QRT + a.AMT_REQ_CREDIT_BUREAU_YEAR
    AS BUREAU_REQUESTS_TOTAL,
  safe_div(a.DEF_30_CNT_SOCIAL_CIRCLE, a.OBS_30_CNT_SOCIAL_CIRCLE) AS SOCIAL_CIRCLE_DEFAULT_30_SHARE,
  safe_div(a.DEF_60_CNT_SOCIAL_CIRCLE, a.OBS_60_CNT_SOCIAL_CIRCLE) AS SOCIAL_CIRCLE_DEFAULT_60_SHARE,
  -- Categoricals: one-hot columns, education level, organisation rank (generated from
  -- src/data/value-sets.ts by encodings.ts).
  {{CATEGORY_ENCODINGS}}
FROM {{applications}} AS a
