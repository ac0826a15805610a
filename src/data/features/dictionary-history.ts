/**
 * Dictionary entries of the history groups. Aggregates are named SCOPE + MEASURE + "_" + STAT
 * (e.g. BUREAU_ACTIVE_AMT_CREDIT_SUM_DEBT_SUM) and labelled "<measure> (<stat>, <scope>)", so
 * one vocabulary per group covers its cross-products. Past history cannot change: immutable.
 */
import type { FeatureEntry, Theme, Unit } from './dictionary-types.ts';
import { makeEntry } from './dictionary-types.ts';

type Stat = 'SUM' | 'MEAN' | 'MAX' | 'MIN';
const STATS: Readonly<Record<Stat, readonly [string, string, string]>> = {
  SUM: ['total', 'total', 'Sum'],
  MEAN: ['moyenne', 'average', 'Mean'],
  MAX: ['maximum', 'maximum', 'Maximum'],
  MIN: ['minimum', 'minimum', 'Minimum'],
};

interface Scope {
  prefix: string;
  fr: string;
  en: string;
  theme: Theme;
  source: string;
}

/** fr, en, unit, and the source when it differs from the scope's. */
type Measure = readonly [fr: string, en: string, unit: Unit, source?: string];

function family(
  scope: Scope,
  measures: Readonly<Record<string, Measure>>,
  list: readonly (readonly [string, readonly Stat[]])[],
): FeatureEntry[] {
  return list.flatMap(([token, stats]) => {
    const measure = measures[token];
    if (!measure) throw new Error(`no dictionary measure ${token}`);
    const [fr, en, unit, source = scope.source] = measure;
    return stats.map((stat) => {
      const [statFr, statEn, statWord] = STATS[stat];
      return makeEntry(
        `${scope.prefix}${token}_${stat}`,
        [`${fr} (${statFr}, ${scope.fr})`, `${en} (${statEn}, ${scope.en})`],
        { theme: scope.theme, source, unit },
        `${statWord} of ${token} over the client's ${scope.en}.`,
        'i',
      );
    });
  });
}

function special(
  scope: Scope,
  name: string,
  labels: readonly [string, string],
  unit: Unit,
  description: string,
  source = scope.source,
): FeatureEntry {
  return makeEntry(name, labels, { theme: scope.theme, source, unit }, description, 'i');
}

// ---------------------------------------------------------------- bureau

const BUREAU_SOURCE = 'bureau';
const BALANCE_SOURCE = 'bureau, bureau_balance';
const bureau: Scope = {
  prefix: 'BUREAU_',
  fr: 'crédits déclarés au bureau',
  en: 'credits reported to the credit bureau',
  theme: 'credit bureau',
  source: BUREAU_SOURCE,
};
const bureauActive: Scope = {
  ...bureau,
  prefix: 'BUREAU_ACTIVE_',
  fr: 'crédits en cours au bureau',
  en: 'active bureau credits',
};
const bureauClosed: Scope = {
  ...bureau,
  prefix: 'BUREAU_CLOSED_',
  fr: 'crédits clôturés au bureau',
  en: 'closed bureau credits',
};

const BUREAU_MEASURES: Readonly<Record<string, Measure>> = {
  DAYS_CREDIT: [
    'Ouverture du crédit (jours avant la demande)',
    'Credit opened (days before the application)',
    'date',
  ],
  DAYS_CREDIT_ENDDATE: ['Fin prévue du crédit (jours)', 'Planned end of the credit (days)', 'date'],
  DAYS_CREDIT_UPDATE: ['Dernière mise à jour (jours)', 'Last update (days)', 'date'],
  DAYS_ENDDATE_FACT: ['Clôture effective (jours)', 'Actual closing (days)', 'date'],
  CREDIT_DAY_OVERDUE: ['Jours de retard actuels', 'Days currently overdue', 'days'],
  AMT_CREDIT_MAX_OVERDUE: ['Plus gros impayé', 'Largest overdue amount', 'currency'],
  CNT_CREDIT_PROLONG: ['Prolongations', 'Extensions', 'count'],
  AMT_CREDIT_SUM: ['Montant des crédits', 'Credit amount', 'currency'],
  AMT_CREDIT_SUM_DEBT: ['Dette restante', 'Remaining debt', 'currency'],
  AMT_CREDIT_SUM_LIMIT: ['Plafond des cartes', 'Card limit', 'currency'],
  AMT_CREDIT_SUM_OVERDUE: ['Montant impayé', 'Overdue amount', 'currency'],
  AMT_ANNUITY: ['Mensualités', 'Instalments', 'currency'],
  DEBT_RATIO: ['Part du crédit restant due', 'Share of the credit still owed', 'ratio'],
  PLANNED_DAYS: ['Durée prévue (jours)', 'Planned duration (days)', 'days'],
  CLOSED_VS_PLANNED_DAYS: [
    'Clôture effective moins prévue (jours)',
    'Actual minus planned closing (days)',
    'days',
  ],
  BALANCE_MONTHS: ["Mois d'historique", 'Months of history', 'count', BALANCE_SOURCE],
  BALANCE_DPD_SHARE: [
    'Part des mois en retard',
    'Share of months past due',
    'ratio',
    BALANCE_SOURCE,
  ],
  BALANCE_WORST_STATUS: [
    'Pire niveau de retard (0 à 5)',
    'Worst delay level (0 to 5)',
    'level',
    BALANCE_SOURCE,
  ],
  BALANCE_UNKNOWN_SHARE: [
    'Part des mois au statut inconnu',
    'Share of months with unknown status',
    'ratio',
    BALANCE_SOURCE,
  ],
  BALANCE_CLOSED_SHARE: [
    'Part des mois clôturés',
    'Share of months closed',
    'ratio',
    BALANCE_SOURCE,
  ],
};

function bureauEntries(): FeatureEntry[] {
  const s = (
    name: string,
    fr: string,
    en: string,
    unit: Unit,
    description: string,
    source?: string,
  ) => special(bureau, name, [fr, en], unit, description, source);
  return [
    s(
      'BUREAU_COUNT',
      'Nombre de crédits déclarés au bureau',
      'Number of credits reported to the credit bureau',
      'count',
      'Bureau rows of the client.',
    ),
    s(
      'BUREAU_ACTIVE_COUNT',
      'Nombre de crédits en cours au bureau',
      'Number of active bureau credits',
      'count',
      "CREDIT_ACTIVE = 'Active'.",
    ),
    s(
      'BUREAU_CLOSED_COUNT',
      'Nombre de crédits clôturés au bureau',
      'Number of closed bureau credits',
      'count',
      "CREDIT_ACTIVE = 'Closed'.",
    ),
    s(
      'BUREAU_SOLD_OR_BAD_DEBT_COUNT',
      'Crédits vendus ou en créance douteuse',
      'Credits sold or written off as bad debt',
      'count',
      "CREDIT_ACTIVE in ('Sold', 'Bad debt').",
    ),
    s(
      'BUREAU_ACTIVE_SHARE',
      'Part des crédits du bureau encore en cours',
      'Share of bureau credits still active',
      'ratio',
      'Active credits / all credits.',
    ),
    s(
      'BUREAU_CREDIT_CARD_COUNT',
      'Cartes de crédit au bureau',
      'Credit cards at the bureau',
      'count',
      "CREDIT_TYPE = 'Credit card'.",
    ),
    s(
      'BUREAU_CONSUMER_CREDIT_COUNT',
      'Crédits à la consommation au bureau',
      'Consumer credits at the bureau',
      'count',
      "CREDIT_TYPE = 'Consumer credit'.",
    ),
    s(
      'BUREAU_MORTGAGE_COUNT',
      'Crédits immobiliers au bureau',
      'Mortgages at the bureau',
      'count',
      "CREDIT_TYPE in ('Mortgage', 'Real estate loan').",
    ),
    s(
      'BUREAU_CAR_LOAN_COUNT',
      'Crédits auto au bureau',
      'Car loans at the bureau',
      'count',
      "CREDIT_TYPE = 'Car loan'.",
    ),
    s(
      'BUREAU_MICROLOAN_COUNT',
      'Microcrédits au bureau',
      'Microloans at the bureau',
      'count',
      "CREDIT_TYPE = 'Microloan'.",
    ),
    s(
      'BUREAU_CREDIT_TYPES_COUNT',
      'Nombre de types de crédit différents',
      'Number of different credit types',
      'count',
      'Distinct CREDIT_TYPE values.',
    ),
    s(
      'BUREAU_TOTAL_DEBT_RATIO',
      'Part de l’ensemble des crédits restant due',
      'Share of all bureau credit still owed',
      'ratio',
      'Sum of AMT_CREDIT_SUM_DEBT / sum of AMT_CREDIT_SUM.',
    ),
    s(
      'BUREAU_OVERDUE_TO_DEBT',
      'Part de la dette en impayé',
      'Share of the debt that is overdue',
      'ratio',
      'Sum of AMT_CREDIT_SUM_OVERDUE / sum of AMT_CREDIT_SUM_DEBT.',
    ),
    s(
      'BUREAU_COUNT_365D',
      'Crédits ouverts dans les 12 derniers mois',
      'Credits opened in the last 12 months',
      'count',
      'Bureau credits with DAYS_CREDIT >= -365.',
    ),
    s(
      'BUREAU_AMT_CREDIT_SUM_365D',
      'Montant des crédits ouverts dans les 12 derniers mois',
      'Amount of credits opened in the last 12 months',
      'currency',
      'Sum of AMT_CREDIT_SUM where DAYS_CREDIT >= -365.',
    ),
    s(
      'BUREAU_BALANCE_DPD_MONTHS_12M',
      'Mois en retard sur les 12 derniers mois (bureau)',
      'Months past due in the last 12 months (bureau)',
      'count',
      'bureau_balance months with STATUS 1..5 and MONTHS_BALANCE >= -12.',
      BALANCE_SOURCE,
    ),
    special(
      bureauActive,
      'BUREAU_ACTIVE_DEBT_RATIO',
      ['Part des crédits en cours restant due', 'Share of active bureau credit still owed'],
      'ratio',
      'Sum of debt / sum of credit over active credits.',
    ),
    ...family(bureau, BUREAU_MEASURES, [
      ['DAYS_CREDIT', ['MAX', 'MIN', 'MEAN']],
      ['DAYS_CREDIT_ENDDATE', ['MAX', 'MEAN']],
      ['DAYS_CREDIT_UPDATE', ['MEAN']],
      ['CREDIT_DAY_OVERDUE', ['MAX', 'MEAN']],
      ['AMT_CREDIT_MAX_OVERDUE', ['MAX', 'MEAN']],
      ['CNT_CREDIT_PROLONG', ['SUM']],
      ['AMT_CREDIT_SUM', ['SUM', 'MEAN', 'MAX']],
      ['AMT_CREDIT_SUM_DEBT', ['SUM', 'MEAN', 'MAX']],
      ['AMT_CREDIT_SUM_LIMIT', ['SUM']],
      ['AMT_CREDIT_SUM_OVERDUE', ['SUM', 'MAX']],
      ['AMT_ANNUITY', ['SUM', 'MEAN']],
      ['DEBT_RATIO', ['MEAN', 'MAX']],
      ['PLANNED_DAYS', ['MEAN']],
      ['CLOSED_VS_PLANNED_DAYS', ['MEAN']],
      ['BALANCE_MONTHS', ['SUM', 'MEAN']],
      ['BALANCE_DPD_SHARE', ['MEAN', 'MAX']],
      ['BALANCE_WORST_STATUS', ['MAX', 'MEAN']],
      ['BALANCE_UNKNOWN_SHARE', ['MEAN']],
      ['BALANCE_CLOSED_SHARE', ['MEAN']],
    ]),
    ...family(bureauActive, BUREAU_MEASURES, [
      ['AMT_CREDIT_SUM', ['SUM', 'MEAN']],
      ['AMT_CREDIT_SUM_DEBT', ['SUM', 'MEAN']],
      ['AMT_CREDIT_SUM_OVERDUE', ['SUM', 'MAX']],
      ['AMT_CREDIT_SUM_LIMIT', ['SUM']],
      ['AMT_ANNUITY', ['SUM']],
      ['DAYS_CREDIT', ['MAX', 'MEAN']],
      ['DAYS_CREDIT_ENDDATE', ['MAX', 'MEAN']],
      ['CREDIT_DAY_OVERDUE', ['MAX']],
      ['CNT_CREDIT_PROLONG', ['SUM']],
      ['BALANCE_DPD_SHARE', ['MEAN']],
      ['BALANCE_WORST_STATUS', ['MAX']],
      ['BALANCE_MONTHS', ['MEAN']],
    ]),
    ...family(bureauClosed, BUREAU_MEASURES, [
      ['AMT_CREDIT_SUM', ['SUM', 'MEAN']],
      ['DAYS_CREDIT', ['MAX', 'MEAN']],
      ['DAYS_ENDDATE_FACT', ['MAX', 'MEAN']],
      ['CLOSED_VS_PLANNED_DAYS', ['MEAN']],
      ['PLANNED_DAYS', ['MEAN']],
      ['AMT_CREDIT_MAX_OVERDUE', ['MAX']],
      ['CNT_CREDIT_PROLONG', ['SUM']],
      ['BALANCE_DPD_SHARE', ['MEAN']],
      ['BALANCE_WORST_STATUS', ['MAX']],
    ]),
  ];
}

// ---------------------------------------------------------------- previous applications

const prev: Scope = {
  prefix: 'PREV_',
  fr: 'demandes précédentes',
  en: 'previous applications',
  theme: 'previous applications',
  source: 'previous_application',
};
const prevApproved: Scope = {
  ...prev,
  prefix: 'PREV_APPROVED_',
  fr: 'demandes précédentes acceptées',
  en: 'approved previous applications',
};
const prevRefused: Scope = {
  ...prev,
  prefix: 'PREV_REFUSED_',
  fr: 'demandes précédentes refusées',
  en: 'refused previous applications',
};

const PREV_MEASURES: Readonly<Record<string, Measure>> = {
  AMT_APPLICATION: ['Montant demandé', 'Amount asked', 'currency'],
  AMT_CREDIT: ['Montant accordé', 'Credit granted', 'currency'],
  AMT_ANNUITY: ['Mensualité', 'Instalment', 'currency'],
  AMT_DOWN_PAYMENT: ['Apport', 'Down payment', 'currency'],
  AMT_GOODS_PRICE: ['Prix du bien', 'Goods price', 'currency'],
  APPLICATION_TO_CREDIT: [
    'Montant demandé rapporté au montant accordé',
    'Amount asked relative to credit granted',
    'ratio',
  ],
  ANNUITY_TO_CREDIT: ['Mensualité rapportée au crédit', 'Instalment relative to credit', 'ratio'],
  RATE_DOWN_PAYMENT: ["Taux d'apport", 'Down payment rate', 'ratio'],
  DAYS_DECISION: [
    'Décision (jours avant la demande)',
    'Decision (days before the application)',
    'date',
  ],
  CNT_PAYMENT: ['Durée (mensualités)', 'Term (instalments)', 'months'],
  HOUR_APPR_PROCESS_START: ['Heure de la demande', 'Hour of the application', 'hours'],
  PLANNED_VS_ACTUAL_END: [
    'Fin prévue moins fin réelle (jours)',
    'Planned minus actual end (days)',
    'days',
  ],
  DAYS_TERMINATION: ['Fin du contrat (jours)', 'Contract end (days)', 'date'],
  DAYS_LAST_DUE_1ST_VERSION: [
    'Dernière échéance prévue (jours)',
    'Last planned due date (days)',
    'date',
  ],
};

function previousEntries(): FeatureEntry[] {
  const s = (name: string, fr: string, en: string, unit: Unit, description: string) =>
    special(prev, name, [fr, en], unit, description);
  return [
    s(
      'PREV_COUNT',
      'Nombre de demandes précédentes',
      'Number of previous applications',
      'count',
      'previous_application rows of the client.',
    ),
    s(
      'PREV_APPROVED_COUNT',
      'Demandes précédentes acceptées',
      'Previous applications approved',
      'count',
      "NAME_CONTRACT_STATUS = 'Approved'.",
    ),
    s(
      'PREV_REFUSED_COUNT',
      'Demandes précédentes refusées',
      'Previous applications refused',
      'count',
      "NAME_CONTRACT_STATUS = 'Refused'.",
    ),
    s(
      'PREV_CANCELED_COUNT',
      'Demandes précédentes annulées',
      'Previous applications cancelled',
      'count',
      "NAME_CONTRACT_STATUS = 'Canceled'.",
    ),
    s(
      'PREV_REFUSED_SHARE',
      'Taux de refus des demandes précédentes',
      'Refusal rate of previous applications',
      'ratio',
      'Refused / all previous applications.',
    ),
    s(
      'PREV_APPROVED_SHARE',
      "Taux d'acceptation des demandes précédentes",
      'Approval rate of previous applications',
      'ratio',
      'Approved / all previous applications.',
    ),
    s(
      'PREV_CASH_LOANS_COUNT',
      'Demandes de prêt personnel',
      'Cash loan applications',
      'count',
      "NAME_CONTRACT_TYPE = 'Cash loans'.",
    ),
    s(
      'PREV_CONSUMER_LOANS_COUNT',
      "Demandes de crédit à l'achat",
      'Consumer loan applications',
      'count',
      "NAME_CONTRACT_TYPE = 'Consumer loans'.",
    ),
    s(
      'PREV_REVOLVING_LOANS_COUNT',
      'Demandes de crédit renouvelable',
      'Revolving loan applications',
      'count',
      "NAME_CONTRACT_TYPE = 'Revolving loans'.",
    ),
    s(
      'PREV_NEW_CLIENT_COUNT',
      'Demandes faites en tant que nouveau client',
      'Applications made as a new client',
      'count',
      "NAME_CLIENT_TYPE = 'New'.",
    ),
    s(
      'PREV_HIGH_YIELD_COUNT',
      'Demandes à taux élevé',
      'High-rate applications',
      'count',
      "NAME_YIELD_GROUP = 'high'.",
    ),
    s(
      'PREV_SCORE_REJECT_COUNT',
      'Refus liés au score',
      'Refusals for score reasons',
      'count',
      "CODE_REJECT_REASON in ('SCO', 'SCOFR', 'HC').",
    ),
    s(
      'PREV_INSURED_SHARE',
      'Part des crédits assurés',
      'Share of credits with insurance',
      'ratio',
      'Mean of NFLAG_INSURED_ON_APPROVAL.',
    ),
    s(
      'PREV_COUNT_365D',
      'Demandes dans les 12 derniers mois',
      'Applications in the last 12 months',
      'count',
      'DAYS_DECISION >= -365.',
    ),
    s(
      'PREV_REFUSED_COUNT_365D',
      'Refus dans les 12 derniers mois',
      'Refusals in the last 12 months',
      'count',
      'Refused with DAYS_DECISION >= -365.',
    ),
    special(
      prevApproved,
      'PREV_APPROVED_RUNNING_COUNT',
      ['Crédits accordés encore en cours', 'Approved credits still running'],
      'count',
      'Approved with DAYS_LAST_DUE_1ST_VERSION > 0 (last due date after the application).',
    ),
    ...family(prev, PREV_MEASURES, [
      ['AMT_APPLICATION', ['MEAN', 'MAX']],
      ['AMT_CREDIT', ['MEAN', 'MAX', 'SUM']],
      ['AMT_ANNUITY', ['MEAN', 'MAX']],
      ['AMT_DOWN_PAYMENT', ['MEAN']],
      ['AMT_GOODS_PRICE', ['MEAN']],
      ['APPLICATION_TO_CREDIT', ['MEAN', 'MIN', 'MAX']],
      ['ANNUITY_TO_CREDIT', ['MEAN']],
      ['RATE_DOWN_PAYMENT', ['MEAN', 'MAX']],
      ['DAYS_DECISION', ['MAX', 'MIN', 'MEAN']],
      ['CNT_PAYMENT', ['MEAN', 'SUM']],
      ['HOUR_APPR_PROCESS_START', ['MEAN']],
      ['PLANNED_VS_ACTUAL_END', ['MEAN']],
      ['DAYS_TERMINATION', ['MAX']],
    ]),
    ...family(prevApproved, PREV_MEASURES, [
      ['AMT_CREDIT', ['MEAN', 'MAX', 'SUM']],
      ['AMT_ANNUITY', ['MEAN', 'MAX']],
      ['APPLICATION_TO_CREDIT', ['MEAN']],
      ['RATE_DOWN_PAYMENT', ['MEAN']],
      ['CNT_PAYMENT', ['MEAN']],
      ['DAYS_DECISION', ['MAX']],
      ['DAYS_LAST_DUE_1ST_VERSION', ['MAX', 'MEAN']],
      ['DAYS_TERMINATION', ['MAX']],
    ]),
    ...family(prevRefused, PREV_MEASURES, [
      ['AMT_APPLICATION', ['MEAN', 'MAX']],
      ['AMT_CREDIT', ['MEAN']],
      ['APPLICATION_TO_CREDIT', ['MEAN']],
      ['DAYS_DECISION', ['MAX', 'MEAN']],
      ['CNT_PAYMENT', ['MEAN']],
    ]),
  ];
}

// ---------------------------------------------------------------- repayment history

type Explicit = readonly [name: string, fr: string, en: string, unit: Unit, description: string];

function explicit(source: string, rows: readonly Explicit[]): FeatureEntry[] {
  return rows.map(([name, fr, en, unit, description]) =>
    makeEntry(name, [fr, en], { theme: 'repayment history', source, unit }, description, 'i'),
  );
}

const POS: readonly Explicit[] = [
  [
    'POS_LOANS_COUNT',
    'Prêts en magasin ou personnels suivis',
    'Point-of-sale and cash loans tracked',
    'count',
    'Distinct SK_ID_PREV in POS_CASH_balance.',
  ],
  [
    'POS_MONTHS_COUNT',
    'Mois de suivi des prêts',
    'Months of loan tracking',
    'count',
    'POS_CASH_balance rows.',
  ],
  [
    'POS_SK_DPD_MAX',
    'Plus long retard sur les prêts (jours)',
    'Longest delay on loans (days)',
    'days',
    'Maximum SK_DPD.',
  ],
  [
    'POS_SK_DPD_MEAN',
    'Retard moyen sur les prêts (jours)',
    'Average delay on loans (days)',
    'days',
    'Mean SK_DPD over months.',
  ],
  [
    'POS_SK_DPD_DEF_MAX',
    'Plus long retard significatif sur les prêts (jours)',
    'Longest significant delay on loans (days)',
    'days',
    'Maximum SK_DPD_DEF (delays on material amounts).',
  ],
  [
    'POS_SK_DPD_DEF_MEAN',
    'Retard significatif moyen sur les prêts (jours)',
    'Average significant delay on loans (days)',
    'days',
    'Mean SK_DPD_DEF over months.',
  ],
  [
    'POS_DPD_MONTHS_SHARE',
    'Part des mois en retard (prêts)',
    'Share of months past due (loans)',
    'ratio',
    'Months with SK_DPD > 0 / months.',
  ],
  [
    'POS_DPD_DEF_MONTHS_SHARE',
    'Part des mois en retard significatif (prêts)',
    'Share of months significantly past due (loans)',
    'ratio',
    'Months with SK_DPD_DEF > 0 / months.',
  ],
  [
    'POS_SK_DPD_MAX_12M',
    'Plus long retard sur 12 mois (prêts, jours)',
    'Longest delay in the last 12 months (loans, days)',
    'days',
    'Maximum SK_DPD with MONTHS_BALANCE >= -12.',
  ],
  [
    'POS_DPD_MONTHS_SHARE_12M',
    'Part des mois en retard sur 12 mois (prêts)',
    'Share of months past due in the last 12 months (loans)',
    'ratio',
    'Months with SK_DPD > 0 / months, MONTHS_BALANCE >= -12.',
  ],
  [
    'POS_COMPLETED_SHARE',
    'Part des prêts remboursés',
    'Share of loans completed',
    'ratio',
    "Loans with a 'Completed' month / loans.",
  ],
  [
    'POS_MONTHS_BALANCE_MIN',
    'Ancienneté du plus vieux prêt (mois)',
    'Oldest loan month (months before the application)',
    'months',
    'Minimum MONTHS_BALANCE.',
  ],
  [
    'POS_MONTHS_BALANCE_MAX',
    'Dernier mois suivi (mois)',
    'Most recent month tracked (months before the application)',
    'months',
    'Maximum MONTHS_BALANCE.',
  ],
  [
    'POS_CNT_INSTALMENT_MEAN',
    'Durée moyenne des prêts (mensualités)',
    'Average loan term (instalments)',
    'count',
    'Mean over loans of the mean CNT_INSTALMENT.',
  ],
  [
    'POS_CNT_INSTALMENT_MAX',
    'Durée la plus longue (mensualités)',
    'Longest loan term (instalments)',
    'count',
    'Maximum CNT_INSTALMENT.',
  ],
  [
    'POS_REMAINING_INSTALMENTS_SUM',
    'Mensualités restant à payer (total)',
    'Instalments left to pay (total)',
    'count',
    'Sum over loans of CNT_INSTALMENT_FUTURE at the latest month.',
  ],
  [
    'POS_REMAINING_INSTALMENTS_MEAN',
    'Mensualités restant à payer (moyenne par prêt)',
    'Instalments left to pay (average per loan)',
    'count',
    'Mean over loans of CNT_INSTALMENT_FUTURE at the latest month.',
  ],
  [
    'POS_RUNNING_LOANS_COUNT',
    'Prêts encore en cours',
    'Loans still running',
    'count',
    'Loans not completed with instalments left at the latest month.',
  ],
];

const INSTALLMENTS: readonly Explicit[] = [
  [
    'INST_COUNT',
    "Nombre d'échéances passées",
    'Number of past instalments',
    'count',
    'installments_payments rows.',
  ],
  [
    'INST_LOANS_COUNT',
    'Crédits avec échéancier',
    'Loans with an instalment schedule',
    'count',
    'Distinct SK_ID_PREV.',
  ],
  [
    'INST_PAYMENT_DELAY_MEAN',
    'Retard moyen de paiement des échéances (jours)',
    'Average payment delay on instalments (days)',
    'days',
    'Mean of DAYS_ENTRY_PAYMENT - DAYS_INSTALMENT (negative = paid early).',
  ],
  [
    'INST_LATE_DAYS_MEAN',
    'Jours de retard moyens par échéance',
    'Average days late per instalment',
    'days',
    'Mean of max(DAYS_ENTRY_PAYMENT - DAYS_INSTALMENT, 0).',
  ],
  [
    'INST_LATE_DAYS_MAX',
    'Plus long retard de paiement (jours)',
    'Longest payment delay (days)',
    'days',
    'Maximum of max(delay, 0).',
  ],
  [
    'INST_LATE_DAYS_SUM',
    'Total des jours de retard',
    'Total days late',
    'days',
    'Sum of max(delay, 0).',
  ],
  [
    'INST_LATE_SHARE',
    'Part des échéances payées en retard',
    'Share of instalments paid late',
    'ratio',
    'Paid instalments with delay > 0 / paid instalments.',
  ],
  [
    'INST_LATE_30_SHARE',
    'Part des échéances payées avec plus de 30 jours de retard',
    'Share of instalments paid over 30 days late',
    'ratio',
    'Paid instalments with delay > 30 / paid instalments.',
  ],
  [
    'INST_EARLY_DAYS_MEAN',
    "Jours d'avance moyens par échéance",
    'Average days early per instalment',
    'days',
    'Mean of max(DAYS_INSTALMENT - DAYS_ENTRY_PAYMENT, 0).',
  ],
  [
    'INST_EARLY_DAYS_MAX',
    'Plus grande avance de paiement (jours)',
    'Largest payment advance (days)',
    'days',
    'Maximum of max(-delay, 0).',
  ],
  [
    'INST_PAID_SHARE_MEAN',
    'Part moyenne de chaque échéance payée',
    'Average share of each instalment paid',
    'ratio',
    'Mean of AMT_PAYMENT / AMT_INSTALMENT.',
  ],
  [
    'INST_PAID_SHARE_MIN',
    "Plus faible part d'une échéance payée",
    'Lowest share of an instalment paid',
    'ratio',
    'Minimum of AMT_PAYMENT / AMT_INSTALMENT.',
  ],
  [
    'INST_SHORT_SHARE',
    'Part des échéances payées incomplètement',
    'Share of instalments under-paid',
    'ratio',
    'Instalments with AMT_PAYMENT < AMT_INSTALMENT / instalments with a paid share.',
  ],
  [
    'INST_AMOUNT_MISSING_MEAN',
    'Montant manquant moyen par échéance',
    'Average amount missing per instalment',
    'currency',
    'Mean of max(AMT_INSTALMENT - AMT_PAYMENT, 0); an unpaid instalment misses its whole amount.',
  ],
  [
    'INST_AMOUNT_MISSING_MAX',
    'Plus gros montant manquant sur une échéance',
    'Largest amount missing on an instalment',
    'currency',
    'Maximum of max(AMT_INSTALMENT - AMT_PAYMENT, 0).',
  ],
  [
    'INST_AMOUNT_MISSING_SUM',
    'Montant manquant total',
    'Total amount missing',
    'currency',
    'Sum of max(AMT_INSTALMENT - AMT_PAYMENT, 0).',
  ],
  [
    'INST_UNPAID_COUNT',
    'Échéances sans paiement enregistré',
    'Instalments with no payment recorded',
    'count',
    'Rows where AMT_PAYMENT or DAYS_ENTRY_PAYMENT is missing.',
  ],
  [
    'INST_AMT_INSTALMENT_SUM',
    'Montant total des échéances',
    'Total amount of instalments',
    'currency',
    'Sum of AMT_INSTALMENT.',
  ],
  [
    'INST_AMT_INSTALMENT_MEAN',
    'Montant moyen des échéances',
    'Average instalment amount',
    'currency',
    'Mean of AMT_INSTALMENT.',
  ],
  [
    'INST_AMT_INSTALMENT_MAX',
    'Plus grosse échéance',
    'Largest instalment',
    'currency',
    'Maximum of AMT_INSTALMENT.',
  ],
  [
    'INST_AMT_PAYMENT_SUM',
    'Montant total payé',
    'Total amount paid',
    'currency',
    'Sum of AMT_PAYMENT.',
  ],
  [
    'INST_AMT_PAYMENT_MEAN',
    'Paiement moyen',
    'Average payment',
    'currency',
    'Mean of AMT_PAYMENT.',
  ],
  [
    'INST_TOTAL_PAID_SHARE',
    'Part du total dû effectivement payée',
    'Share of the total due actually paid',
    'ratio',
    'Sum of AMT_PAYMENT / sum of AMT_INSTALMENT.',
  ],
  [
    'INST_DAYS_ENTRY_PAYMENT_MAX',
    'Dernier paiement (jours avant la demande)',
    'Last payment (days before the application)',
    'date',
    'Maximum DAYS_ENTRY_PAYMENT.',
  ],
  [
    'INST_VERSION_MAX',
    "Nombre maximal de révisions d'échéancier",
    'Most revisions of an instalment schedule',
    'count',
    'Maximum NUM_INSTALMENT_VERSION.',
  ],
  [
    'INST_COUNT_365D',
    'Échéances des 12 derniers mois',
    'Instalments in the last 12 months',
    'count',
    'DAYS_INSTALMENT >= -365.',
  ],
  [
    'INST_LATE_DAYS_MEAN_365D',
    'Jours de retard moyens sur 12 mois',
    'Average days late in the last 12 months',
    'days',
    'Mean of max(delay, 0), DAYS_INSTALMENT >= -365.',
  ],
  [
    'INST_LATE_SHARE_365D',
    'Part des échéances en retard sur 12 mois',
    'Share of instalments late in the last 12 months',
    'ratio',
    'Share late among paid instalments, DAYS_INSTALMENT >= -365.',
  ],
  [
    'INST_PAID_SHARE_MEAN_365D',
    'Part moyenne payée sur 12 mois',
    'Average share paid in the last 12 months',
    'ratio',
    'Mean of AMT_PAYMENT / AMT_INSTALMENT, DAYS_INSTALMENT >= -365.',
  ],
  [
    'INST_SHORT_SHARE_365D',
    'Part des échéances incomplètes sur 12 mois',
    'Share of instalments under-paid in the last 12 months',
    'ratio',
    'Share under-paid, DAYS_INSTALMENT >= -365.',
  ],
];

const CREDIT_CARD: readonly Explicit[] = [
  [
    'CC_CARDS_COUNT',
    'Cartes de crédit Home Credit',
    'Home Credit cards',
    'count',
    'Distinct SK_ID_PREV in credit_card_balance.',
  ],
  [
    'CC_MONTHS_COUNT',
    'Mois de suivi des cartes',
    'Months of card history',
    'count',
    'credit_card_balance rows.',
  ],
  [
    'CC_AMT_BALANCE_MEAN',
    'Solde moyen des cartes',
    'Average card balance',
    'currency',
    'Mean AMT_BALANCE.',
  ],
  [
    'CC_AMT_BALANCE_MAX',
    'Plus haut solde des cartes',
    'Highest card balance',
    'currency',
    'Maximum AMT_BALANCE.',
  ],
  [
    'CC_AMT_CREDIT_LIMIT_MEAN',
    'Plafond moyen des cartes',
    'Average card limit',
    'currency',
    'Mean AMT_CREDIT_LIMIT_ACTUAL.',
  ],
  [
    'CC_AMT_CREDIT_LIMIT_MAX',
    'Plus haut plafond de carte',
    'Highest card limit',
    'currency',
    'Maximum AMT_CREDIT_LIMIT_ACTUAL.',
  ],
  [
    'CC_UTILISATION_MEAN',
    'Utilisation moyenne du plafond',
    'Average use of the card limit',
    'ratio',
    'Mean of AMT_BALANCE / AMT_CREDIT_LIMIT_ACTUAL.',
  ],
  [
    'CC_UTILISATION_MAX',
    'Utilisation maximale du plafond',
    'Highest use of the card limit',
    'ratio',
    'Maximum of AMT_BALANCE / AMT_CREDIT_LIMIT_ACTUAL.',
  ],
  [
    'CC_UTILISATION_LAST',
    'Utilisation du plafond au dernier mois',
    'Use of the card limit in the latest month',
    'ratio',
    'Mean of balance / limit over the cards at the latest MONTHS_BALANCE.',
  ],
  [
    'CC_AMT_DRAWINGS_MEAN',
    'Retraits et achats mensuels moyens',
    'Average monthly drawings',
    'currency',
    'Mean AMT_DRAWINGS_CURRENT.',
  ],
  [
    'CC_AMT_DRAWINGS_SUM',
    'Total des retraits et achats',
    'Total drawings',
    'currency',
    'Sum of AMT_DRAWINGS_CURRENT.',
  ],
  [
    'CC_AMT_DRAWINGS_ATM_MEAN',
    "Retraits d'espèces mensuels moyens",
    'Average monthly cash withdrawals',
    'currency',
    'Mean AMT_DRAWINGS_ATM_CURRENT.',
  ],
  [
    'CC_AMT_DRAWINGS_POS_MEAN',
    'Achats par carte mensuels moyens',
    'Average monthly card purchases',
    'currency',
    'Mean AMT_DRAWINGS_POS_CURRENT.',
  ],
  [
    'CC_CNT_DRAWINGS_MEAN',
    "Nombre moyen d'opérations par mois",
    'Average number of drawings per month',
    'count',
    'Mean CNT_DRAWINGS_CURRENT.',
  ],
  [
    'CC_CNT_DRAWINGS_ATM_MEAN',
    'Nombre moyen de retraits par mois',
    'Average number of cash withdrawals per month',
    'count',
    'Mean CNT_DRAWINGS_ATM_CURRENT.',
  ],
  [
    'CC_AMT_PAYMENT_MEAN',
    'Remboursement mensuel moyen (carte)',
    'Average monthly card payment',
    'currency',
    'Mean AMT_PAYMENT_CURRENT.',
  ],
  [
    'CC_AMT_PAYMENT_TOTAL_MEAN',
    'Remboursement total mensuel moyen (carte)',
    'Average total monthly card payment',
    'currency',
    'Mean AMT_PAYMENT_TOTAL_CURRENT.',
  ],
  [
    'CC_AMT_MINIMUM_DUE_MEAN',
    'Minimum à rembourser moyen (carte)',
    'Average minimum payment due (card)',
    'currency',
    'Mean AMT_INST_MIN_REGULARITY.',
  ],
  [
    'CC_PAYMENT_TO_MINIMUM_MEAN',
    'Remboursement rapporté au minimum dû (moyenne)',
    'Payment relative to the minimum due (average)',
    'ratio',
    'Mean of AMT_PAYMENT_CURRENT / AMT_INST_MIN_REGULARITY.',
  ],
  [
    'CC_PAYMENT_TO_MINIMUM_MIN',
    'Remboursement rapporté au minimum dû (pire mois)',
    'Payment relative to the minimum due (worst month)',
    'ratio',
    'Minimum of AMT_PAYMENT_CURRENT / AMT_INST_MIN_REGULARITY.',
  ],
  [
    'CC_BELOW_MINIMUM_SHARE',
    'Part des mois sous le minimum dû',
    'Share of months paying less than the minimum',
    'ratio',
    'Months with a payment below a positive minimum / months with a positive minimum.',
  ],
  [
    'CC_AMT_TOTAL_RECEIVABLE_MEAN',
    'Montant dû moyen (carte)',
    'Average amount owed (card)',
    'currency',
    'Mean AMT_TOTAL_RECEIVABLE.',
  ],
  [
    'CC_SK_DPD_MAX',
    'Plus long retard sur carte (jours)',
    'Longest card delay (days)',
    'days',
    'Maximum SK_DPD.',
  ],
  [
    'CC_SK_DPD_MEAN',
    'Retard moyen sur carte (jours)',
    'Average card delay (days)',
    'days',
    'Mean SK_DPD.',
  ],
  [
    'CC_SK_DPD_DEF_MAX',
    'Plus long retard significatif sur carte (jours)',
    'Longest significant card delay (days)',
    'days',
    'Maximum SK_DPD_DEF.',
  ],
  [
    'CC_DPD_MONTHS_SHARE',
    'Part des mois en retard (carte)',
    'Share of months past due (card)',
    'ratio',
    'Months with SK_DPD > 0 / months.',
  ],
  [
    'CC_CNT_INSTALMENT_MATURE_MAX',
    'Échéances de carte arrivées à terme',
    'Card instalments matured',
    'count',
    'Maximum CNT_INSTALMENT_MATURE_CUM.',
  ],
  [
    'CC_UTILISATION_MEAN_12M',
    'Utilisation moyenne du plafond sur 12 mois',
    'Average use of the card limit in the last 12 months',
    'ratio',
    'Mean balance / limit with MONTHS_BALANCE >= -12.',
  ],
  [
    'CC_AMT_DRAWINGS_MEAN_12M',
    'Retraits et achats mensuels moyens sur 12 mois',
    'Average monthly drawings in the last 12 months',
    'currency',
    'Mean AMT_DRAWINGS_CURRENT with MONTHS_BALANCE >= -12.',
  ],
  [
    'CC_DPD_MONTHS_SHARE_12M',
    'Part des mois en retard sur 12 mois (carte)',
    'Share of months past due in the last 12 months (card)',
    'ratio',
    'Months with SK_DPD > 0 / months, MONTHS_BALANCE >= -12.',
  ],
];

export function historyEntries(): FeatureEntry[] {
  return [
    ...bureauEntries(),
    ...previousEntries(),
    ...explicit('POS_CASH_balance', POS),
    ...explicit('installments_payments', INSTALLMENTS),
    ...explicit('credit_card_balance', CREDIT_CARD),
  ];
}
