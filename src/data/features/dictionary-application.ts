/** Dictionary entries of the application group (raw fields, derived ratios, encodings). */
import { APPLICATION_VALUE_SETS } from '../value-sets.ts';
import type { FeatureEntry, Tags, Theme, Unit } from './dictionary-types.ts';
import { makeEntry } from './dictionary-types.ts';
import { ONE_HOT_COLUMNS } from './encodings.ts';

const SOURCE = 'application';

type Row = readonly [name: string, fr: string, en: string, theme: Theme, unit: Unit, tags?: Tags];

/** Raw numeric application fields kept as features, in the order of the stored table. */
const RAW: readonly Row[] = [
  ['CNT_CHILDREN', "Nombre d'enfants", 'Number of children', 'profile', 'count'],
  ['AMT_INCOME_TOTAL', 'Revenu annuel', 'Annual income', 'income and charges', 'currency'],
  [
    'AMT_CREDIT',
    'Montant du crédit demandé',
    'Requested credit amount',
    'requested loan',
    'currency',
    'a',
  ],
  [
    'AMT_ANNUITY',
    'Mensualité du crédit',
    'Loan instalment (annuity)',
    'requested loan',
    'currency',
    'a',
  ],
  [
    'AMT_GOODS_PRICE',
    'Prix du bien financé',
    'Price of the goods financed',
    'requested loan',
    'currency',
    'a',
  ],
  [
    'REGION_POPULATION_RELATIVE',
    'Densité de population de la région',
    'Population density of the region',
    'region',
    'ratio',
  ],
  [
    'DAYS_BIRTH',
    'Âge (jours avant la demande)',
    'Age (days before the application)',
    'profile',
    'elapsed',
    'is',
  ],
  [
    'DAYS_EMPLOYED',
    "Ancienneté dans l'emploi (jours avant la demande)",
    'Time in current job (days before the application)',
    'employment',
    'elapsed',
  ],
  [
    'DAYS_REGISTRATION',
    "Ancienneté de l'enregistrement (jours)",
    'Time since the registration was changed (days)',
    'profile',
    'elapsed',
  ],
  [
    'DAYS_ID_PUBLISH',
    "Ancienneté de la pièce d'identité (jours)",
    'Time since the identity document was issued (days)',
    'documents and contact',
    'elapsed',
  ],
  ['OWN_CAR_AGE', 'Âge de la voiture (années)', 'Age of own car (years)', 'profile', 'years'],
  [
    'FLAG_MOBIL',
    'A donné un téléphone mobile',
    'Gave a mobile phone',
    'documents and contact',
    'flag',
  ],
  [
    'FLAG_EMP_PHONE',
    "A donné le téléphone de l'employeur",
    "Gave the employer's phone",
    'documents and contact',
    'flag',
  ],
  [
    'FLAG_WORK_PHONE',
    'A donné un téléphone professionnel',
    'Gave a work phone',
    'documents and contact',
    'flag',
  ],
  [
    'FLAG_CONT_MOBILE',
    'Téléphone mobile joignable',
    'Mobile phone reachable',
    'documents and contact',
    'flag',
  ],
  ['FLAG_PHONE', 'A donné un téléphone fixe', 'Gave a home phone', 'documents and contact', 'flag'],
  [
    'FLAG_EMAIL',
    'A donné une adresse e-mail',
    'Gave an e-mail address',
    'documents and contact',
    'flag',
  ],
  [
    'CNT_FAM_MEMBERS',
    'Nombre de personnes dans la famille',
    'Number of family members',
    'profile',
    'count',
  ],
  [
    'REGION_RATING_CLIENT',
    'Note de la région de résidence (1 à 3)',
    'Rating of the home region (1 to 3)',
    'region',
    'level',
  ],
  [
    'REGION_RATING_CLIENT_W_CITY',
    'Note de la région et de la ville (1 à 3)',
    'Rating of the home region and city (1 to 3)',
    'region',
    'level',
  ],
  [
    'HOUR_APPR_PROCESS_START',
    'Heure de la demande',
    'Hour the application was started',
    'documents and contact',
    'hours',
  ],
  [
    'REG_REGION_NOT_LIVE_REGION',
    "Région de l'adresse officielle différente de la région de résidence",
    'Registered region differs from home region',
    'region',
    'flag',
  ],
  [
    'REG_REGION_NOT_WORK_REGION',
    'Région officielle différente de la région de travail',
    'Registered region differs from work region',
    'region',
    'flag',
  ],
  [
    'LIVE_REGION_NOT_WORK_REGION',
    'Région de résidence différente de la région de travail',
    'Home region differs from work region',
    'region',
    'flag',
  ],
  [
    'REG_CITY_NOT_LIVE_CITY',
    'Ville officielle différente de la ville de résidence',
    'Registered city differs from home city',
    'region',
    'flag',
  ],
  [
    'REG_CITY_NOT_WORK_CITY',
    'Ville officielle différente de la ville de travail',
    'Registered city differs from work city',
    'region',
    'flag',
  ],
  [
    'LIVE_CITY_NOT_WORK_CITY',
    'Ville de résidence différente de la ville de travail',
    'Home city differs from work city',
    'region',
    'flag',
  ],
  ['EXT_SOURCE_1', 'Score externe n°1', 'External score no. 1', 'external scores', 'score'],
  ['EXT_SOURCE_2', 'Score externe n°2', 'External score no. 2', 'external scores', 'score'],
  ['EXT_SOURCE_3', 'Score externe n°3', 'External score no. 3', 'external scores', 'score'],
];

/** The 14 building measures, each as _AVG, _MODE and _MEDI (normalised scores). */
const BUILDING: readonly (readonly [string, string, string])[] = [
  ['APARTMENTS', 'taille des appartements', 'apartment size'],
  ['BASEMENTAREA', 'surface du sous-sol', 'basement area'],
  ['YEARS_BEGINEXPLUATATION', "début d'occupation", 'start of occupation'],
  ['YEARS_BUILD', 'âge du bâtiment', 'building age'],
  ['COMMONAREA', 'parties communes', 'common area'],
  ['ELEVATORS', 'ascenseurs', 'elevators'],
  ['ENTRANCES', 'entrées', 'entrances'],
  ['FLOORSMAX', "nombre d'étages (max)", 'number of floors (max)'],
  ['FLOORSMIN', "nombre d'étages (min)", 'number of floors (min)'],
  ['LANDAREA', 'surface du terrain', 'land area'],
  ['LIVINGAPARTMENTS', 'logements habités', 'living apartments'],
  ['LIVINGAREA', 'surface habitable', 'living area'],
  ['NONLIVINGAPARTMENTS', 'logements non habités', 'non-living apartments'],
  ['NONLIVINGAREA', 'surface non habitable', 'non-living area'],
];
const BUILDING_STATS: readonly (readonly [string, string, string])[] = [
  ['AVG', 'moyenne', 'average'],
  ['MODE', 'mode', 'mode'],
  ['MEDI', 'médiane', 'median'],
];

const TAIL: readonly Row[] = [
  [
    'TOTALAREA_MODE',
    "Logement : surface totale de l'immeuble (mode)",
    'Home: total building area (mode)',
    'housing',
    'score',
  ],
  [
    'OBS_30_CNT_SOCIAL_CIRCLE',
    'Proches observés (retard de 30 jours)',
    'Acquaintances observed (30 days past due)',
    'profile',
    'count',
  ],
  [
    'DEF_30_CNT_SOCIAL_CIRCLE',
    'Proches en défaut (30 jours)',
    'Acquaintances in default (30 days)',
    'profile',
    'count',
  ],
  [
    'OBS_60_CNT_SOCIAL_CIRCLE',
    'Proches observés (retard de 60 jours)',
    'Acquaintances observed (60 days past due)',
    'profile',
    'count',
  ],
  [
    'DEF_60_CNT_SOCIAL_CIRCLE',
    'Proches en défaut (60 jours)',
    'Acquaintances in default (60 days)',
    'profile',
    'count',
  ],
  [
    'DAYS_LAST_PHONE_CHANGE',
    'Dernier changement de téléphone (jours)',
    'Last phone change (days)',
    'documents and contact',
    'date',
  ],
];

const BUREAU_REQUESTS: readonly (readonly [string, string, string])[] = [
  ['HOUR', "dans l'heure", 'in the last hour'],
  ['DAY', 'dans la journée', 'in the last day'],
  ['WEEK', 'dans la semaine', 'in the last week'],
  ['MON', 'dans le mois', 'in the last month'],
  ['QRT', 'dans le trimestre', 'in the last quarter'],
  ['YEAR', "dans l'année", 'in the last year'],
];

/** Derived features, in the order of application.sql. */
const DERIVED: readonly (readonly [...Row, string])[] = [
  [
    'CREDIT_TO_INCOME',
    'Crédit rapporté au revenu annuel',
    'Credit amount relative to annual income',
    'income and charges',
    'ratio',
    'a',
    'AMT_CREDIT / AMT_INCOME_TOTAL',
  ],
  [
    'ANNUITY_TO_INCOME',
    'Mensualité rapportée au revenu annuel',
    'Instalment relative to the annual income',
    'income and charges',
    'ratio',
    'a',
    'AMT_ANNUITY / AMT_INCOME_TOTAL',
  ],
  [
    'CREDIT_TERM_MONTHS',
    'Durée du crédit (nombre de mensualités)',
    'Loan term (number of instalments)',
    'requested loan',
    'months',
    'a',
    'AMT_CREDIT / AMT_ANNUITY',
  ],
  [
    'GOODS_TO_CREDIT',
    'Prix du bien rapporté au crédit',
    'Goods price relative to the credit',
    'requested loan',
    'ratio',
    'a',
    'AMT_GOODS_PRICE / AMT_CREDIT',
  ],
  [
    'CREDIT_OVER_GOODS',
    'Crédit au-delà du prix du bien',
    'Credit beyond the goods price',
    'requested loan',
    'currency',
    'a',
    'AMT_CREDIT - AMT_GOODS_PRICE',
  ],
  [
    'INCOME_PER_FAMILY_MEMBER',
    'Revenu annuel par membre de la famille',
    'Annual income per family member',
    'income and charges',
    'currency',
    '',
    'AMT_INCOME_TOTAL / CNT_FAM_MEMBERS',
  ],
  [
    'ANNUITY_TO_INCOME_PER_MEMBER',
    'Mensualité rapportée au revenu annuel par personne',
    'Instalment relative to the annual income per family member',
    'income and charges',
    'ratio',
    'a',
    'AMT_ANNUITY / (AMT_INCOME_TOTAL / CNT_FAM_MEMBERS)',
  ],
  [
    'CHILDREN_SHARE_OF_FAMILY',
    'Part des enfants dans la famille',
    'Share of children in the family',
    'profile',
    'ratio',
    '',
    'CNT_CHILDREN / CNT_FAM_MEMBERS',
  ],
  [
    'INCOME_AFTER_ANNUITY',
    'Revenu annuel moins une mensualité',
    'Annual income minus one instalment',
    'income and charges',
    'currency',
    'a',
    'AMT_INCOME_TOTAL - AMT_ANNUITY',
  ],
  ['AGE_YEARS', 'Âge (années)', 'Age (years)', 'profile', 'years', 'is', '-DAYS_BIRTH / 365.25'],
  [
    'EMPLOYED_YEARS',
    "Ancienneté dans l'emploi (années)",
    'Years in current job',
    'employment',
    'years',
    '',
    '-DAYS_EMPLOYED / 365.25 (missing for pensioners and the unemployed)',
  ],
  [
    'REGISTRATION_YEARS',
    "Ancienneté de l'enregistrement (années)",
    'Time since the registration was changed (years)',
    'profile',
    'years',
    '',
    '-DAYS_REGISTRATION / 365.25',
  ],
  [
    'ID_PUBLISH_YEARS',
    "Ancienneté de la pièce d'identité (années)",
    'Time since the identity document was issued (years)',
    'documents and contact',
    'years',
    '',
    '-DAYS_ID_PUBLISH / 365.25',
  ],
  [
    'PHONE_CHANGE_YEARS',
    'Temps depuis le dernier changement de téléphone',
    'Time since the last phone change',
    'documents and contact',
    'years',
    '',
    '-DAYS_LAST_PHONE_CHANGE / 365.25',
  ],
  [
    'EMPLOYED_TO_AGE',
    "Part de la vie passée dans l'emploi actuel",
    'Share of life spent in the current job',
    'employment',
    'ratio',
    's',
    'DAYS_EMPLOYED / DAYS_BIRTH',
  ],
  [
    'ID_PUBLISH_TO_AGE',
    "Ancienneté de la pièce d'identité rapportée à l'âge",
    'Identity document age relative to age',
    'documents and contact',
    'ratio',
    's',
    'DAYS_ID_PUBLISH / DAYS_BIRTH',
  ],
  [
    'CAR_AGE_TO_AGE',
    "Âge de la voiture rapporté à l'âge",
    'Car age relative to age',
    'profile',
    'ratio',
    's',
    'OWN_CAR_AGE / age in years',
  ],
  [
    'EXT_SOURCE_MEAN',
    'Moyenne des scores externes',
    'Average of the external scores',
    'external scores',
    'score',
    '',
    'Mean of the present EXT_SOURCE_1..3',
  ],
  [
    'EXT_SOURCE_MIN',
    'Plus bas des scores externes',
    'Lowest external score',
    'external scores',
    'score',
    '',
    'Minimum of the present EXT_SOURCE_1..3',
  ],
  [
    'EXT_SOURCE_MAX',
    'Plus haut des scores externes',
    'Highest external score',
    'external scores',
    'score',
    '',
    'Maximum of the present EXT_SOURCE_1..3',
  ],
  [
    'EXT_SOURCE_STD',
    'Écart entre les scores externes',
    'Spread of the external scores',
    'external scores',
    'score',
    '',
    'Population standard deviation of the present EXT_SOURCE_1..3',
  ],
  [
    'EXT_SOURCE_PRODUCT',
    'Produit des trois scores externes',
    'Product of the three external scores',
    'external scores',
    'score',
    '',
    'EXT_SOURCE_1 * EXT_SOURCE_2 * EXT_SOURCE_3 (missing if one is)',
  ],
  [
    'EXT_SOURCE_MISSING_COUNT',
    'Nombre de scores externes manquants',
    'Number of missing external scores',
    'external scores',
    'count',
    '',
    'How many of EXT_SOURCE_1..3 are missing',
  ],
  [
    'DOCUMENTS_COUNT',
    'Nombre de documents fournis',
    'Number of documents provided',
    'documents and contact',
    'count',
    '',
    'Sum of FLAG_DOCUMENT_2..21',
  ],
  [
    'CONTACT_CHANNELS_COUNT',
    'Nombre de moyens de contact donnés',
    'Number of contact channels given',
    'documents and contact',
    'count',
    '',
    'Sum of the six phone and e-mail flags',
  ],
  [
    'ADDRESS_MISMATCH_COUNT',
    'Nombre de différences entre adresses (domicile, travail, officielle)',
    'Number of mismatches between home, work and registered addresses',
    'region',
    'count',
    '',
    'Sum of the six REG_/LIVE_ region and city flags',
  ],
  [
    'BUREAU_REQUESTS_TOTAL',
    'Demandes au bureau de crédit avant la demande (total)',
    'Credit bureau enquiries before the application (total)',
    'credit bureau',
    'count',
    '',
    'Sum of AMT_REQ_CREDIT_BUREAU_HOUR..YEAR',
  ],
  [
    'SOCIAL_CIRCLE_DEFAULT_30_SHARE',
    'Part des proches en défaut (30 jours)',
    'Share of acquaintances in default (30 days)',
    'profile',
    'ratio',
    '',
    'DEF_30_CNT_SOCIAL_CIRCLE / OBS_30_CNT_SOCIAL_CIRCLE',
  ],
  [
    'SOCIAL_CIRCLE_DEFAULT_60_SHARE',
    'Part des proches en défaut (60 jours)',
    'Share of acquaintances in default (60 days)',
    'profile',
    'ratio',
    '',
    'DEF_60_CNT_SOCIAL_CIRCLE / OBS_60_CNT_SOCIAL_CIRCLE',
  ],
];

/** French and English names of the encoded categoricals, with theme and flags. */
const CATEGORICALS: Readonly<Record<string, readonly [string, string, Theme, Tags]>> = {
  NAME_CONTRACT_TYPE: ['Type de contrat', 'Contract type', 'requested loan', ''],
  CODE_GENDER: ['Sexe', 'Gender', 'profile', 'is'],
  FLAG_OWN_CAR: ['Possède une voiture', 'Owns a car', 'profile', ''],
  FLAG_OWN_REALTY: ['Possède un logement', 'Owns a home', 'housing', ''],
  NAME_TYPE_SUITE: ['Accompagnant lors de la demande', 'Accompanied by', 'profile', ''],
  NAME_INCOME_TYPE: ['Type de revenu', 'Income type', 'employment', ''],
  NAME_EDUCATION_TYPE: ["Niveau d'études", 'Education', 'profile', ''],
  NAME_FAMILY_STATUS: ['Situation familiale', 'Family status', 'profile', 's'],
  NAME_HOUSING_TYPE: ['Type de logement', 'Housing type', 'housing', ''],
  OCCUPATION_TYPE: ['Profession', 'Occupation', 'employment', ''],
  WEEKDAY_APPR_PROCESS_START: [
    'Jour de la demande',
    'Weekday of the application',
    'documents and contact',
    '',
  ],
  FONDKAPREMONT_MODE: ["Fonds de travaux de l'immeuble", 'Building repair fund', 'housing', ''],
  HOUSETYPE_MODE: ["Type d'immeuble", 'Building type', 'housing', ''],
  WALLSMATERIAL_MODE: ['Matériau des murs', 'Wall material', 'housing', ''],
  EMERGENCYSTATE_MODE: ["Immeuble en état d'urgence", 'Building in emergency state', 'housing', ''],
};

function rowEntry(row: Row, description: string): FeatureEntry {
  const [name, fr, en, theme, unit, tags = ''] = row;
  return makeEntry(name, [fr, en], { theme, source: SOURCE, unit }, description, tags);
}

function categorical(column: string): readonly [string, string, Theme, Tags] {
  const spec = CATEGORICALS[column];
  if (!spec) throw new Error(`no dictionary names for categorical ${column}`);
  return spec;
}

export function applicationEntries(): FeatureEntry[] {
  const entries = RAW.map((r) => rowEntry(r, `Application field ${r[0]}, as submitted.`));
  for (const [measure, fr, en] of BUILDING) {
    for (const [stat, statFr, statEn] of BUILDING_STATS) {
      const name = `${measure}_${stat}`;
      entries.push(
        rowEntry(
          [name, `Logement : ${fr} (${statFr})`, `Home: ${en} (${statEn})`, 'housing', 'score'],
          `Application field ${name}: normalised building information (${statEn} over the building).`,
        ),
      );
    }
  }
  for (const r of TAIL) entries.push(rowEntry(r, `Application field ${r[0]}, as submitted.`));
  for (let n = 2; n <= 21; n++) {
    const name = `FLAG_DOCUMENT_${n}`;
    entries.push(
      rowEntry(
        [
          name,
          `A fourni le document n°${n}`,
          `Provided document no. ${n}`,
          'documents and contact',
          'flag',
        ],
        `Application field ${name}, as submitted.`,
      ),
    );
  }
  for (const [period, fr, en] of BUREAU_REQUESTS) {
    const name = `AMT_REQ_CREDIT_BUREAU_${period}`;
    entries.push(
      rowEntry(
        [
          name,
          `Demandes au bureau de crédit ${fr} avant la demande`,
          `Credit bureau enquiries ${en} before the application`,
          'credit bureau',
          'count',
        ],
        `Application field ${name}, as submitted.`,
      ),
    );
  }
  entries.push(
    rowEntry(
      [
        'DAYS_EMPLOYED_ANOM',
        'Sans emploi déclaré (retraité ou sans emploi)',
        'No job declared (pensioner or unemployed)',
        'employment',
        'flag',
      ],
      'Added at ingestion: 1 where DAYS_EMPLOYED held the 365243 sentinel (then stored as missing).',
    ),
  );
  for (const [name, fr, en, theme, unit, tags, formula] of DERIVED) {
    entries.push(
      rowEntry(
        [name, fr, en, theme, unit, tags],
        `${formula}; missing when an input is missing or a denominator is zero.`,
      ),
    );
  }
  for (const c of ONE_HOT_COLUMNS) {
    const [fr, en, theme, tags] = categorical(c.column);
    entries.push(
      rowEntry(
        [c.name, `${fr} : « ${c.value} »`, `${en}: "${c.value}"`, theme, 'flag', tags],
        `1 when ${c.column} is "${c.value}", else 0 (0 in every column of ${c.column} when missing or unknown).`,
      ),
    );
  }
  entries.push(
    rowEntry(
      [
        'EDUCATION_LEVEL',
        "Niveau d'études (0 = secondaire inférieur … 4 = doctorat)",
        'Education level (0 = lower secondary … 4 = academic degree)',
        'profile',
        'level',
      ],
      'Ordinal of NAME_EDUCATION_TYPE: Lower secondary 0, Secondary 1, Incomplete higher 2, Higher 3, Academic degree 4; missing when unknown.',
    ),
  );
  const organizations = APPLICATION_VALUE_SETS.ORGANIZATION_TYPE?.length ?? 0;
  entries.push(
    rowEntry(
      [
        'ORGANIZATION_TYPE_RANK',
        "Secteur de l'employeur (rang de fréquence)",
        "Employer's sector (frequency rank)",
        'employment',
        'rank',
      ],
      `Rank of ORGANIZATION_TYPE among its ${organizations} values, most frequent first (0 = Business Entity Type 3); missing when unknown.`,
    ),
  );
  return entries;
}
