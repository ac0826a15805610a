/**
 * French and English wording of the raw category values that explanations cite ("Type de revenu :
 * Salarié"). The value sets themselves live in src/data/value-sets.ts; a value missing here is
 * shown as stored (category-labels.test.ts keeps every value of the value sets covered).
 */

type Labels = Readonly<Record<string, readonly [fr: string, en: string]>>;

const LABELS: Readonly<Record<string, Labels>> = {
  NAME_CONTRACT_TYPE: {
    'Cash loans': ['Prêt personnel', 'Cash loan'],
    'Revolving loans': ['Crédit renouvelable', 'Revolving loan'],
  },
  CODE_GENDER: { F: ['Femme', 'Female'], M: ['Homme', 'Male'], XNA: ['Non renseigné', 'Unknown'] },
  FLAG_OWN_CAR: { Y: ['Oui', 'Yes'], N: ['Non', 'No'] },
  FLAG_OWN_REALTY: { Y: ['Oui', 'Yes'], N: ['Non', 'No'] },
  NAME_TYPE_SUITE: {
    Unaccompanied: ['Seul', 'Unaccompanied'],
    Family: ['Famille', 'Family'],
    'Spouse, partner': ['Conjoint', 'Spouse or partner'],
    Children: ['Enfants', 'Children'],
    Other_A: ['Autre (A)', 'Other (A)'],
    Other_B: ['Autre (B)', 'Other (B)'],
    'Group of people': ['Groupe de personnes', 'Group of people'],
  },
  NAME_INCOME_TYPE: {
    Working: ['Salarié', 'Employee'],
    'Commercial associate': ['Commercial ou associé', 'Commercial associate'],
    Pensioner: ['Retraité', 'Pensioner'],
    'State servant': ['Fonctionnaire', 'Civil servant'],
    Unemployed: ['Sans emploi', 'Unemployed'],
    Student: ['Étudiant', 'Student'],
    Businessman: ["Chef d'entreprise", 'Business owner'],
    'Maternity leave': ['Congé maternité', 'Maternity leave'],
  },
  NAME_EDUCATION_TYPE: {
    'Lower secondary': ['Secondaire inférieur', 'Lower secondary'],
    'Secondary / secondary special': ['Secondaire', 'Secondary'],
    'Incomplete higher': ['Supérieur inachevé', 'Incomplete higher education'],
    'Higher education': ['Supérieur', 'Higher education'],
    'Academic degree': ['Doctorat', 'Academic degree'],
  },
  NAME_FAMILY_STATUS: {
    Married: ['Marié', 'Married'],
    'Single / not married': ['Célibataire', 'Single'],
    'Civil marriage': ['Union civile', 'Civil union'],
    Separated: ['Séparé', 'Separated'],
    Widow: ['Veuf ou veuve', 'Widowed'],
    Unknown: ['Inconnue', 'Unknown'],
  },
  NAME_HOUSING_TYPE: {
    'House / apartment': ['Maison ou appartement', 'House or apartment'],
    'With parents': ['Chez les parents', 'With parents'],
    'Municipal apartment': ['Logement municipal', 'Municipal apartment'],
    'Rented apartment': ['Location', 'Rented apartment'],
    'Office apartment': ['Logement de fonction', 'Company apartment'],
    'Co-op apartment': ['Logement coopératif', 'Co-op apartment'],
  },
  OCCUPATION_TYPE: {
    Laborers: ['Ouvrier', 'Labourer'],
    'Sales staff': ['Vendeur', 'Sales staff'],
    'Core staff': ['Employé', 'Core staff'],
    Managers: ['Cadre', 'Manager'],
    Drivers: ['Chauffeur', 'Driver'],
    'High skill tech staff': ['Technicien qualifié', 'Skilled technician'],
    Accountants: ['Comptable', 'Accountant'],
    'Medicine staff': ['Personnel médical', 'Medical staff'],
    'Security staff': ['Agent de sécurité', 'Security staff'],
    'Cooking staff': ['Cuisinier', 'Cook'],
    'Cleaning staff': ["Agent d'entretien", 'Cleaner'],
    'Private service staff': ['Employé de maison', 'Private service staff'],
    'Low-skill Laborers': ['Ouvrier non qualifié', 'Unskilled labourer'],
    'Waiters/barmen staff': ['Serveur', 'Waiter or bar staff'],
    Secretaries: ['Secrétaire', 'Secretary'],
    'Realty agents': ['Agent immobilier', 'Estate agent'],
    'HR staff': ['Ressources humaines', 'HR staff'],
    'IT staff': ['Informaticien', 'IT staff'],
  },
  WEEKDAY_APPR_PROCESS_START: {
    MONDAY: ['Lundi', 'Monday'],
    TUESDAY: ['Mardi', 'Tuesday'],
    WEDNESDAY: ['Mercredi', 'Wednesday'],
    THURSDAY: ['Jeudi', 'Thursday'],
    FRIDAY: ['Vendredi', 'Friday'],
    SATURDAY: ['Samedi', 'Saturday'],
    SUNDAY: ['Dimanche', 'Sunday'],
  },
  EMERGENCYSTATE_MODE: { Yes: ['Oui', 'Yes'], No: ['Non', 'No'] },
  ORGANIZATION_TYPE: {
    // The data set anonymises sub-sectors as "type 1…13": kept as numbers, the sector in words.
    'Business Entity Type 1': ['Entreprise (type 1)', 'Business (type 1)'],
    'Business Entity Type 2': ['Entreprise (type 2)', 'Business (type 2)'],
    'Business Entity Type 3': ['Entreprise (type 3)', 'Business (type 3)'],
    // XNA is what pensioners and people without a job have: no employer to name.
    XNA: ['Sans employeur', 'No employer'],
    'Self-employed': ['Travailleur indépendant', 'Self-employed'],
    Other: ['Autre secteur', 'Other sector'],
    Medicine: ['Santé', 'Healthcare'],
    Government: ['Administration publique', 'Government'],
    School: ['École', 'School'],
    Kindergarten: ['Crèche ou école maternelle', 'Nursery school'],
    Construction: ['Bâtiment et travaux publics', 'Construction'],
    Military: ['Armée', 'Military'],
    Security: ['Sécurité privée', 'Security services'],
    Police: ['Police', 'Police'],
    Housing: ['Logement et immobilier social', 'Housing'],
    Postal: ['Services postaux', 'Postal services'],
    Bank: ['Banque', 'Bank'],
    'Security Ministries': ['Ministères de la sécurité', 'Security ministries'],
    Agriculture: ['Agriculture', 'Agriculture'],
    Services: ['Services', 'Services'],
    Restaurant: ['Restauration', 'Restaurant'],
    University: ['Université', 'University'],
    Electricity: ['Électricité', 'Electricity'],
    Emergency: ["Services d'urgence", 'Emergency services'],
    Hotel: ['Hôtellerie', 'Hotel'],
    Realtor: ['Agence immobilière', 'Estate agency'],
    Culture: ['Culture', 'Culture'],
    'Legal Services': ['Services juridiques', 'Legal services'],
    Telecom: ['Télécommunications', 'Telecommunications'],
    Insurance: ['Assurance', 'Insurance'],
    Advertising: ['Publicité', 'Advertising'],
    Mobile: ['Téléphonie mobile', 'Mobile telephony'],
    Cleaning: ['Nettoyage', 'Cleaning'],
    Religion: ['Organisation religieuse', 'Religious organisation'],
    ...numbered('Trade: type', 'Commerce', 'Trade', 7),
    ...numbered('Industry: type', 'Industrie', 'Industry', 13),
    ...numbered('Transport: type', 'Transport', 'Transport', 4),
  },
  FONDKAPREMONT_MODE: {
    // The building's major-repairs fund account (Russian "fond kapremont").
    'reg oper account': ['Compte régional commun', 'Regional operator account'],
    'reg oper spec account': ['Compte spécial régional', 'Regional operator special account'],
    'org spec account': ["Compte spécial de l'immeuble", "Building's special account"],
    'not specified': ['Non précisé', 'Not specified'],
  },
  HOUSETYPE_MODE: {
    'block of flats': ['Immeuble collectif', 'Block of flats'],
    'specific housing': ['Logement spécifique', 'Specific housing'],
    'terraced house': ['Maison mitoyenne', 'Terraced house'],
  },
  WALLSMATERIAL_MODE: {
    Panel: ['Panneaux préfabriqués', 'Prefabricated panels'],
    'Stone, brick': ['Pierre ou brique', 'Stone or brick'],
    Block: ['Blocs', 'Blocks'],
    Wooden: ['Bois', 'Wood'],
    Mixed: ['Mixte', 'Mixed'],
    Monolithic: ['Béton monolithique', 'Monolithic concrete'],
    Others: ['Autre', 'Other'],
  },
};

/** "Trade: type 1" … "Trade: type n" worded as "Commerce (type 1)" / "Trade (type 1)". */
function numbered(stored: string, fr: string, en: string, count: number): Labels {
  const labels: Record<string, readonly [string, string]> = {};
  for (let i = 1; i <= count; i += 1)
    labels[`${stored} ${i}`] = [`${fr} (type ${i})`, `${en} (type ${i})`];
  return labels;
}

/** The categoricals whose every value has a wording here. */
export const LABELLED_CATEGORICALS: readonly string[] = Object.keys(LABELS);

/** The stored values of a categorical that have a wording here. */
export function labelledValues(column: string): string[] {
  return Object.keys(LABELS[column] ?? {});
}

/** The wording of a categorical value in French and English, or undefined when there is none. */
export function categoryWording(
  column: string,
  value: string,
): { fr: string; en: string } | undefined {
  const found = LABELS[column]?.[value];
  return found ? { fr: found[0], en: found[1] } : undefined;
}

/** The value of a categorical in French and English; the stored value when no wording exists. */
export function categoryLabel(column: string, value: string): { fr: string; en: string } {
  return categoryWording(column, value) ?? { fr: value, en: value };
}
