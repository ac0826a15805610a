/**
 * French and English wording of the raw category values that explanations cite ("Type de revenu :
 * Salarié"). The value sets themselves live in src/data/value-sets.ts; a value missing here is
 * shown as stored (a test keeps the common categoricals covered).
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
};

/** The categoricals whose every value has a wording here. */
export const LABELLED_CATEGORICALS: readonly string[] = Object.keys(LABELS);

/** The value of a categorical in French and English; the stored value when no wording exists. */
export function categoryLabel(column: string, value: string): { fr: string; en: string } {
  const found = LABELS[column]?.[value];
  return found ? { fr: found[0], en: found[1] } : { fr: value, en: value };
}
