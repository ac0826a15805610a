/**
 * The client list and the client's file: the answers of GET /api/clients (src/api/clients/
 * client-list.ts) and GET /api/clients/:id (src/api/clients/repository.ts).
 */
import { nullableFeatureUnit } from './explanation.ts';
import { bandNameSchema, decisionSchema } from './score.ts';

const nullableNumber = { type: ['number', 'null'] } as const;
const nullableString = { type: ['string', 'null'] } as const;
const split = {
  type: 'string',
  enum: ['train', 'test', 'new'],
  description:
    'train: outcome known; test: outcome unknown; new: a new application stored by POST /api/applications or `creditlens score --save` (outcome unknown, decision pending until an adviser records it)',
} as const;

/** One row of the client list. */
export const clientSummarySchema = {
  $id: 'ClientSummary',
  type: 'object',
  required: [
    'id',
    'split',
    'contractType',
    'gender',
    'incomeType',
    'age',
    'income',
    'credit',
    'annuity',
    'probability',
    'points',
    'decision',
    'band',
    'finalDecision',
  ],
  additionalProperties: false,
  properties: {
    id: { type: 'integer', description: 'SK_ID_CURR' },
    split,
    contractType: { ...nullableString, description: 'NAME_CONTRACT_TYPE' },
    gender: { ...nullableString, description: 'CODE_GENDER' },
    incomeType: { ...nullableString, description: 'NAME_INCOME_TYPE' },
    age: { ...nullableNumber, description: 'whole years' },
    income: { ...nullableNumber, description: 'AMT_INCOME_TOTAL' },
    credit: { ...nullableNumber, description: 'the credit amount asked for (AMT_CREDIT)' },
    annuity: { ...nullableNumber, description: 'AMT_ANNUITY' },
    probability: { ...nullableNumber, description: 'calibrated PD; null without a model' },
    points: { ...nullableNumber, description: 'points on the run scale; null without a model' },
    decision: {
      type: ['string', 'null'],
      enum: [...decisionSchema.enum, null],
      description: "the model's decision (see Decision); null without a model",
    },
    band: {
      type: ['string', 'null'],
      enum: [...bandNameSchema.enum, null],
      description: "the served model's risk band (see BandName); null without a model",
    },
    finalDecision: {
      type: ['object', 'null'],
      description:
        "the adviser's latest final decision on the client, beside the model's; null when none is recorded",
      required: ['decision', 'followsModel', 'at'],
      additionalProperties: false,
      properties: {
        decision: { type: 'string', enum: decisionSchema.enum },
        followsModel: {
          type: 'boolean',
          description: "false when the adviser decided against the model's opinion",
        },
        at: { type: 'string', format: 'date-time' },
      },
    },
  },
} as const;

/** A page of the client list. */
export const clientListSchema = {
  $id: 'ClientList',
  type: 'object',
  required: ['total', 'page', 'pageSize', 'clients'],
  additionalProperties: false,
  properties: {
    total: { type: 'integer', description: 'clients passing the filters, over every page' },
    page: { type: 'integer' },
    pageSize: { type: 'integer' },
    clients: { type: 'array', items: { $ref: 'ClientSummary#' } },
  },
} as const;

/**
 * One value of a client's file: a numeric feature (unit set, value or null) or a raw categorical
 * field (unit and value null, category and its words set).
 */
export const fileValueSchema = {
  $id: 'FileValue',
  type: 'object',
  required: ['name', 'label_fr', 'label_en', 'unit', 'value'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', description: 'feature or application column name' },
    label_fr: { type: 'string' },
    label_en: { type: 'string' },
    unit: {
      ...nullableFeatureUnit,
      description:
        'unit from the feature dictionary ("currency", "date", …); null for a categorical',
    },
    value: { ...nullableNumber, description: 'numeric value; null when missing or categorical' },
    category: {
      ...nullableString,
      description: 'the raw category (null when missing); absent for numbers',
    },
    category_fr: {
      ...nullableString,
      description: 'the category in French words; absent for numbers',
    },
    category_en: {
      ...nullableString,
      description: 'the category in English words; absent for numbers',
    },
  },
} as const;

export const fileSectionSchema = {
  $id: 'FileSection',
  type: 'object',
  required: ['key', 'label_fr', 'label_en', 'values'],
  additionalProperties: false,
  properties: {
    key: {
      type: 'string',
      description: 'profile, employmentIncome, requestedLoan, housing, creditBureau, …',
    },
    label_fr: { type: 'string' },
    label_en: { type: 'string' },
    values: { type: 'array', items: { $ref: 'FileValue#' } },
  },
} as const;

/** A client's descriptive file, grouped in sections, with bilingual labels. */
export const clientFileSchema = {
  $id: 'ClientFile',
  type: 'object',
  required: ['id', 'split', 'sections'],
  additionalProperties: false,
  properties: {
    id: { type: 'integer', description: 'SK_ID_CURR' },
    split,
    sections: { type: 'array', items: { $ref: 'FileSection#' } },
  },
} as const;
