/**
 * One synthetic application row (application_train or application_test) and the client's latent
 * seed for the history generator. Marginals come from the real sample (application-calibration.ts,
 * value-sets.ts); columns are tied together through shared latent normals (a Gaussian copula) and
 * the consistency rules of the real data (sentinel group, family size, annuity and term, …).
 */
import { APPLICATION_TEST_COLUMNS, DAYS_SENTINEL } from '../schema.ts';
import { APPLICATION_VALUE_SETS } from '../value-sets.ts';
import {
  AGE_EDGES,
  BUILDING_COLUMN_PRESENT,
  BUILDING_PRESENT,
  CHILDREN_BY_FAMILY,
  FLAG_RATES,
  INCOME_TYPE_BY_AGE,
  INCOME_TYPES,
  QUANTILES,
  REGIONS,
} from './application-calibration.ts';
import { floatCell, intCell, textCell } from './csv-format.ts';
import { defaultProbability, EDUCATION_ORDER, type RiskInputs } from './default-mechanism.ts';
import { indexAt, normalCdf, quantileAt } from './distributions.ts';
import { type Random, WeightedChoice } from './random.ts';
import type { ClientSeed } from './types.ts';

/** Rates where application_train differs from the test sample (reference doc, train counts). */
const SPLIT_RATES = {
  train: {
    revolving: 29279 / 307511,
    female: 202448 / 307511,
    genderXna: 4 / 307511,
    missingExt1: 0.5638,
    missingExt2: 0.0021,
    missingExt3: 0.1983,
    missingSuite: 1292 / 307511,
    missingAnnuity: 12 / 307511,
    missingSocial: 0.0033,
    missingBureauRequests: 0.135,
  },
  test: {
    revolving: 0.008,
    female: 0.673,
    genderXna: 0,
    missingExt1: 0.4266,
    missingExt2: 0,
    missingExt3: 0.1778,
    missingSuite: 0.0192,
    missingAnnuity: 0.0006,
    missingSocial: 0.0004,
    missingBureauRequests: 0.1286,
  },
} as const;

const COLUMN_INDEX = new Map(APPLICATION_TEST_COLUMNS.map((c, i) => [c.name, i]));
const COLUMN_IS_INT = APPLICATION_TEST_COLUMNS.map((c) => c.kind === 'int' || c.kind === 'key');

function col(name: string): number {
  const i = COLUMN_INDEX.get(name);
  if (i === undefined) throw new Error(`unknown application column ${name}`);
  return i;
}

function table(name: string): readonly number[] {
  const t = QUANTILES[name];
  if (!t) throw new Error(`no calibration quantiles for ${name}`);
  return t;
}

function choice(column: string, exclude: readonly string[] = []): WeightedChoice<string> {
  const values = APPLICATION_VALUE_SETS[column];
  if (!values) throw new Error(`no value set for ${column}`);
  return new WeightedChoice(values.filter(([v]) => !exclude.includes(v)));
}

const Q = {
  daysBirth: table('DAYS_BIRTH'),
  daysEmployed: table('DAYS_EMPLOYED'),
  daysRegistration: table('DAYS_REGISTRATION'),
  daysIdPublish: table('DAYS_ID_PUBLISH'),
  ownCarAge: table('OWN_CAR_AGE'),
  income: table('AMT_INCOME_TOTAL'),
  goods: table('AMT_GOODS_PRICE'),
  creditOverGoods: table('CREDIT_OVER_GOODS'),
  creditOverAnnuity: table('CREDIT_OVER_ANNUITY'),
  ext1: table('EXT_SOURCE_1'),
  ext2: table('EXT_SOURCE_2'),
  ext3: table('EXT_SOURCE_3'),
  phoneChange: table('DAYS_LAST_PHONE_CHANGE'),
  socialCircle: table('OBS_30_CNT_SOCIAL_CIRCLE'),
  hour: table('HOUR_APPR_PROCESS_START'),
  totalArea: table('TOTALAREA_MODE'),
};

const CHOICES = {
  suite: choice('NAME_TYPE_SUITE'),
  family: choice('NAME_FAMILY_STATUS'),
  housing: choice('NAME_HOUSING_TYPE'),
  occupation: choice('OCCUPATION_TYPE'),
  organization: choice('ORGANIZATION_TYPE', ['XNA']),
  weekday: choice('WEEKDAY_APPR_PROCESS_START'),
  fondkapremont: choice('FONDKAPREMONT_MODE'),
  housetype: choice('HOUSETYPE_MODE'),
  walls: choice('WALLSMATERIAL_MODE'),
  emergency: choice('EMERGENCYSTATE_MODE'),
  region: new WeightedChoice(REGIONS.map((r) => [r, r[3]] as const)),
  revolvingCredit: new WeightedChoice<number>([
    [135000, 30],
    [180000, 18],
    [202500, 8],
    [225000, 14],
    [270000, 10],
    [337500, 6],
    [450000, 7],
    [675000, 4],
    [900000, 2],
    [1237500, 1],
  ]),
};

/** Education weights in EDUCATION_ORDER, so a latent normal maps onto an ordered level. */
const EDUCATION_WEIGHTS = EDUCATION_ORDER.map(
  (level) => APPLICATION_VALUE_SETS.NAME_EDUCATION_TYPE?.find(([v]) => v === level)?.[1] ?? 0,
);

/** Rare income types (train counts out of 307,511) that replace the age-based draw. */
const RARE_INCOME_TYPES: readonly (readonly [string, number])[] = [
  ['Unemployed', 22 / 307511],
  ['Student', 18 / 307511],
  ['Businessman', 10 / 307511],
  ['Maternity leave', 5 / 307511],
];

const BUILDING_MEASURES = [
  ['APARTMENTS', 0.92],
  ['BASEMENTAREA', 0.75],
  ['YEARS_BEGINEXPLUATATION', 0.2],
  ['YEARS_BUILD', 0.4],
  ['COMMONAREA', 0.7],
  ['ELEVATORS', 0.75],
  ['ENTRANCES', 0.7],
  ['FLOORSMAX', 0.78],
  ['FLOORSMIN', 0.75],
  ['LANDAREA', 0.6],
  ['LIVINGAPARTMENTS', 0.9],
  ['LIVINGAREA', 0.92],
  ['NONLIVINGAPARTMENTS', 0.5],
  ['NONLIVINGAREA', 0.6],
] as const;

const BUILDING = BUILDING_MEASURES.map(([name, loading]) => ({
  loading,
  present: BUILDING_COLUMN_PRESENT[`${name}_AVG`] ?? 0.5,
  variants: (['AVG', 'MODE', 'MEDI'] as const).map((v) => ({
    col: col(`${name}_${v}`),
    q: table(`${name}_${v}`),
  })),
}));

const FLAG_COLUMNS = Object.keys(FLAG_RATES).map((name) => ({
  name,
  col: col(name),
  rates: FLAG_RATES[name] as readonly [number, number],
}));

const BUREAU_REQUEST_COLUMNS = ['HOUR', 'DAY', 'WEEK', 'MON', 'QRT', 'YEAR'].map((p) => ({
  col: col(`AMT_REQ_CREDIT_BUREAU_${p}`),
  q: table(`AMT_REQ_CREDIT_BUREAU_${p}`),
  hunger: p === 'YEAR' ? 0.35 : p === 'QRT' ? 0.2 : 0,
}));

const C = {
  contract: col('NAME_CONTRACT_TYPE'),
  gender: col('CODE_GENDER'),
  ownCar: col('FLAG_OWN_CAR'),
  ownRealty: col('FLAG_OWN_REALTY'),
  children: col('CNT_CHILDREN'),
  income: col('AMT_INCOME_TOTAL'),
  credit: col('AMT_CREDIT'),
  annuity: col('AMT_ANNUITY'),
  goods: col('AMT_GOODS_PRICE'),
  suite: col('NAME_TYPE_SUITE'),
  incomeType: col('NAME_INCOME_TYPE'),
  education: col('NAME_EDUCATION_TYPE'),
  family: col('NAME_FAMILY_STATUS'),
  housing: col('NAME_HOUSING_TYPE'),
  population: col('REGION_POPULATION_RELATIVE'),
  daysBirth: col('DAYS_BIRTH'),
  daysEmployed: col('DAYS_EMPLOYED'),
  daysRegistration: col('DAYS_REGISTRATION'),
  daysIdPublish: col('DAYS_ID_PUBLISH'),
  ownCarAge: col('OWN_CAR_AGE'),
  mobil: col('FLAG_MOBIL'),
  empPhone: col('FLAG_EMP_PHONE'),
  occupation: col('OCCUPATION_TYPE'),
  famMembers: col('CNT_FAM_MEMBERS'),
  rating: col('REGION_RATING_CLIENT'),
  ratingCity: col('REGION_RATING_CLIENT_W_CITY'),
  weekday: col('WEEKDAY_APPR_PROCESS_START'),
  hour: col('HOUR_APPR_PROCESS_START'),
  organization: col('ORGANIZATION_TYPE'),
  ext1: col('EXT_SOURCE_1'),
  ext2: col('EXT_SOURCE_2'),
  ext3: col('EXT_SOURCE_3'),
  fondkapremont: col('FONDKAPREMONT_MODE'),
  housetype: col('HOUSETYPE_MODE'),
  totalArea: col('TOTALAREA_MODE'),
  walls: col('WALLSMATERIAL_MODE'),
  emergency: col('EMERGENCYSTATE_MODE'),
  obs30: col('OBS_30_CNT_SOCIAL_CIRCLE'),
  def30: col('DEF_30_CNT_SOCIAL_CIRCLE'),
  obs60: col('OBS_60_CNT_SOCIAL_CIRCLE'),
  def60: col('DEF_60_CNT_SOCIAL_CIRCLE'),
  phoneChange: col('DAYS_LAST_PHONE_CHANGE'),
  regCityNotWorkCity: col('REG_CITY_NOT_WORK_CITY'),
  document3: col('FLAG_DOCUMENT_3'),
};

const DAYS_PER_YEAR = 365.25;

/** One generated application: its CSV line (without TARGET), the target and the history seed. */
export interface GeneratedApplication {
  /** The row in application_test column order, SK_ID_CURR first, no TARGET. */
  readonly line: string;
  /** Drawn default (0/1); written only for train clients. */
  readonly target: number;
  /** The probability of default the mechanism gave this client. */
  readonly probability: number;
  readonly seed: ClientSeed;
}

/** Correlated normal: loading·shared + √(1−loading²)·fresh noise. */
function correlated(rng: Random, shared: number, loading: number): number {
  return loading * shared + Math.sqrt(1 - loading * loading) * rng.normal();
}

function binomial(rng: Random, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) k++;
  return k;
}

/**
 * Generates one client. `rng` must be the client's own stream (new Random(seed, index)) so that
 * the output does not depend on how clients are split across workers.
 */
export function generateApplication(
  index: number,
  skIdCurr: number,
  isTest: boolean,
  rng: Random,
): GeneratedApplication {
  const rates = isTest ? SPLIT_RATES.test : SPLIT_RATES.train;
  const cells: string[] = new Array(APPLICATION_TEST_COLUMNS.length).fill('');
  const num = (i: number, v: number | null): void => {
    cells[i] = COLUMN_IS_INT[i] ? intCell(v) : floatCell(v);
  };

  // Latent factors: creditworthiness and the two history factors (riskier history goes with lower
  // creditworthiness, but each carries its own signal).
  const creditworthiness = rng.normal();
  const historyRisk = correlated(rng, -creditworthiness, 0.3);
  const creditHunger = rng.normal();

  cells[0] = String(skIdCurr);
  const revolving = rng.chance(rates.revolving);
  cells[C.contract] = revolving ? 'Revolving loans' : 'Cash loans';
  const g = rng.next();
  const gender = g < rates.genderXna ? 'XNA' : g < rates.genderXna + rates.female ? 'F' : 'M';
  const male = gender === 'M';
  cells[C.gender] = gender;

  // Age: older clients are a little more creditworthy. DAYS_BIRTH quantiles run oldest first.
  const zOld = correlated(rng, creditworthiness, 0.15);
  const daysBirth = Math.round(quantileAt(Q.daysBirth, normalCdf(-zOld)));
  const ageDays = -daysBirth;
  const ageYears = ageDays / DAYS_PER_YEAR;
  num(C.daysBirth, daysBirth);

  // Income type depends on age (pensioners); pensioners and unemployed form the sentinel group.
  let bucket = 0;
  while (bucket < AGE_EDGES.length - 2 && ageYears > (AGE_EDGES[bucket + 1] as number)) bucket++;
  let incomeType = INCOME_TYPES[
    indexAt(INCOME_TYPE_BY_AGE[bucket] as readonly number[], rng.next())
  ] as string;
  const rare = rng.next();
  let acc = 0;
  for (const [type, p] of RARE_INCOME_TYPES) {
    acc += p;
    if (rare < acc) {
      incomeType = type;
      break;
    }
  }
  const notEmployed = incomeType === 'Pensioner' || incomeType === 'Unemployed';
  cells[C.incomeType] = incomeType;

  // Education: an ordered level driven by creditworthiness.
  const eduNoise = rng.normal();
  const zEdu = 0.2 * creditworthiness + Math.sqrt(1 - 0.04) * eduNoise;
  const educationRank = indexAt(EDUCATION_WEIGHTS, normalCdf(zEdu));
  cells[C.education] = EDUCATION_ORDER[educationRank] as string;

  // Family: children follow the family status; the family counts the client, a partner, children.
  const family = CHOICES.family.draw(rng);
  cells[C.family] = family;
  const childWeights = CHILDREN_BY_FAMILY[family];
  const children = childWeights ? indexAt(childWeights, rng.next()) : 0;
  num(C.children, children);
  const partner = family === 'Married' || family === 'Civil marriage' ? 1 : 0;
  num(C.famMembers, family === 'Unknown' ? null : 1 + partner + children);

  // Income: education, creditworthiness and gender raise it; pensions are lower.
  const sexSign = male ? 1.4 : -0.7;
  const zIncome =
    0.3 * creditworthiness +
    0.3 * eduNoise +
    0.2 * sexSign -
    (notEmployed ? 0.3 : 0) +
    0.88 * rng.normal();
  let income = quantileAt(Q.income, normalCdf(zIncome));
  income = income >= 27000 ? Math.round(income / 4500) * 4500 : Math.round(income / 450) * 450;
  // The heavy tail: rare very high declared incomes (the real maximum is 117,000,000).
  if (rng.chance(0.0004)) income = Math.round(income * rng.logNormal(1.2, 0.8));
  if (rng.chance(0.000005)) income = 117000000;
  num(C.income, income);

  // Credit, goods price and annuity: the goods price follows income, the credit adds insurance
  // and fees on top of it, the term (credit/annuity) is longer for larger credits.
  let credit: number;
  let annuity: number;
  let goods: number | null;
  if (revolving) {
    credit = CHOICES.revolvingCredit.draw(rng);
    annuity = credit * 0.05;
    goods = rng.chance(0.0095) ? null : credit;
  } else {
    const zGoods = correlated(rng, zIncome, 0.45);
    goods = Math.max(45000, Math.round(quantileAt(Q.goods, normalCdf(zGoods)) / 4500) * 4500);
    credit = Math.round(goods * quantileAt(Q.creditOverGoods, rng.next()));
    const term = quantileAt(Q.creditOverAnnuity, normalCdf(correlated(rng, zGoods, 0.62)));
    annuity = Math.round((credit / term) * 2) / 2;
  }
  num(C.credit, credit);
  num(C.annuity, rng.chance(rates.missingAnnuity) ? null : annuity);
  num(C.goods, goods);
  cells[C.suite] = textCell(rng.chance(rates.missingSuite) ? null : CHOICES.suite.draw(rng));

  cells[C.housing] = textCell(
    ageYears < 30 && rng.chance(0.08) ? 'With parents' : CHOICES.housing.draw(rng),
  );
  const region = CHOICES.region.draw(rng);
  num(C.population, region[0]);
  num(C.rating, region[1]);
  num(C.ratingCity, region[2]);

  // Employment starts after 14; the sentinel group has DAYS_EMPLOYED = 365243.
  let daysEmployed: number = DAYS_SENTINEL;
  let yearsEmployed = 0;
  if (!notEmployed) {
    const zTenure = correlated(rng, zOld, 0.35);
    daysEmployed = Math.round(quantileAt(Q.daysEmployed, normalCdf(-zTenure)));
    const limit = Math.floor(ageDays - 14 * DAYS_PER_YEAR);
    if (-daysEmployed > limit) daysEmployed = -rng.int(0, Math.max(0, limit));
    yearsEmployed = -daysEmployed / DAYS_PER_YEAR;
  }
  num(C.daysEmployed, daysEmployed);

  const zReg = correlated(rng, zOld, 0.3);
  const daysRegistration = Math.max(
    -ageDays,
    Math.round(quantileAt(Q.daysRegistration, normalCdf(-zReg))),
  );
  num(C.daysRegistration, daysRegistration);
  let daysIdPublish = Math.round(quantileAt(Q.daysIdPublish, rng.next()));
  const idLimit = Math.floor(ageDays - 14 * DAYS_PER_YEAR);
  if (-daysIdPublish > idLimit) daysIdPublish = -rng.int(0, Math.max(0, idLimit));
  num(C.daysIdPublish, daysIdPublish);

  // Cars: men own one more often; the car age is present exactly for owners.
  const ownsCar = rng.chance(male ? 0.52 : 0.25);
  cells[C.ownCar] = ownsCar ? 'Y' : 'N';
  num(C.ownCarAge, ownsCar ? Math.round(quantileAt(Q.ownCarAge, rng.next())) : null);
  cells[C.ownRealty] = rng.chance(0.696) ? 'Y' : 'N';

  num(C.mobil, 1);
  num(C.empPhone, notEmployed ? 0 : 1);
  for (const f of FLAG_COLUMNS) num(f.col, rng.chance(f.rates[notEmployed ? 1 : 0]) ? 1 : 0);

  cells[C.occupation] = textCell(
    notEmployed || rng.chance(0.165) ? null : CHOICES.occupation.draw(rng),
  );
  cells[C.organization] = textCell(notEmployed ? 'XNA' : CHOICES.organization.draw(rng));
  cells[C.weekday] = CHOICES.weekday.draw(rng);
  num(C.hour, Math.round(quantileAt(Q.hour, rng.next())));

  // External scores: noisy observations of creditworthiness (EXT_SOURCE_3 the sharpest);
  // EXT_SOURCE_1 also tracks age strongly, as in the real data.
  const z1 = 0.35 * creditworthiness + 0.5 * zOld + 0.75 * rng.normal();
  const z2 = correlated(rng, creditworthiness, 0.45);
  const z3 = correlated(rng, creditworthiness, 0.55);
  num(C.ext1, rng.chance(rates.missingExt1) ? null : quantileAt(Q.ext1, normalCdf(z1 / 1.0)));
  num(C.ext2, rng.chance(rates.missingExt2) ? null : quantileAt(Q.ext2, normalCdf(z2)));
  num(C.ext3, rng.chance(rates.missingExt3) ? null : quantileAt(Q.ext3, normalCdf(z3)));

  // Building measures of the client's home: missing together, sized by one latent.
  if (rng.chance(BUILDING_PRESENT)) {
    const size = rng.normal();
    for (const m of BUILDING) {
      if (!rng.chance(m.present)) continue;
      const z = correlated(rng, size, m.loading);
      for (const v of m.variants) {
        const u = normalCdf(z + 0.12 * rng.normal());
        num(v.col, Math.round(quantileAt(v.q, u) * 10000) / 10000);
      }
    }
    if (rng.chance(BUILDING_COLUMN_PRESENT.TOTALAREA_MODE ?? 0.98)) {
      const u = normalCdf(correlated(rng, size, 0.93));
      num(C.totalArea, Math.round(quantileAt(Q.totalArea, u) * 10000) / 10000);
    }
    const cat = (c: number, name: string, w: WeightedChoice<string>): void => {
      if (rng.chance(BUILDING_COLUMN_PRESENT[name] ?? 0.9)) cells[c] = textCell(w.draw(rng));
    };
    cat(C.fondkapremont, 'FONDKAPREMONT_MODE', CHOICES.fondkapremont);
    cat(C.housetype, 'HOUSETYPE_MODE', CHOICES.housetype);
    cat(C.walls, 'WALLSMATERIAL_MODE', CHOICES.walls);
    cat(C.emergency, 'EMERGENCYSTATE_MODE', CHOICES.emergency);
  }

  // Social circle: acquaintances observed, and how many of them defaulted (riskier clients know
  // more defaulters).
  let defaults30 = 0;
  if (!rng.chance(rates.missingSocial)) {
    const obs30 = Math.round(quantileAt(Q.socialCircle, rng.next()));
    const obs60 = obs30 > 0 && rng.chance(0.01) ? obs30 - 1 : obs30;
    const pDefault = Math.min(0.9, 0.085 * Math.exp(-0.35 * creditworthiness));
    defaults30 = binomial(rng, obs30, pDefault);
    num(C.obs30, obs30);
    num(C.def30, defaults30);
    num(C.obs60, obs60);
    num(C.def60, binomial(rng, Math.min(defaults30, obs60), 0.71));
  }
  const daysPhoneChange = Math.max(-ageDays, Math.round(quantileAt(Q.phoneChange, rng.next())));
  num(C.phoneChange, daysPhoneChange);

  if (!rng.chance(rates.missingBureauRequests)) {
    for (const r of BUREAU_REQUEST_COLUMNS) {
      const z = r.hunger > 0 ? correlated(rng, creditHunger, r.hunger) : rng.normal();
      num(r.col, Math.round(quantileAt(r.q, normalCdf(z))));
    }
  }

  const risk: RiskInputs = {
    creditworthiness,
    historyRisk,
    creditHunger,
    ageYears,
    male,
    educationRank,
    incomeType,
    notEmployed,
    yearsEmployed,
    regionRatingWithCity: region[2],
    daysSincePhoneChange: -daysPhoneChange,
    daysSinceIdPublish: -daysIdPublish,
    regCityNotWorkCity: cells[C.regCityNotWorkCity] === '1',
    flagDocument3: cells[C.document3] === '1',
    creditTerm: credit / annuity,
    annuityToIncome: annuity / income,
    creditOverGoods: goods === null ? 1 : credit / goods,
    ownsCar,
    defaultsInSocialCircle: defaults30,
    revolving,
  };
  const probability = defaultProbability(risk);
  const target = rng.next() < probability ? 1 : 0;

  return {
    line: cells.join(','),
    target,
    probability,
    seed: {
      index,
      skIdCurr,
      isTest,
      historyRisk,
      creditHunger,
      daysBirth,
      daysEmployed: notEmployed ? null : daysEmployed,
      amtIncomeTotal: income,
      amtCredit: credit,
      amtAnnuity: annuity,
      nameContractType: cells[C.contract] as string,
    },
  };
}
