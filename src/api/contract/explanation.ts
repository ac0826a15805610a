/**
 * A client's explanation: the answer of GET /api/clients/:id/explanation and the explaining part
 * of POST /api/score. The data is src/explain's (contributions.ts, themes.ts, reasons.ts,
 * client-reasons.ts, to-complete.ts), as served by src/api/explanation/compact.ts; the reason codes
 * are src/data/features/reason-codes.ts (docs/reason-codes.md).
 */
import { THEMES, UNITS } from '../../data/features/dictionary-types.ts';
import { REASON_FAMILIES } from '../../data/features/reason-codes.ts';

export const featureThemeSchema = {
  $id: 'FeatureTheme',
  type: 'string',
  enum: [...THEMES, 'other'],
  description:
    "the feature dictionary's theme of a unit (explanations are told by theme); 'other' for a feature outside the dictionary",
} as const;

export const contributionUnitSchema = {
  $id: 'ContributionUnit',
  type: 'string',
  enum: [...UNITS, 'category'],
  description:
    "how a unit's value reads (the dictionary's unit); 'category' for a categorical (its value is in `category`)",
} as const;

/**
 * A feature's unit from the dictionary, given beside its values wherever an answer carries them
 * (the file, a distribution, the similar clients' comparison, a scatter), so the dashboard writes
 * each value as src/explain/format.ts does; null for a feature outside the dictionary.
 */
export const nullableFeatureUnit = {
  anyOf: [{ type: 'string', enum: [...UNITS] }, { type: 'null' }],
  description:
    'the dictionary\'s unit of the values ("currency", "date", "elapsed", …, docs/features.md); null outside the dictionary',
} as const;

export const reasonFamilySchema = {
  $id: 'ReasonFamily',
  type: 'string',
  enum: [...REASON_FAMILIES],
  description:
    'the family of a reason code (docs/reason-codes.md): a client is told each family at most once',
} as const;

/** A reason code's identifier (docs/reason-codes.md); R-OTHER for a feature outside the dictionary. */
const code = {
  type: 'string',
  pattern: '^R-[A-Z0-9-]+$',
  description:
    'the reason code (docs/reason-codes.md), e.g. "R-AFFORD-ANNUITY"; "R-OTHER" for a feature outside the dictionary',
} as const;

/** Whether the answer is the adviser's view or the client's (the customer role gets the latter). */
const view = {
  type: 'string',
  enum: ['adviser', 'client'],
  description:
    "'adviser' (advisers, admins): every unit listed, the adviser's reasons; 'client' (customers): only client-explainable units listed (sums still cover every unit) and `reasons` is the client view (the same as `clientReasons`)",
} as const;

/** What the values of a code are (the external scores), in both languages; null: nothing to say. */
const note = {
  noteFr: {
    type: ['string', 'null'],
    description:
      'one sentence saying what the values are, for the external scores ("Scores calculés par des organismes externes…"); null otherwise',
  },
  noteEn: { type: ['string', 'null'] },
} as const;

/** The three scales every contribution (and every sum of them) is given in. */
const effect = {
  logOdds: {
    type: 'number',
    description: 'SHAP value in log-odds of default: > 0 raises the risk',
  },
  points: {
    type: 'number',
    description: 'the same on the score scale: > 0 raises the score (lowers the risk)',
  },
  probabilityPoints: {
    type: 'number',
    description:
      "share of the probability's change from the expected one, in percentage points: > 0 raises the probability of default",
  },
} as const;

export const contributionSchema = {
  $id: 'Contribution',
  type: 'object',
  description: "one explanation unit: a feature, or a categorical's one-hot columns together",
  required: [
    'key',
    'features',
    'labelFr',
    'labelEn',
    'code',
    'theme',
    'unit',
    'actionable',
    'immutable',
    'sensitive',
    'value',
    'category',
    'logOdds',
    'points',
    'probabilityPoints',
  ],
  additionalProperties: false,
  properties: {
    key: {
      type: 'string',
      description: 'the feature name, or the raw categorical column for a one-hot group',
    },
    features: {
      type: 'array',
      items: { type: 'string' },
      description: 'the model features summed into this unit',
    },
    labelFr: { type: 'string' },
    labelEn: { type: 'string' },
    code,
    theme: { $ref: 'FeatureTheme#' },
    unit: { $ref: 'ContributionUnit#' },
    actionable: {
      type: 'boolean',
      description: 'the applicant can change it for this application (amount, term, goods price)',
    },
    immutable: {
      type: 'boolean',
      description: 'cannot change (age, gender, past history): never proposed as recourse',
    },
    sensitive: {
      type: 'boolean',
      description: 'a protected attribute or derived from one (present only when the model has it)',
    },
    value: {
      type: ['number', 'null'],
      description: "the client's value; null when missing, and for a categorical (see `category`)",
    },
    category: {
      type: ['string', 'null'],
      description: "for a categorical: the client's category, null when missing or unknown",
    },
    ...effect,
  },
} as const;

export const restOfContributionsSchema = {
  $id: 'RestOfContributions',
  type: 'object',
  description: 'what the top units leave out, summed',
  required: ['count', 'logOdds', 'points', 'probabilityPoints'],
  additionalProperties: false,
  properties: { count: { type: 'integer', description: 'units summed' }, ...effect },
} as const;

export const contributionSetSchema = {
  $id: 'ContributionSet',
  type: 'object',
  description: 'expectedLogOdds + Σ logOdds of every unit = logOdds, exactly',
  required: ['expectedLogOdds', 'logOdds', 'expectedProbability', 'probability', 'top', 'rest'],
  additionalProperties: false,
  properties: {
    expectedLogOdds: {
      type: 'number',
      description: "the model's mean margin (log-odds) over its training data",
    },
    logOdds: { type: 'number', description: "the client's margin" },
    expectedProbability: {
      type: 'number',
      description: 'the calibrated probability at the expected margin: the "average client"',
    },
    probability: {
      type: 'number',
      description: "the client's calibrated probability of default, as the score route gives it",
    },
    all: {
      type: 'array',
      items: { $ref: 'Contribution#' },
      description:
        'every unit, largest |logOdds| first; only with ?all=true (≈150 KB); in the client view, the client-explainable units only',
    },
    top: {
      type: 'array',
      items: { $ref: 'Contribution#' },
      description: 'the largest units (|logOdds|), one by one',
    },
    rest: { $ref: 'RestOfContributions#' },
  },
} as const;

export const themeContributionSchema = {
  $id: 'ThemeContribution',
  type: 'object',
  description:
    "one theme's units summed (exact: the themes add up to the whole), for the waterfall",
  required: [
    'theme',
    'logOdds',
    'points',
    'probabilityPoints',
    'count',
    'contributions',
    'noteFr',
    'noteEn',
  ],
  additionalProperties: false,
  properties: {
    theme: { $ref: 'FeatureTheme#' },
    ...effect,
    noteFr: {
      type: ['string', 'null'],
      description:
        'what the values of the theme are, when its reason codes share a note (the external scores: "Scores calculés par des organismes externes…"); null otherwise',
    },
    noteEn: { type: ['string', 'null'] },
    count: {
      type: 'integer',
      description:
        "the theme's units (the totals cover them all); in the client view, its client-explainable units",
    },
    contributions: {
      type: 'array',
      items: { $ref: 'Contribution#' },
      description: "the theme's largest units (|logOdds|), at most 8",
    },
  },
} as const;

export const reasonSchema = {
  $id: 'Reason',
  type: 'object',
  description:
    "a main reason of the score as French and English sentences citing the client's value and a population reference",
  required: [
    'key',
    'features',
    'direction',
    'theme',
    'code',
    'family',
    'clientExplainable',
    'actionable',
    'statementFr',
    'statementEn',
    'noteFr',
    'noteEn',
    'textFr',
    'textEn',
    'labelFr',
    'labelEn',
    'valueFr',
    'valueEn',
    'referenceFr',
    'referenceEn',
    'logOdds',
    'points',
    'probabilityPoints',
    'sensitive',
  ],
  additionalProperties: false,
  properties: {
    key: {
      type: 'string',
      description:
        "the unit (Contribution.key) behind the reason; in the client view, the code's strongest unit, whose value is cited",
    },
    features: {
      type: 'array',
      items: { type: 'string' },
      description: "the model features behind it (in the client view, all of the code's told)",
    },
    direction: {
      type: 'string',
      enum: ['adverse', 'favourable'],
      description: 'adverse raises the risk, favourable lowers it',
    },
    theme: { $ref: 'FeatureTheme#' },
    code,
    family: { $ref: 'ReasonFamily#' },
    clientExplainable: {
      type: 'boolean',
      description: 'the code is one a client can understand (always true in the client view)',
    },
    actionable: {
      type: 'boolean',
      description:
        "the code's flag: the client can change it (amount, term, proof of income…); broader than the fields recourse changes",
    },
    statementFr: {
      type: 'string',
      description:
        'what a client is told: the code\'s statement in this direction ("Vos revenus sont faibles au regard de la mensualité demandée"), or its "no history" one when the value is missing for want of history',
    },
    statementEn: { type: 'string' },
    ...note,
    textFr: {
      type: 'string',
      description:
        'the whole sentence: the adviser view\'s "Âge : 24 ans, contre 44 ans pour les clients qui ont remboursé"; the client view\'s statement with that detail in brackets',
    },
    textEn: { type: 'string' },
    labelFr: { type: 'string' },
    labelEn: { type: 'string' },
    valueFr: { type: 'string', description: "the client's value as written in the sentence" },
    valueEn: { type: 'string' },
    referenceFr: {
      type: ['string', 'null'],
      description: 'the population reference as written in the sentence; null when there is none',
    },
    referenceEn: { type: ['string', 'null'] },
    ...effect,
    sensitive: {
      type: 'boolean',
      description:
        'a protected attribute (or one derived from it) drives the reason: flagged, and its sentence says so',
    },
  },
} as const;

export const reasonSetSchema = {
  $id: 'ReasonSet',
  type: 'object',
  description:
    "the adviser's reasons: at most four each way, largest first, at most two per theme (in a client-view answer, the client's reasons)",
  required: ['adverse', 'favourable'],
  additionalProperties: false,
  properties: {
    adverse: { type: 'array', items: { $ref: 'Reason#' } },
    favourable: { type: 'array', items: { $ref: 'Reason#' } },
  },
} as const;

export const otherElementsSchema = {
  $id: 'OtherElements',
  type: 'object',
  description:
    'what the client reasons leave out, pooled into one line ("Autres éléments du dossier"): the reasons and this line add up to the whole',
  required: ['labelFr', 'labelEn', 'count', 'logOdds', 'points', 'probabilityPoints'],
  additionalProperties: false,
  properties: {
    labelFr: { type: 'string', description: '"Autres éléments du dossier"' },
    labelEn: { type: 'string', description: '"Other elements of the file"' },
    count: { type: 'integer', description: 'units pooled' },
    ...effect,
  },
} as const;

export const clientReasonSetSchema = {
  $id: 'ClientReasonSet',
  type: 'object',
  description:
    "the client's view of the reasons (customer view, letter): client-explainable codes only, never a protected attribute, one reason per code (its units summed), each family once, at most four each way, everything else in `others`",
  required: ['adverse', 'favourable', 'others'],
  additionalProperties: false,
  properties: {
    adverse: { type: 'array', items: { $ref: 'Reason#' } },
    favourable: { type: 'array', items: { $ref: 'Reason#' } },
    others: { $ref: 'OtherElements#' },
  },
} as const;

export const toCompleteSchema = {
  $id: 'ToComplete',
  type: 'object',
  description:
    "a new application's information to complete: units left unknown by application fields not given that the model weighs, grouped by reason code, with the fields to give (never reasons); a value missing for a reason of its own (no job) or a history the applicant lacks is not to complete",
  required: [
    'code',
    'family',
    'titleFr',
    'titleEn',
    'clientExplainable',
    'noteFr',
    'noteEn',
    'fields',
    'units',
    'logOdds',
    'points',
    'probabilityPoints',
  ],
  additionalProperties: false,
  properties: {
    code,
    family: { $ref: 'ReasonFamily#' },
    titleFr: { type: 'string', description: 'the code\'s title, e.g. "Mensualité"' },
    titleEn: { type: 'string' },
    clientExplainable: { type: 'boolean' },
    ...note,
    fields: {
      type: 'array',
      items: { type: 'string' },
      description:
        'the application fields to give (as POST /api/score takes them: AMT_ANNUITY, EXT_SOURCE_1…)',
    },
    units: {
      type: 'array',
      description: 'the explanation units left unknown, largest weight first',
      items: {
        type: 'object',
        required: ['key', 'labelFr', 'labelEn'],
        additionalProperties: false,
        properties: {
          key: { type: 'string', description: 'the feature, or the categorical field' },
          labelFr: { type: 'string' },
          labelEn: { type: 'string' },
        },
      },
    },
    ...effect,
  },
} as const;

/** The parts every explaining answer shares beside contributions and themes. */
export const explainingParts = { view, clientReasons: { $ref: 'ClientReasonSet#' } } as const;

export const explanationSchema = {
  $id: 'Explanation',
  type: 'object',
  description:
    "why the model scored the client so: exact contributions in log-odds (TreeSHAP for trees, coefficient × centred value for logistic regression; each labelled by its reason code), the same by theme, the adviser's reasons and the client's; a customer gets the client view (`view: 'client'`)",
  required: [
    'clientId',
    'modelVersion',
    'view',
    'contributions',
    'themes',
    'reasons',
    'clientReasons',
  ],
  additionalProperties: false,
  properties: {
    clientId: { type: 'integer' },
    modelVersion: { type: 'string' },
    view: explainingParts.view,
    contributions: { $ref: 'ContributionSet#' },
    themes: {
      type: 'array',
      items: { $ref: 'ThemeContribution#' },
      description: 'themes by decreasing |logOdds|',
    },
    reasons: { $ref: 'ReasonSet#' },
    clientReasons: explainingParts.clientReasons,
  },
} as const;
