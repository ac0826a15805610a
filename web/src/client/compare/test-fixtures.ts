/** Answers shaped like the real API, for the comparison tests. */
import type {
  ClientFile,
  Distribution,
  ExplanationAnswer,
  SimilarAnswer,
} from './compare-types.ts';

export function distribution(overrides: Partial<Distribution> = {}): Distribution {
  return {
    group: 'all',
    feature: 'AMT_CREDIT',
    size: 100,
    missing: 0,
    edges: [0, 100_000, 200_000, 300_000],
    counts: { repaid: [30, 40, 10], defaulted: [2, 3, 5], unknown: [5, 3, 2] },
    quantiles: {
      all: { p5: 10_000, p25: 80_000, p50: 140_000, p75: 210_000, p95: 280_000 },
      repaid: { p5: 10_000, p25: 75_000, p50: 130_000, p75: 200_000, p95: 270_000 },
      defaulted: { p5: 50_000, p25: 150_000, p50: 220_000, p75: 260_000, p95: 295_000 },
    },
    client: { value: 250_000, percentile: 73.4 },
    ...overrides,
  };
}

export const clientFile: ClientFile = {
  id: 100002,
  split: 'train',
  sections: [
    {
      key: 'profile',
      label_fr: 'Profil',
      label_en: 'Profile',
      values: [
        {
          name: 'AGE_YEARS',
          label_fr: 'Âge (années)',
          label_en: 'Age (years)',
          unit: 'years',
          value: 25.9,
        },
        {
          name: 'CNT_CHILDREN',
          label_fr: "Nombre d'enfants",
          label_en: 'Number of children',
          unit: 'count',
          value: 0,
        },
        {
          name: 'DAYS_LAST_PHONE_CHANGE',
          label_fr: 'Dernier changement de téléphone (jours)',
          label_en: 'Days since last phone change (days before the application)',
          unit: 'days',
          value: -20,
        },
        {
          name: 'CODE_GENDER',
          label_fr: 'Sexe',
          label_en: 'Gender',
          unit: null,
          value: null,
          category: 'M',
        },
        {
          name: 'FLAG_OWN_CAR',
          label_fr: 'Possède une voiture',
          label_en: 'Owns a car',
          unit: null,
          value: null,
          category: 'N',
        },
        {
          name: 'NAME_EDUCATION_TYPE',
          label_fr: "Niveau d'études",
          label_en: 'Education',
          unit: null,
          value: null,
          category: 'Secondary / secondary special',
        },
      ],
    },
    {
      key: 'requestedLoan',
      label_fr: 'Prêt demandé',
      label_en: 'Requested loan',
      values: [
        {
          name: 'AMT_CREDIT',
          label_fr: 'Montant du crédit',
          label_en: 'Credit amount',
          unit: 'currency',
          value: 406597.5,
        },
        {
          name: 'AMT_ANNUITY',
          label_fr: 'Mensualité',
          label_en: 'Annuity',
          unit: 'currency',
          value: 24700.5,
        },
        {
          name: 'AMT_GOODS_PRICE',
          label_fr: 'Prix du bien',
          label_en: 'Goods price',
          unit: 'currency',
          value: 351000,
        },
        {
          name: 'NAME_CONTRACT_TYPE',
          label_fr: 'Type de contrat',
          label_en: 'Contract type',
          unit: null,
          value: null,
          category: 'Cash loans',
        },
      ],
    },
    {
      key: 'externalScores',
      label_fr: 'Scores externes',
      label_en: 'External scores',
      values: [
        {
          name: 'EXT_SOURCE_2',
          label_fr: 'Score externe 2',
          label_en: 'External score 2',
          unit: 'score',
          value: 0.263,
        },
      ],
    },
  ],
};

export const explanation: ExplanationAnswer = {
  clientId: 100002,
  reasons: {
    adverse: [
      {
        key: 'EXT_SOURCE_2',
        features: ['EXT_SOURCE_2'],
        direction: 'adverse',
        textFr: 'Score externe 2 bas (0,263)',
        textEn: 'Low external score 2 (0.263)',
        labelFr: 'Score externe 2',
        labelEn: 'External score 2',
        probabilityPoints: 4.2,
      },
      {
        key: 'CODE_GENDER',
        features: ['CODE_GENDER__M', 'CODE_GENDER__F'],
        direction: 'adverse',
        textFr: 'Sexe : Homme',
        textEn: 'Gender: Male',
        labelFr: 'Sexe',
        labelEn: 'Gender',
        probabilityPoints: 1,
      },
    ],
    favourable: [
      {
        key: 'AMT_CREDIT',
        features: ['AMT_CREDIT'],
        direction: 'favourable',
        textFr: 'Montant modéré',
        textEn: 'Moderate amount',
        labelFr: 'Montant du crédit',
        labelEn: 'Credit amount',
        probabilityPoints: -1.5,
      },
    ],
  },
};

export const similar: SimilarAnswer = {
  clientId: 100002,
  space: [
    { name: 'EXT_SOURCE_2', weight: 0.6 },
    { name: 'AMT_CREDIT', weight: 0.4 },
  ],
  neighbours: [
    { id: 100010, distance: 0.1, defaulted: false, score: 0.05 },
    { id: 100011, distance: 0.2, defaulted: true, score: 0.3 },
  ],
  defaultRate: 0.5,
  meanScore: 0.175,
  comparison: [
    { feature: 'EXT_SOURCE_2', client: 0.42, groupMean: 0.515, groupMedian: 0.515, groupCount: 2 },
    {
      feature: 'AMT_CREDIT',
      client: 450000,
      groupMean: 300000,
      groupMedian: 300000,
      groupCount: 2,
    },
    {
      feature: 'DAYS_LAST_PHONE_CHANGE',
      client: -20,
      groupMean: -321.2,
      groupMedian: -327.5,
      groupCount: 2,
    },
  ],
};
