/**
 * The planted default mechanism: a logistic model of the probability that a client defaults, built
 * from a latent creditworthiness (which the EXT_SOURCEs observe noisily), the application facts
 * whose effects the real data shows ("How risk shows" in ../shared/reference/home-credit-data.md)
 * and the two latent history factors that the history generator turns into payment behaviour.
 * Only the generator reads this module; models must learn the mechanism from the data.
 */

/** What the mechanism looks at for one client. Latents are standard normals. */
export interface RiskInputs {
  /** Latent creditworthiness; higher is safer. */
  creditworthiness: number;
  /** ClientSeed.historyRisk: higher is riskier. */
  historyRisk: number;
  /** ClientSeed.creditHunger: higher is riskier. */
  creditHunger: number;
  ageYears: number;
  male: boolean;
  /** Index in EDUCATION_ORDER (0 = Lower secondary … 4 = Academic degree). */
  educationRank: number;
  incomeType: string;
  /** DAYS_EMPLOYED sentinel group (pensioners, unemployed). */
  notEmployed: boolean;
  /** Years in the current job (0 for the sentinel group). */
  yearsEmployed: number;
  regionRatingWithCity: number;
  /** Days since the last phone change (≥ 0). */
  daysSincePhoneChange: number;
  /** Days since the ID document was issued (≥ 0). */
  daysSinceIdPublish: number;
  regCityNotWorkCity: boolean;
  flagDocument3: boolean;
  /** AMT_CREDIT / AMT_ANNUITY, the term in annuities. */
  creditTerm: number;
  /** AMT_ANNUITY / AMT_INCOME_TOTAL, the share of income going to this loan's instalments. */
  annuityToIncome: number;
  /** AMT_CREDIT / AMT_GOODS_PRICE (1 when there is no goods price). */
  creditOverGoods: number;
  ownsCar: boolean;
  defaultsInSocialCircle: number;
  revolving: boolean;
}

/** Education levels from the lowest to the highest. */
export const EDUCATION_ORDER = [
  'Lower secondary',
  'Secondary / secondary special',
  'Incomplete higher',
  'Higher education',
  'Academic degree',
] as const;

const EDUCATION_EFFECT = [0, 0.08, 0.0, -0.15, -0.4];

const INCOME_TYPE_EFFECT: Readonly<Record<string, number>> = {
  Working: 0.1,
  'Commercial associate': 0,
  'State servant': -0.2,
  Pensioner: 0.15,
  Unemployed: 1.9,
  'Maternity leave': 1.6,
  Student: -0.5,
  Businessman: -0.5,
};

/** Intercept chosen so that ≈8.2% of train clients default (measured on 40,000 clients, seed 11). */
const INTERCEPT = -5.23;

/** Log-odds of default. */
export function defaultLogit(r: RiskInputs): number {
  let z = INTERCEPT;
  // Steeper for the least creditworthy, as the lowest EXT_SOURCE_3 quintile shows.
  const weak = Math.min(r.creditworthiness, 0);
  z += -1.15 * r.creditworthiness + 0.2 * weak * weak;
  z += 0.95 * r.historyRisk + 0.6 * r.creditHunger;
  // Younger is riskier, flattening after 55.
  z += -0.01 * (Math.min(r.ageYears, 60) - 40);
  if (r.male) z += 0.4;
  z += EDUCATION_EFFECT[r.educationRank] ?? 0;
  z += INCOME_TYPE_EFFECT[r.incomeType] ?? 0;
  // Short current employment is riskier (the first years in a job).
  if (!r.notEmployed) z += 0.22 * Math.exp(-r.yearsEmployed / 2.5) - 0.05;
  z += 0.4 * (r.regionRatingWithCity - 2);
  z += -0.0003 * (r.daysSincePhoneChange - 900);
  z += -0.00018 * (r.daysSinceIdPublish - 3000);
  if (r.regCityNotWorkCity) z += 0.35;
  if (r.flagDocument3) z += 0.15;
  // Longer terms (more annuities for the credit) and credit above the goods price are riskier.
  z += 0.025 * (r.creditTerm - 20);
  z += 1.1 * (r.creditOverGoods - 1.12);
  if (r.ownsCar) z -= 0.15;
  z += 0.18 * Math.min(r.defaultsInSocialCircle, 4);
  if (r.revolving) z -= 0.25;
  // Effects that are not additive in the log-odds, as lenders see them (and as a linear score
  // cannot): repayment burdens past the usual debt-to-income cut-offs bite in steps; a young
  // applicant new in the job is riskier than both facts added; weak clients financing more than
  // the goods price, or on very short terms, strain their budgets; a phone changed days before
  // applying is a fraud signal; late payers who also keep borrowing are riskier than either alone.
  if (r.annuityToIncome > 0.35) z += 1.0;
  if (r.annuityToIncome > 0.5) z += 0.8;
  if (r.ageYears < 30 && !r.notEmployed && r.yearsEmployed < 2) z += 0.9;
  if (r.creditworthiness < -0.8 && r.creditOverGoods > 1.15) z += 1.0;
  if (r.creditTerm < 12) z += 0.7;
  if (r.daysSincePhoneChange < 60) z += 0.9;
  z += 0.8 * Math.max(r.historyRisk, 0) * Math.max(r.creditHunger, 0);
  return z;
}

/** Probability of default. */
export function defaultProbability(r: RiskInputs): number {
  return 1 / (1 + Math.exp(-defaultLogit(r)));
}
