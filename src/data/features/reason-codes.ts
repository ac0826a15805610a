/**
 * Reason codes: the governed catalogue that turns the model's features into what a client can be
 * told. Every feature of the dictionary (every column of the feature table) resolves to exactly one
 * code; several features share one (EXT_SOURCE_1..3 and their mean, minimum and maximum are one
 * external-assessment signal). Each code has:
 *
 * - a stable identifier (`R-AFFORD-ANNUITY`), never reused for another meaning;
 * - a family (affordability, credit history, …): a client hears each family at most once;
 * - a short title and the statements a client understands, adverse and favourable, in French and
 *   English ("Vos revenus sont faibles au regard de la mensualité demandée"), and for history and
 *   external scores the statement when the value is missing for want of history;
 * - whether it is client-explainable (a client can see why it bears on repayment: income,
 *   instalment, past payment delays — not the building's common areas or the day of the week) and
 *   whether it is actionable (the client can change it: amount, term, proof of income — not age).
 *
 * A code's flags are not the dictionary's: `actionable` here is broader than the dictionary's
 * (which names what recourse may change for this application); tests keep them consistent (a
 * feature recourse may change is in an actionable code, an immutable one never is).
 *
 * Reviewed like code; docs/reason-codes.md is generated from this table (reason-codes-doc.ts), and
 * reason-codes.test.ts holds it one-to-one against the dictionary and a built feature table.
 */

/** A text in both languages. */
export interface Wording {
  readonly fr: string;
  readonly en: string;
}

/** Families group codes into what a client recognises; a client is told each at most once. */
export const REASON_FAMILIES = [
  'affordability',
  'loan',
  'external assessment',
  'payment behaviour',
  'current credit',
  'credit history',
  'employment',
  'personal situation',
  'housing',
  'region',
  'application details',
] as const;
export type ReasonFamily = (typeof REASON_FAMILIES)[number];

export const FAMILY_LABELS: Readonly<Record<ReasonFamily, Wording>> = {
  affordability: { fr: 'Capacité de remboursement', en: 'Affordability' },
  loan: { fr: 'Crédit demandé', en: 'Loan requested' },
  'external assessment': { fr: 'Évaluations externes', en: 'External assessment' },
  'payment behaviour': { fr: 'Comportement de paiement', en: 'Payment behaviour' },
  'current credit': { fr: 'Crédits en cours', en: 'Current credit' },
  'credit history': { fr: 'Historique de crédit', en: 'Credit history' },
  employment: { fr: 'Emploi et revenus', en: 'Employment and income' },
  'personal situation': { fr: 'Situation personnelle', en: 'Personal situation' },
  housing: { fr: 'Logement', en: 'Housing' },
  region: { fr: 'Lieu de résidence', en: 'Place of residence' },
  'application details': { fr: 'Détails de la demande', en: 'Application details' },
};

export interface ReasonCode {
  /** Stable identifier, `R-` + family abbreviation + topic, e.g. "R-AFFORD-ANNUITY". */
  readonly code: string;
  readonly family: ReasonFamily;
  /** A short name ("Mensualité et revenus"), for lists and the information to complete. */
  readonly title: Wording;
  /** What a client is told when the code raises the risk. */
  readonly adverse: Wording;
  /** What a client is told when it lowers the risk. */
  readonly favourable: Wording;
  /**
   * What a client is told when the value behind it is missing because there is no such history
   * (or no external score); null: a missing value of this code is never told to a client.
   */
  readonly absent: Wording | null;
  /** One sentence saying what the values are, told wherever the code appears; null: none. */
  readonly note: Wording | null;
  /** A client can understand why it bears on repayment. */
  readonly clientExplainable: boolean;
  /** The client can change it (amount, term, proof of income, documents…). */
  readonly actionable: boolean;
  /** The features it covers: exact names, or patterns over names. */
  readonly features: readonly (string | RegExp)[];
}

const w = (fr: string, en: string): Wording => ({ fr, en });

/** The statements that, for want of a history, say so instead of citing a value. */
const ABSENT = {
  bureau: w(
    "Peu ou pas d'historique de crédit connu auprès d'autres organismes",
    'Little or no credit history on record with other lenders',
  ),
  ours: w('Peu ou pas d’historique de crédit chez nous', 'Little or no credit history with us'),
  card: w(
    'Peu ou pas d’historique de carte de crédit chez nous',
    'Little or no credit card history with us',
  ),
  applications: w(
    'Peu ou pas de demandes de crédit précédentes chez nous',
    'Few or no previous credit applications with us',
  ),
  running: w('Peu ou pas de crédits en cours connus', 'Few or no running loans on record'),
  recent: w(
    'Peu ou pas de demandes de crédit récentes connues',
    'Few or no recent credit applications on record',
  ),
} as const;

const EXTERNAL_NOTE = w(
  'Scores calculés par des organismes externes à partir de votre historique de crédit, de 0 (risque élevé) à 1 (risque faible).',
  'Scores computed by external agencies from your credit history, from 0 (high risk) to 1 (low risk).',
);

type Flags = 'explainable, actionable' | 'explainable' | 'actionable' | 'neither';

interface Spec {
  readonly code: string;
  readonly family: ReasonFamily;
  readonly title: Wording;
  readonly adverse: Wording;
  readonly favourable: Wording;
  readonly flags: Flags;
  readonly features: readonly (string | RegExp)[];
  readonly absent?: Wording;
  readonly note?: Wording;
}

/**
 * "weighs against" / "works in favour" of a topic: for codes whose direction a value cannot say.
 * `plural`: the topic is a plural subject ("Vos crédits passés chez nous pèsent…").
 */
function weighs(
  topicFr: string,
  topicEn: string,
  plural = false,
): Pick<Spec, 'adverse' | 'favourable'> {
  return plural
    ? {
        adverse: w(`${topicFr} pèsent défavorablement`, `${topicEn} weigh against the application`),
        favourable: w(`${topicFr} jouent en votre faveur`, `${topicEn} work in your favour`),
      }
    : {
        adverse: w(`${topicFr} pèse défavorablement`, `${topicEn} weighs against the application`),
        favourable: w(`${topicFr} joue en votre faveur`, `${topicEn} works in your favour`),
      };
}

/** The catalogue, by family. Order here is the order of docs/reason-codes.md. */
const SPECS: readonly Spec[] = [
  // ------------------------------------------------------------ affordability
  {
    code: 'R-AFFORD-ANNUITY',
    family: 'affordability',
    title: w('Mensualité au regard des revenus', 'Instalment against income'),
    adverse: w(
      'Vos revenus sont faibles au regard de la mensualité demandée',
      'Your income is low compared with the instalment requested',
    ),
    favourable: w(
      'Vos revenus couvrent largement la mensualité demandée',
      'Your income comfortably covers the instalment requested',
    ),
    flags: 'explainable, actionable',
    features: ['ANNUITY_TO_INCOME', 'ANNUITY_TO_INCOME_PER_MEMBER', 'INCOME_AFTER_ANNUITY'],
  },
  {
    code: 'R-AFFORD-CREDIT',
    family: 'affordability',
    title: w('Montant au regard des revenus', 'Amount against income'),
    adverse: w(
      'Le montant demandé est élevé au regard de vos revenus',
      'The amount requested is high compared with your income',
    ),
    favourable: w(
      'Le montant demandé est modéré au regard de vos revenus',
      'The amount requested is moderate compared with your income',
    ),
    flags: 'explainable, actionable',
    features: ['CREDIT_TO_INCOME'],
  },
  {
    code: 'R-AFFORD-INCOME',
    family: 'affordability',
    title: w('Revenus', 'Income'),
    adverse: w('Vos revenus déclarés sont modestes', 'Your declared income is modest'),
    favourable: w('Vos revenus déclarés sont confortables', 'Your declared income is comfortable'),
    flags: 'explainable, actionable',
    features: ['AMT_INCOME_TOTAL', 'INCOME_PER_FAMILY_MEMBER'],
  },
  // ------------------------------------------------------------ loan requested
  {
    code: 'R-LOAN-AMOUNT',
    family: 'loan',
    title: w('Montant du crédit', 'Credit amount'),
    adverse: w('Le montant du crédit demandé est élevé', 'The credit amount requested is high'),
    favourable: w(
      'Le montant du crédit demandé est modéré',
      'The credit amount requested is moderate',
    ),
    flags: 'explainable, actionable',
    features: ['AMT_CREDIT'],
  },
  {
    code: 'R-LOAN-INSTALMENT',
    family: 'loan',
    title: w('Mensualité', 'Instalment'),
    adverse: w('La mensualité demandée est élevée', 'The instalment requested is high'),
    favourable: w('La mensualité demandée est modérée', 'The instalment requested is moderate'),
    flags: 'explainable, actionable',
    features: ['AMT_ANNUITY'],
  },
  {
    code: 'R-LOAN-TERM',
    family: 'loan',
    title: w('Durée du crédit', 'Loan term'),
    ...weighs('La durée demandée pour ce crédit', 'The term requested for this loan'),
    flags: 'explainable, actionable',
    features: ['CREDIT_TERM_MONTHS'],
  },
  {
    code: 'R-LOAN-GOODS',
    family: 'loan',
    title: w('Prix du bien financé', 'Price of the goods financed'),
    ...weighs(
      'Le rapport entre le crédit et le prix du bien financé',
      'How the credit compares with the price of the goods financed',
    ),
    flags: 'explainable, actionable',
    features: ['AMT_GOODS_PRICE', 'GOODS_TO_CREDIT', 'CREDIT_OVER_GOODS'],
  },
  {
    code: 'R-LOAN-TYPE',
    family: 'loan',
    title: w('Type de crédit', 'Type of credit'),
    ...weighs(
      'Le type de crédit demandé (prêt personnel ou renouvelable)',
      'The type of credit requested (cash or revolving loan)',
    ),
    flags: 'explainable, actionable',
    features: [/^NAME_CONTRACT_TYPE__/],
  },
  // ------------------------------------------------------------ external assessment
  {
    code: 'R-EXT-SCORE',
    family: 'external assessment',
    title: w('Scores externes', 'External scores'),
    adverse: w(
      'Les scores de crédit établis par des organismes externes sont faibles',
      'The credit scores from external agencies are low',
    ),
    favourable: w(
      'Les scores de crédit établis par des organismes externes sont bons',
      'The credit scores from external agencies are good',
    ),
    absent: w(
      'Certains scores externes ne sont pas disponibles à votre sujet',
      'Some external scores are not available about you',
    ),
    note: EXTERNAL_NOTE,
    flags: 'explainable',
    features: [
      'EXT_SOURCE_1',
      'EXT_SOURCE_2',
      'EXT_SOURCE_3',
      'EXT_SOURCE_MEAN',
      'EXT_SOURCE_MIN',
      'EXT_SOURCE_MAX',
      'EXT_SOURCE_STD',
      'EXT_SOURCE_PRODUCT',
    ],
  },
  {
    code: 'R-EXT-MISSING',
    family: 'external assessment',
    title: w('Scores externes disponibles', 'External scores available'),
    adverse: w(
      'Peu de scores externes sont disponibles à votre sujet',
      'Few external scores are available about you',
    ),
    favourable: w(
      'Des scores externes sont disponibles à votre sujet',
      'External scores are available about you',
    ),
    note: EXTERNAL_NOTE,
    flags: 'explainable',
    features: ['EXT_SOURCE_MISSING_COUNT'],
  },
  // ------------------------------------------------------------ payment behaviour
  {
    code: 'R-PAY-LATE',
    family: 'payment behaviour',
    title: w('Retards de paiement chez nous', 'Late payments with us'),
    adverse: w(
      'Des échéances de vos crédits chez nous ont été payées en retard',
      'Instalments of your loans with us were paid late',
    ),
    favourable: w(
      'Les échéances de vos crédits chez nous ont été payées à temps',
      'Instalments of your loans with us were paid on time',
    ),
    absent: ABSENT.ours,
    flags: 'explainable',
    features: [/^INST_(PAYMENT_DELAY|LATE|EARLY)_/, /^POS_(SK_DPD|DPD)_/],
  },
  {
    code: 'R-PAY-SHORT',
    family: 'payment behaviour',
    title: w('Échéances payées en partie', 'Instalments paid in part'),
    adverse: w(
      "Des échéances de vos crédits chez nous n'ont pas été payées en totalité",
      'Instalments of your loans with us were not paid in full',
    ),
    favourable: w(
      'Les échéances de vos crédits chez nous ont été payées en totalité',
      'Instalments of your loans with us were paid in full',
    ),
    absent: ABSENT.ours,
    flags: 'explainable',
    features: [/^INST_(PAID_SHARE|SHORT_SHARE|AMOUNT_MISSING|UNPAID|TOTAL_PAID)(_|$)/],
  },
  {
    code: 'R-PAY-CARD',
    family: 'payment behaviour',
    title: w('Remboursement de la carte de crédit', 'Credit card repayment'),
    adverse: w(
      'Votre carte de crédit a connu des retards ou des remboursements inférieurs au minimum',
      'Your credit card was paid late or below the minimum',
    ),
    favourable: w(
      'Votre carte de crédit est remboursée régulièrement',
      'Your credit card is repaid regularly',
    ),
    absent: ABSENT.card,
    flags: 'explainable',
    features: [/^CC_(SK_DPD|DPD|BELOW_MINIMUM|PAYMENT_TO_MINIMUM)_/],
  },
  {
    code: 'R-PAY-BUREAU',
    family: 'payment behaviour',
    title: w("Retards auprès d'autres organismes", 'Late payments with other lenders'),
    adverse: w(
      "Des retards de paiement ont été déclarés par d'autres organismes de crédit",
      'Late payments were reported by other lenders',
    ),
    favourable: w(
      "Peu ou pas de retards de paiement déclarés par d'autres organismes de crédit",
      'Few or no late payments reported by other lenders',
    ),
    absent: ABSENT.bureau,
    flags: 'explainable',
    features: [
      /^BUREAU_(ACTIVE_|CLOSED_)?(CREDIT_DAY_OVERDUE|AMT_CREDIT_MAX_OVERDUE|AMT_CREDIT_SUM_OVERDUE|BALANCE_DPD|BALANCE_WORST_STATUS)_/,
      'BUREAU_OVERDUE_TO_DEBT',
    ],
  },
  {
    code: 'R-PAY-BAD-DEBT',
    family: 'payment behaviour',
    title: w('Créances douteuses', 'Bad debts'),
    adverse: w(
      'Un crédit passé a été vendu ou classé en créance douteuse',
      'A past loan was sold or written off as bad debt',
    ),
    favourable: w(
      "Aucun crédit passé n'a été classé en créance douteuse",
      'No past loan was written off as bad debt',
    ),
    absent: ABSENT.bureau,
    flags: 'explainable',
    features: ['BUREAU_SOLD_OR_BAD_DEBT_COUNT'],
  },
  {
    code: 'R-PAY-EXTENDED',
    family: 'payment behaviour',
    title: w('Crédits prolongés', 'Loans extended'),
    adverse: w(
      'Des crédits auprès d’autres organismes ont dû être prolongés',
      'Loans with other lenders had to be extended',
    ),
    favourable: w(
      'Vos crédits auprès d’autres organismes ont été remboursés sans prolongation',
      'Your loans with other lenders were repaid without extension',
    ),
    absent: ABSENT.bureau,
    flags: 'explainable',
    features: [/^BUREAU_(ACTIVE_|CLOSED_)?CNT_CREDIT_PROLONG_SUM$/],
  },
  // ------------------------------------------------------------ current credit
  {
    code: 'R-CUR-DEBT',
    family: 'current credit',
    title: w('Dette restant due', 'Debt outstanding'),
    adverse: w(
      'Il vous reste une dette importante à rembourser sur vos crédits en cours',
      'A large debt remains to be repaid on your running loans',
    ),
    favourable: w(
      'Il vous reste peu à rembourser sur vos crédits en cours',
      'Little remains to be repaid on your running loans',
    ),
    absent: ABSENT.running,
    flags: 'explainable',
    features: [
      /^BUREAU_(ACTIVE_)?AMT_CREDIT_SUM_DEBT_/,
      'BUREAU_TOTAL_DEBT_RATIO',
      'BUREAU_ACTIVE_DEBT_RATIO',
      /^BUREAU_DEBT_RATIO_/,
      /^BUREAU_(ACTIVE_)?AMT_ANNUITY_/,
      /^POS_REMAINING_INSTALMENTS_/,
    ],
  },
  {
    code: 'R-CUR-LOANS',
    family: 'current credit',
    title: w('Crédits en cours', 'Running loans'),
    adverse: w(
      'Vos crédits en cours sont nombreux ou importants',
      'Your running loans are many or large',
    ),
    favourable: w(
      'Vos crédits en cours sont peu nombreux ou modestes',
      'Your running loans are few or small',
    ),
    absent: ABSENT.running,
    flags: 'explainable',
    features: [
      'BUREAU_ACTIVE_COUNT',
      'BUREAU_ACTIVE_SHARE',
      'PREV_APPROVED_RUNNING_COUNT',
      'POS_RUNNING_LOANS_COUNT',
      /^BUREAU_ACTIVE_AMT_CREDIT_SUM_(SUM|MEAN|LIMIT_SUM)$/,
      'BUREAU_AMT_CREDIT_SUM_LIMIT_SUM',
      /^BUREAU_ACTIVE_DAYS_CREDIT_/,
      'BUREAU_ACTIVE_BALANCE_MONTHS_MEAN',
      /^BUREAU_DAYS_CREDIT_ENDDATE_/,
    ],
  },
  {
    code: 'R-CUR-CARD',
    family: 'current credit',
    title: w('Utilisation de la carte de crédit', 'Credit card use'),
    adverse: w('Votre carte de crédit est fortement utilisée', 'Your credit card is heavily used'),
    favourable: w('Votre carte de crédit est peu utilisée', 'Your credit card is lightly used'),
    absent: ABSENT.card,
    flags: 'explainable',
    features: [
      /^CC_(UTILISATION|AMT_BALANCE|AMT_TOTAL_RECEIVABLE|AMT_DRAWINGS|CNT_DRAWINGS|AMT_CREDIT_LIMIT)_/,
    ],
  },
  // ------------------------------------------------------------ credit history
  {
    code: 'R-HIST-BUREAU',
    family: 'credit history',
    title: w("Historique auprès d'autres organismes", 'History with other lenders'),
    ...weighs(
      "Votre historique de crédit auprès d'autres organismes",
      'Your credit history with other lenders',
    ),
    absent: ABSENT.bureau,
    flags: 'explainable',
    features: [
      'BUREAU_COUNT',
      'BUREAU_CLOSED_COUNT',
      /^BUREAU_(CREDIT_CARD|CONSUMER_CREDIT|MORTGAGE|CAR_LOAN|MICROLOAN|CREDIT_TYPES)_COUNT$/,
      /^BUREAU_DAYS_CREDIT_(MAX|MIN|MEAN|UPDATE_MEAN)$/,
      /^BUREAU_AMT_CREDIT_SUM_(SUM|MEAN|MAX)$/,
      'BUREAU_PLANNED_DAYS_MEAN',
      'BUREAU_CLOSED_VS_PLANNED_DAYS_MEAN',
      /^BUREAU_BALANCE_(MONTHS|UNKNOWN_SHARE|CLOSED_SHARE)_/,
      /^BUREAU_CLOSED_(AMT_CREDIT_SUM|DAYS_CREDIT|DAYS_ENDDATE_FACT|CLOSED_VS_PLANNED_DAYS|PLANNED_DAYS)_/,
    ],
  },
  {
    code: 'R-HIST-RECENT',
    family: 'credit history',
    title: w('Crédits récents', 'Recent credit'),
    adverse: w(
      'Vous avez demandé ou obtenu plusieurs crédits au cours des 12 derniers mois',
      'You applied for or took out several loans in the last 12 months',
    ),
    favourable: w(
      'Vous avez demandé peu de crédits au cours des 12 derniers mois',
      'You applied for few loans in the last 12 months',
    ),
    absent: ABSENT.recent,
    flags: 'explainable',
    features: ['BUREAU_COUNT_365D', 'BUREAU_AMT_CREDIT_SUM_365D', 'PREV_COUNT_365D'],
  },
  {
    code: 'R-HIST-ENQUIRIES',
    family: 'credit history',
    title: w('Consultations du bureau de crédit', 'Credit bureau enquiries'),
    adverse: w(
      'Votre dossier au bureau de crédit a été consulté plusieurs fois avant la demande',
      'Your credit file was looked up several times before the application',
    ),
    favourable: w(
      'Votre dossier au bureau de crédit a été peu consulté avant la demande',
      'Your credit file was seldom looked up before the application',
    ),
    flags: 'explainable',
    features: [/^AMT_REQ_CREDIT_BUREAU_/, 'BUREAU_REQUESTS_TOTAL'],
  },
  {
    code: 'R-HIST-REFUSED',
    family: 'credit history',
    title: w('Demandes refusées', 'Applications refused'),
    adverse: w(
      'Des demandes de crédit précédentes chez nous ont été refusées',
      'Previous credit applications with us were refused',
    ),
    favourable: w(
      'Vos demandes de crédit précédentes chez nous ont été acceptées',
      'Your previous credit applications with us were accepted',
    ),
    absent: ABSENT.applications,
    flags: 'explainable',
    features: [
      'PREV_REFUSED_COUNT',
      'PREV_REFUSED_SHARE',
      'PREV_APPROVED_SHARE',
      'PREV_SCORE_REJECT_COUNT',
      'PREV_REFUSED_COUNT_365D',
      /^PREV_REFUSED_(AMT|APPLICATION|DAYS|CNT)_/,
    ],
  },
  {
    code: 'R-HIST-PREVIOUS',
    family: 'credit history',
    title: w('Demandes précédentes', 'Previous applications'),
    ...weighs(
      'Vos demandes de crédit précédentes chez nous',
      'Your previous credit applications with us',
      true,
    ),
    absent: ABSENT.applications,
    flags: 'explainable',
    features: [
      /^PREV_(COUNT|APPROVED_COUNT|CANCELED_COUNT|CASH_LOANS_COUNT|CONSUMER_LOANS_COUNT|REVOLVING_LOANS_COUNT|NEW_CLIENT_COUNT|HIGH_YIELD_COUNT|INSURED_SHARE)$/,
      /^PREV_(AMT|APPLICATION_TO_CREDIT|ANNUITY_TO_CREDIT|RATE_DOWN_PAYMENT|DAYS_DECISION|CNT_PAYMENT|PLANNED_VS_ACTUAL_END|DAYS_TERMINATION)_/,
      /^PREV_APPROVED_(AMT|APPLICATION_TO_CREDIT|RATE_DOWN_PAYMENT|CNT_PAYMENT|DAYS)_/,
    ],
  },
  {
    code: 'R-HIST-LOANS',
    family: 'credit history',
    title: w('Crédits passés chez nous', 'Past loans with us'),
    ...weighs('Vos crédits passés chez nous', 'Your past loans with us', true),
    absent: ABSENT.ours,
    flags: 'explainable',
    features: [
      /^POS_(LOANS_COUNT|MONTHS_COUNT|COMPLETED_SHARE)$/,
      /^POS_(MONTHS_BALANCE|CNT_INSTALMENT)_/,
      /^INST_(COUNT|LOANS_COUNT|DAYS_ENTRY_PAYMENT_MAX|VERSION_MAX|COUNT_365D)$/,
      /^INST_AMT_(INSTALMENT|PAYMENT)_/,
      /^CC_(CARDS_COUNT|MONTHS_COUNT|CNT_INSTALMENT_MATURE_MAX)$/,
      /^CC_AMT_(PAYMENT|MINIMUM_DUE)_/,
    ],
  },
  // ------------------------------------------------------------ employment
  {
    code: 'R-EMP-TENURE',
    family: 'employment',
    title: w("Ancienneté dans l'emploi", 'Time in the job'),
    adverse: w(
      "Votre ancienneté dans l'emploi actuel est courte",
      'You have been in your current job for a short time',
    ),
    favourable: w(
      "Votre ancienneté dans l'emploi actuel est solide",
      'You have been in your current job for a long time',
    ),
    flags: 'explainable',
    features: ['DAYS_EMPLOYED', 'EMPLOYED_YEARS', 'EMPLOYED_TO_AGE'],
  },
  {
    code: 'R-EMP-INCOME-TYPE',
    family: 'employment',
    title: w('Type de revenu', 'Type of income'),
    ...weighs('Le type de vos revenus', 'Your type of income'),
    flags: 'explainable',
    features: [/^NAME_INCOME_TYPE__/, 'DAYS_EMPLOYED_ANOM'],
  },
  {
    code: 'R-EMP-OCCUPATION',
    family: 'employment',
    title: w("Profession et secteur d'activité", 'Occupation and sector'),
    ...weighs(
      'Votre profession ou le secteur de votre employeur',
      "Your occupation or your employer's sector",
    ),
    flags: 'neither',
    features: [/^OCCUPATION_TYPE__/, 'ORGANIZATION_TYPE_RANK'],
  },
  // ------------------------------------------------------------ personal situation
  {
    code: 'R-PERS-AGE',
    family: 'personal situation',
    title: w('Âge', 'Age'),
    ...weighs('Votre âge', 'Your age'),
    flags: 'neither',
    features: ['DAYS_BIRTH', 'AGE_YEARS'],
  },
  {
    code: 'R-PERS-GENDER',
    family: 'personal situation',
    title: w('Sexe', 'Gender'),
    ...weighs('Votre sexe', 'Your gender'),
    flags: 'neither',
    features: [/^CODE_GENDER__/],
  },
  {
    code: 'R-PERS-FAMILY-STATUS',
    family: 'personal situation',
    title: w('Situation familiale', 'Family status'),
    ...weighs('Votre situation familiale', 'Your family status'),
    flags: 'neither',
    features: [/^NAME_FAMILY_STATUS__/],
  },
  {
    code: 'R-PERS-HOUSEHOLD',
    family: 'personal situation',
    title: w('Personnes à charge', 'Dependants'),
    ...weighs('Le nombre de personnes de votre foyer', 'The number of people in your household'),
    flags: 'explainable',
    features: ['CNT_CHILDREN', 'CNT_FAM_MEMBERS', 'CHILDREN_SHARE_OF_FAMILY'],
  },
  {
    code: 'R-PERS-EDUCATION',
    family: 'personal situation',
    title: w("Niveau d'études", 'Education'),
    ...weighs("Votre niveau d'études", 'Your education'),
    flags: 'neither',
    features: [/^NAME_EDUCATION_TYPE__/, 'EDUCATION_LEVEL'],
  },
  {
    code: 'R-PERS-CAR',
    family: 'personal situation',
    title: w('Voiture', 'Car'),
    ...weighs('La possession et l’âge de votre voiture', 'Owning a car and its age', true),
    flags: 'neither',
    features: [/^FLAG_OWN_CAR__/, 'OWN_CAR_AGE', 'CAR_AGE_TO_AGE'],
  },
  {
    code: 'R-PERS-COMPANION',
    family: 'personal situation',
    title: w('Accompagnant lors de la demande', 'Accompanied by'),
    ...weighs(
      'La personne qui vous accompagnait lors de la demande',
      'Who accompanied you when applying',
    ),
    flags: 'neither',
    features: [/^NAME_TYPE_SUITE__/],
  },
  {
    code: 'R-PERS-SOCIAL',
    family: 'personal situation',
    title: w('Entourage', 'Social circle'),
    ...weighs(
      'Les défauts de paiement dans votre entourage',
      'Defaults in your social circle',
      true,
    ),
    flags: 'neither',
    features: [/^(OBS|DEF)_(30|60)_CNT_SOCIAL_CIRCLE$/, /^SOCIAL_CIRCLE_DEFAULT_(30|60)_SHARE$/],
  },
  {
    code: 'R-PERS-REGISTRATION',
    family: 'personal situation',
    title: w("Changement d'enregistrement", 'Registration change'),
    ...weighs(
      'La date de votre dernier changement d’enregistrement',
      'When your registration last changed',
    ),
    flags: 'neither',
    features: ['DAYS_REGISTRATION', 'REGISTRATION_YEARS'],
  },
  // ------------------------------------------------------------ housing
  {
    code: 'R-HOUSE-TENURE',
    family: 'housing',
    title: w('Situation de logement', 'Housing situation'),
    ...weighs(
      'Votre situation de logement (propriétaire, locataire, chez vos parents…)',
      'Your housing situation (owner, tenant, with parents…)',
    ),
    flags: 'explainable',
    features: [/^FLAG_OWN_REALTY__/, /^NAME_HOUSING_TYPE__/],
  },
  {
    code: 'R-HOUSE-BUILDING',
    family: 'housing',
    title: w("Caractéristiques de l'immeuble", 'Building characteristics'),
    ...weighs(
      "Les caractéristiques de l'immeuble où vous habitez",
      'The characteristics of the building you live in',
      true,
    ),
    flags: 'neither',
    features: [
      /^(APARTMENTS|BASEMENTAREA|YEARS_BEGINEXPLUATATION|YEARS_BUILD|COMMONAREA|ELEVATORS|ENTRANCES|FLOORSMAX|FLOORSMIN|LANDAREA|LIVINGAPARTMENTS|LIVINGAREA|NONLIVINGAPARTMENTS|NONLIVINGAREA)_(AVG|MODE|MEDI)$/,
      'TOTALAREA_MODE',
      /^(FONDKAPREMONT|HOUSETYPE|WALLSMATERIAL|EMERGENCYSTATE)_MODE__/,
    ],
  },
  // ------------------------------------------------------------ place of residence
  {
    code: 'R-REGION-RATING',
    family: 'region',
    title: w('Région de résidence', 'Home region'),
    ...weighs('La région où vous habitez', 'The region you live in'),
    flags: 'neither',
    features: ['REGION_RATING_CLIENT', 'REGION_RATING_CLIENT_W_CITY', 'REGION_POPULATION_RELATIVE'],
  },
  {
    code: 'R-REGION-ADDRESS',
    family: 'region',
    title: w('Adresses différentes', 'Addresses that differ'),
    ...weighs(
      'Les écarts entre vos adresses de domicile, de travail et officielle',
      'Differences between your home, work and registered addresses',
      true,
    ),
    flags: 'neither',
    features: [
      /^(REG|LIVE)_(REGION|CITY)_NOT_(LIVE|WORK)_(REGION|CITY)$/,
      'ADDRESS_MISMATCH_COUNT',
    ],
  },
  // ------------------------------------------------------------ application details
  {
    code: 'R-APP-DOCUMENTS',
    family: 'application details',
    title: w('Documents fournis', 'Documents provided'),
    ...weighs('Les documents fournis avec la demande', 'The documents you provided', true),
    flags: 'actionable',
    features: [/^FLAG_DOCUMENT_\d+$/, 'DOCUMENTS_COUNT'],
  },
  {
    code: 'R-APP-CONTACT',
    family: 'application details',
    title: w('Moyens de contact', 'Contact details'),
    ...weighs('Les moyens de contact donnés', 'The contact details given', true),
    flags: 'actionable',
    features: [
      /^FLAG_(MOBIL|EMP_PHONE|WORK_PHONE|CONT_MOBILE|PHONE|EMAIL)$/,
      'CONTACT_CHANNELS_COUNT',
    ],
  },
  {
    code: 'R-APP-PHONE-CHANGE',
    family: 'application details',
    title: w('Changement de téléphone', 'Phone change'),
    ...weighs('La date de votre dernier changement de téléphone', 'When you last changed phone'),
    flags: 'neither',
    features: ['DAYS_LAST_PHONE_CHANGE', 'PHONE_CHANGE_YEARS'],
  },
  {
    code: 'R-APP-ID-DOCUMENT',
    family: 'application details',
    title: w("Pièce d'identité", 'Identity document'),
    ...weighs(
      "La date d'émission de votre pièce d'identité",
      'When your identity document was issued',
    ),
    flags: 'neither',
    features: ['DAYS_ID_PUBLISH', 'ID_PUBLISH_YEARS', 'ID_PUBLISH_TO_AGE'],
  },
  {
    code: 'R-APP-TIME',
    family: 'application details',
    title: w('Moment de la demande', 'Time of the application'),
    ...weighs("Le jour et l'heure de la demande", 'The day and hour you applied', true),
    flags: 'neither',
    features: [
      'HOUR_APPR_PROCESS_START',
      /^WEEKDAY_APPR_PROCESS_START__/,
      'PREV_HOUR_APPR_PROCESS_START_MEAN',
    ],
  },
];

function codeOf(spec: Spec): ReasonCode {
  return Object.freeze({
    code: spec.code,
    family: spec.family,
    title: spec.title,
    adverse: spec.adverse,
    favourable: spec.favourable,
    absent: spec.absent ?? null,
    note: spec.note ?? null,
    clientExplainable: spec.flags.includes('explainable'),
    actionable: spec.flags.includes('actionable'),
    features: spec.features,
  });
}

/** The catalogue, in the order of docs/reason-codes.md. */
export const REASON_CODES: readonly ReasonCode[] = Object.freeze(SPECS.map(codeOf));

/**
 * The code of a feature outside the dictionary (a model trained on another table): never told
 * to a client, pooled with the other elements of the file. Not part of the catalogue.
 */
export const OTHER_REASON_CODE: ReasonCode = codeOf({
  code: 'R-OTHER',
  family: 'application details',
  title: w('Autre élément du dossier', 'Other element of the file'),
  ...weighs('Un autre élément du dossier', 'Another element of the file'),
  flags: 'neither',
  features: [],
});

const matches = (pattern: string | RegExp, name: string) =>
  typeof pattern === 'string' ? pattern === name : pattern.test(name);

/** Every code of the catalogue whose features cover `name` (exactly one for a known feature). */
export function reasonCodesMatching(name: string): ReasonCode[] {
  return REASON_CODES.filter((c) => c.features.some((p) => matches(p, name)));
}

const resolved = new Map<string, ReasonCode>();

/**
 * The code of a feature: the catalogue's (the first match, should a catalogue error give two;
 * reason-codes.test.ts forbids it), OTHER_REASON_CODE for a feature it does not cover.
 */
export function reasonCodeOf(name: string): ReasonCode {
  let code = resolved.get(name);
  if (code === undefined) {
    code = reasonCodesMatching(name)[0] ?? OTHER_REASON_CODE;
    resolved.set(name, code);
  }
  return code;
}

const byCode = new Map([...REASON_CODES, OTHER_REASON_CODE].map((c) => [c.code, c]));

/** A code by its identifier, or undefined. */
export function reasonCode(code: string): ReasonCode | undefined {
  return byCode.get(code);
}
