-- Helpers shared by every feature group (temporary: they live in the connection, not the file).
-- safe_div: a ratio whose denominator is zero or missing is missing, never Infinity or NaN.
CREATE OR REPLACE TEMP MACRO safe_div(num, den) AS
  CASE WHEN den IS NULL OR den = 0 THEN NULL ELSE CAST(num AS DOUBLE) / den END;
-- days_to_years: -DAYS_BIRTH → age in years (days are negative counts before the application).
CREATE OR REPLACE TEMP MACRO days_to_years(days) AS -CAST(days AS DOUBLE) / 365.25;
-- flag: a condition as 1.0 / 0.0; a missing operand counts as 0 (false).
CREATE OR REPLACE TEMP MACRO flag(cond) AS CAST(coalesce(cond, false) AS DOUBLE);
