-- Feature group: repayment of previous loans' instalments.
-- Grain: one row per SK_ID_CURR that has at least one installments_payments row.
-- Sources: installments_payments. Per instalment:
--   delay = DAYS_ENTRY_PAYMENT - DAYS_INSTALMENT (days; positive = paid late, negative = early),
--   late days = max(delay, 0), early days = max(-delay, 0),
--   paid share = AMT_PAYMENT / AMT_INSTALMENT,
--   amount missing = max(AMT_INSTALMENT - AMT_PAYMENT, 0), the whole instalment when unpaid.
-- Nulls: a client without rows has no row here, so every feature is missing after the LEFT JOIN;
--   an instalment without payment (DAYS_ENTRY_PAYMENT or AMT_PAYMENT missing) has a missing delay,
--   late/early days and paid share and is left out of their means and shares, but counts fully in
--   the amount missing; AMT_INSTALMENT = 0 gives a missing paid share.
WITH instalment AS (
  SELECT
    SK_ID_CURR,
    SK_ID_PREV,
    DAYS_INSTALMENT,
    AMT_INSTALMENT,
    AMT_PAYMENT,
    DAYS_ENTRY_PAYMENT,
    NUM_INSTALMENT_VERSION,
    DAYS_ENTRY_PAYMENT - DAYS_INSTALMENT AS delay,
    -- greatest() skips NULLs in DuckDB, so an unpaid instalment is kept out explicitly.
    CASE WHEN DAYS_ENTRY_PAYMENT IS NOT NULL
      THEN greatest(DAYS_ENTRY_PAYMENT - DAYS_INSTALMENT, 0) END AS late_days,
    CASE WHEN DAYS_ENTRY_PAYMENT IS NOT NULL
      THEN greatest(DAYS_INSTALMENT - DAYS_ENTRY_PAYMENT, 0) END AS early_days,
    safe_div(AMT_PAYMENT, AMT_INSTALMENT) AS paid_share,
    -- An unpaid instalment misses its whole amount.
    greatest(AMT_INSTALMENT - coalesce(AMT_PAYMENT, 0), 0) AS amount_missing,
    DAYS_INSTALMENT >= -365 AS recent
  FROM installments_payments
)
SELECT
  SK_ID_CURR,
  count(*) AS INST_COUNT,
  count(DISTINCT SK_ID_PREV) AS INST_LOANS_COUNT,
  avg(delay) AS INST_PAYMENT_DELAY_MEAN,
  avg(late_days) AS INST_LATE_DAYS_MEAN,
  max(late_days) AS INST_LATE_DAYS_MAX,
  sum(late_days) AS INST_LATE_DAYS_SUM,
  avg(flag(delay > 0)) FILTER (WHERE delay IS NOT NULL) AS INST_LATE_SHARE,
  avg(flag(delay > 30)) FILTER (WHERE delay IS NOT NULL) AS INST_LATE_30_SHARE,
  avg(early_days) AS INST_EARLY_DAYS_MEAN,
  max(early_days) AS INST_EARLY_DAYS_MAX,
  avg(paid_share) AS INST_PAID_SHARE_MEAN,
  min(paid_share) AS INST_PAID_SHARE_MIN,
  avg(flag(paid_share < 1)) FILTER (WHERE paid_share IS NOT NULL) AS INST_SHORT_SHARE,
  avg(amount_missing) AS INST_AMOUNT_MISSING_MEAN,
  max(amount_missing) AS INST_AMOUNT_MISSING_MAX,
  sum(amount_missing) AS INST_AMOUNT_MISSING_SUM,
  count(*) FILTER (WHERE AMT_PAYMENT IS NULL OR DAYS_ENTRY_PAYMENT IS NULL) AS INST_UNPAID_COUNT,
  sum(AMT_INSTALMENT) AS INST_AMT_INSTALMENT_SUM,
  avg(AMT_INSTALMENT) AS INST_AMT_INSTALMENT_MEAN,
  max(AMT_INSTALMENT) AS INST_AMT_INSTALMENT_MAX,
  sum(AMT_PAYMENT) AS INST_AMT_PAYMENT_SUM,
  avg(AMT_PAYMENT) AS INST_AMT_PAYMENT_MEAN,
  safe_div(sum(AMT_PAYMENT), sum(AMT_INSTALMENT)) AS INST_TOTAL_PAID_SHARE,
  max(DAYS_ENTRY_PAYMENT) AS INST_DAYS_ENTRY_PAYMENT_MAX,
  max(NUM_INSTALMENT_VERSION) AS INST_VERSION_MAX,
  -- Last 365 days (by due date).
  count(*) FILTER (WHERE recent) AS INST_COUNT_365D,
  avg(late_days) FILTER (WHERE recent) AS INST_LATE_DAYS_MEAN_365D,
  avg(flag(delay > 0)) FILTER (WHERE recent AND delay IS NOT NULL) AS INST_LATE_SHARE_365D,
  avg(paid_share) FILTER (WHERE recent) AS INST_PAID_SHARE_MEAN_365D,
  avg(flag(paid_share < 1)) FILTER (WHERE recent AND paid_share IS NOT NULL)
    AS INST_SHORT_SHARE_365D
FROM instalment
GROUP BY SK_ID_CURR
