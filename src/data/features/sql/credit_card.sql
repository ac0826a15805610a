-- Feature group: monthly balances of previous Home Credit cards.
-- Grain: one row per SK_ID_CURR that has at least one credit_card_balance row.
-- Sources: credit_card_balance. Per month: utilisation = AMT_BALANCE / AMT_CREDIT_LIMIT_ACTUAL,
--   payment to minimum = AMT_PAYMENT_CURRENT / AMT_INST_MIN_REGULARITY.
-- Nulls: a client without rows has no row here, so every feature is missing after the LEFT JOIN;
--   a zero limit or zero minimum gives a missing ratio for that month (left out of the means);
--   "below minimum" only counts months with a positive minimum due.
WITH card_month AS (
  SELECT
    *,
    safe_div(AMT_BALANCE, AMT_CREDIT_LIMIT_ACTUAL) AS utilisation,
    safe_div(AMT_PAYMENT_CURRENT, AMT_INST_MIN_REGULARITY) AS payment_to_minimum,
    MONTHS_BALANCE >= -12 AS recent,
    -- The client's latest month over all cards: several cards can share it, so "last
    -- utilisation" is their mean, not one card picked arbitrarily.
    MONTHS_BALANCE = max(MONTHS_BALANCE) OVER (PARTITION BY SK_ID_CURR) AS is_last_month
  FROM credit_card_balance
)
SELECT
  SK_ID_CURR,
  count(DISTINCT SK_ID_PREV) AS CC_CARDS_COUNT,
  count(*) AS CC_MONTHS_COUNT,
  avg(AMT_BALANCE) AS CC_AMT_BALANCE_MEAN,
  max(AMT_BALANCE) AS CC_AMT_BALANCE_MAX,
  avg(AMT_CREDIT_LIMIT_ACTUAL) AS CC_AMT_CREDIT_LIMIT_MEAN,
  max(AMT_CREDIT_LIMIT_ACTUAL) AS CC_AMT_CREDIT_LIMIT_MAX,
  avg(utilisation) AS CC_UTILISATION_MEAN,
  max(utilisation) AS CC_UTILISATION_MAX,
  avg(utilisation) FILTER (WHERE is_last_month) AS CC_UTILISATION_LAST,
  avg(AMT_DRAWINGS_CURRENT) AS CC_AMT_DRAWINGS_MEAN,
  sum(AMT_DRAWINGS_CURRENT) AS CC_AMT_DRAWINGS_SUM,
  avg(AMT_DRAWINGS_ATM_CURRENT) AS CC_AMT_DRAWINGS_ATM_MEAN,
  avg(AMT_DRAWINGS_POS_CURRENT) AS CC_AMT_DRAWINGS_POS_MEAN,
  avg(CNT_DRAWINGS_CURRENT) AS CC_CNT_DRAWINGS_MEAN,
  avg(CNT_DRAWINGS_ATM_CURRENT) AS CC_CNT_DRAWINGS_ATM_MEAN,
  avg(AMT_PAYMENT_CURRENT) AS CC_AMT_PAYMENT_MEAN,
  avg(AMT_PAYMENT_TOTAL_CURRENT) AS CC_AMT_PAYMENT_TOTAL_MEAN,
  avg(AMT_INST_MIN_REGULARITY) AS CC_AMT_MINIMUM_DUE_MEAN,
  avg(payment_to_minimum) AS CC_PAYMENT_TO_MINIMUM_MEAN,
  min(payment_to_minimum) AS CC_PAYMENT_TO_MINIMUM_MIN,
  avg(flag(coalesce(AMT_PAYMENT_CURRENT, 0) < AMT_INST_MIN_REGULARITY))
    FILTER (WHERE AMT_INST_MIN_REGULARITY > 0) AS CC_BELOW_MINIMUM_SHARE,
  avg(AMT_TOTAL_RECEIVABLE) AS CC_AMT_TOTAL_RECEIVABLE_MEAN,
  max(SK_DPD) AS CC_SK_DPD_MAX,
  avg(SK_DPD) AS CC_SK_DPD_MEAN,
  max(SK_DPD_DEF) AS CC_SK_DPD_DEF_MAX,
  avg(flag(SK_DPD > 0)) AS CC_DPD_MONTHS_SHARE,
  max(CNT_INSTALMENT_MATURE_CUM) AS CC_CNT_INSTALMENT_MATURE_MAX,
  -- Last 12 months.
  avg(utilisation) FILTER (WHERE recent) AS CC_UTILISATION_MEAN_12M,
  avg(AMT_DRAWINGS_CURRENT) FILTER (WHERE recent) AS CC_AMT_DRAWINGS_MEAN_12M,
  avg(flag(SK_DPD > 0)) FILTER (WHERE recent) AS CC_DPD_MONTHS_SHARE_12M
FROM card_month
GROUP BY SK_ID_CURR
