/**
 * Generated from the API's OpenAPI document (GET /api/openapi.json) by swagger-typescript-api.
 * Do not edit: change the route schemas in src/api, then run `npm run gen:api-types`.
 */

export type AdminModelsDetailData = ModelCard;

export interface AdminModelsDetailParams {
  /** @pattern ^m-\d{8}-\d{6}-[0-9a-f]{4}$ */
  id: string;
}

export type AdminModelsListData = ModelList;

export type AdminModelsPromoteCreateData = Promotion;

export interface AdminModelsPromoteCreateParams {
  /** @pattern ^m-\d{8}-\d{6}-[0-9a-f]{4}$ */
  id: string;
}

export type AdminUsersCreateData = UserAccountAnswer;

export interface AdminUsersCreatePayload {
  /**
   * required for a customer (SK_ID_CURR), absent for staff
   * @min 1
   * @max 999999999
   */
  clientId?: number | null;
  /**
   * at least 10 characters, and hard to guess: a strength of at least 3 of 4 (not a common password, a keyboard pattern or the user's own words)
   * @minLength 10
   * @maxLength 256
   */
  password: string;
  role: "adviser" | "admin" | "customer";
  /** @pattern ^[A-Za-z0-9._-]{3,64}$ */
  username: string;
}

export type AdminUsersListData = UserAccountList;

export type AdminUsersPartialUpdateData = UserAccountAnswer;

export interface AdminUsersPartialUpdateParams {
  /** @pattern ^[0-9]{1,9}$ */
  id: string;
}

export interface AdminUsersPartialUpdatePayload {
  disabled?: boolean;
  /**
   * at least 10 characters, and hard to guess: a strength of at least 3 of 4 (not a common password, a keyboard pattern or the user's own words)
   * @minLength 10
   * @maxLength 256
   */
  password?: string;
}

/** an application's score (src/model/scoring.ts) with the threshold its decision was taken against */
export interface ApplicantScore {
  /** plain-language band of points, best first: 'excellent', 'good', 'fair' are granted, 'high' and 'poor' refused (bands never straddle the threshold) */
  band: BandName;
  /** refuse when the calibrated probability ≥ the threshold */
  decision: Decision;
  /** points on the run scale (higher is safer) */
  points: number;
  /** calibrated probability of default */
  probability: number;
  /** the model's probability before calibration */
  rawProbability: number;
  /** accept / refer to a person / decline, when the run has decision bands */
  recommendation: "accept" | "refer" | "decline" | null;
  /** refuse when probability ≥ threshold */
  threshold: number;
}

export type ApplicationsCreateData = SavedApplication;

/** a new application (advisers and admins) */
export interface ApplicationsCreatePayload {
  /** a whole new application: fields as in application_test.csv, each within its range or values as `changes` are; absent or null fields are missing; no credit history */
  application: {
    /**
     * Acquaintances in default (30 days)
     * @min 0
     * @max 1000
     */
    DEF_30_CNT_SOCIAL_CIRCLE?: number | null;
    /**
     * Acquaintances in default (60 days)
     * @min 0
     * @max 1000
     */
    DEF_60_CNT_SOCIAL_CIRCLE?: number | null;
    /**
     * External score no. 1
     * @min 0
     * @max 1
     */
    EXT_SOURCE_1?: number | null;
    /**
     * External score no. 2
     * @min 0
     * @max 1
     */
    EXT_SOURCE_2?: number | null;
    /**
     * External score no. 3
     * @min 0
     * @max 1
     */
    EXT_SOURCE_3?: number | null;
    /**
     * Provided document no. 10
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_10?: number | null;
    /**
     * Provided document no. 11
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_11?: number | null;
    /**
     * Provided document no. 12
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_12?: number | null;
    /**
     * Provided document no. 13
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_13?: number | null;
    /**
     * Provided document no. 14
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_14?: number | null;
    /**
     * Provided document no. 15
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_15?: number | null;
    /**
     * Provided document no. 16
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_16?: number | null;
    /**
     * Provided document no. 17
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_17?: number | null;
    /**
     * Provided document no. 18
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_18?: number | null;
    /**
     * Provided document no. 19
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_19?: number | null;
    /**
     * Provided document no. 2
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_2?: number | null;
    /**
     * Provided document no. 20
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_20?: number | null;
    /**
     * Provided document no. 21
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_21?: number | null;
    /**
     * Provided document no. 3
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_3?: number | null;
    /**
     * Provided document no. 4
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_4?: number | null;
    /**
     * Provided document no. 5
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_5?: number | null;
    /**
     * Provided document no. 6
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_6?: number | null;
    /**
     * Provided document no. 7
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_7?: number | null;
    /**
     * Provided document no. 8
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_8?: number | null;
    /**
     * Provided document no. 9
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_9?: number | null;
    /**
     * Acquaintances observed (30 days past due)
     * @min 0
     * @max 1000
     */
    OBS_30_CNT_SOCIAL_CIRCLE?: number | null;
    /**
     * Acquaintances observed (60 days past due)
     * @min 0
     * @max 1000
     */
    OBS_60_CNT_SOCIAL_CIRCLE?: number | null;
    /**
     * Loan instalment (annuity)
     * @min 0
     * @max 10000000
     */
    AMT_ANNUITY?: number | null;
    /**
     * Requested credit amount
     * @min 0
     * @max 100000000
     */
    AMT_CREDIT: number | null;
    /**
     * Price of the goods financed
     * @min 0
     * @max 100000000
     */
    AMT_GOODS_PRICE?: number | null;
    /**
     * Annual income
     * @min 0
     * @max 1000000000
     */
    AMT_INCOME_TOTAL: number | null;
    /**
     * Credit bureau enquiries in the last day before the application
     * @min 0
     * @max 1000
     */
    AMT_REQ_CREDIT_BUREAU_DAY?: number | null;
    /**
     * Credit bureau enquiries in the last hour before the application
     * @min 0
     * @max 1000
     */
    AMT_REQ_CREDIT_BUREAU_HOUR?: number | null;
    /**
     * Credit bureau enquiries in the last month before the application
     * @min 0
     * @max 1000
     */
    AMT_REQ_CREDIT_BUREAU_MON?: number | null;
    /**
     * Credit bureau enquiries in the last quarter before the application
     * @min 0
     * @max 1000
     */
    AMT_REQ_CREDIT_BUREAU_QRT?: number | null;
    /**
     * Credit bureau enquiries in the last week before the application
     * @min 0
     * @max 1000
     */
    AMT_REQ_CREDIT_BUREAU_WEEK?: number | null;
    /**
     * Credit bureau enquiries in the last year before the application
     * @min 0
     * @max 1000
     */
    AMT_REQ_CREDIT_BUREAU_YEAR?: number | null;
    /**
     * Home: apartment size (average)
     * @min 0
     * @max 1
     */
    APARTMENTS_AVG?: number | null;
    /**
     * Home: apartment size (median)
     * @min 0
     * @max 1
     */
    APARTMENTS_MEDI?: number | null;
    /**
     * Home: apartment size (mode)
     * @min 0
     * @max 1
     */
    APARTMENTS_MODE?: number | null;
    /**
     * Home: basement area (average)
     * @min 0
     * @max 1
     */
    BASEMENTAREA_AVG?: number | null;
    /**
     * Home: basement area (median)
     * @min 0
     * @max 1
     */
    BASEMENTAREA_MEDI?: number | null;
    /**
     * Home: basement area (mode)
     * @min 0
     * @max 1
     */
    BASEMENTAREA_MODE?: number | null;
    /**
     * Number of children
     * @min 0
     * @max 20
     */
    CNT_CHILDREN?: number | null;
    /**
     * Number of family members
     * @min 1
     * @max 25
     */
    CNT_FAM_MEMBERS?: number | null;
    CODE_GENDER?: "F" | "M" | "XNA" | null;
    /**
     * Home: common area (average)
     * @min 0
     * @max 1
     */
    COMMONAREA_AVG?: number | null;
    /**
     * Home: common area (median)
     * @min 0
     * @max 1
     */
    COMMONAREA_MEDI?: number | null;
    /**
     * Home: common area (mode)
     * @min 0
     * @max 1
     */
    COMMONAREA_MODE?: number | null;
    /**
     * Age (days before the application)
     * @min -36525
     * @max -6575
     */
    DAYS_BIRTH: number | null;
    /** Time in current job (days before the application); 365243: no employment */
    DAYS_EMPLOYED?: number | null | 365243;
    /**
     * Time since the identity document was issued (days)
     * @min -36525
     * @max 0
     */
    DAYS_ID_PUBLISH?: number | null;
    /**
     * Last phone change (days)
     * @min -36525
     * @max 0
     */
    DAYS_LAST_PHONE_CHANGE?: number | null;
    /**
     * Time since the registration was changed (days)
     * @min -36525
     * @max 0
     */
    DAYS_REGISTRATION?: number | null;
    /**
     * Home: elevators (average)
     * @min 0
     * @max 1
     */
    ELEVATORS_AVG?: number | null;
    /**
     * Home: elevators (median)
     * @min 0
     * @max 1
     */
    ELEVATORS_MEDI?: number | null;
    /**
     * Home: elevators (mode)
     * @min 0
     * @max 1
     */
    ELEVATORS_MODE?: number | null;
    EMERGENCYSTATE_MODE?: "No" | "Yes" | null;
    /**
     * Home: entrances (average)
     * @min 0
     * @max 1
     */
    ENTRANCES_AVG?: number | null;
    /**
     * Home: entrances (median)
     * @min 0
     * @max 1
     */
    ENTRANCES_MEDI?: number | null;
    /**
     * Home: entrances (mode)
     * @min 0
     * @max 1
     */
    ENTRANCES_MODE?: number | null;
    /**
     * Mobile phone reachable
     * @min 0
     * @max 1
     */
    FLAG_CONT_MOBILE?: number | null;
    /**
     * Gave an e-mail address
     * @min 0
     * @max 1
     */
    FLAG_EMAIL?: number | null;
    /**
     * Gave the employer's phone
     * @min 0
     * @max 1
     */
    FLAG_EMP_PHONE?: number | null;
    /**
     * Gave a mobile phone
     * @min 0
     * @max 1
     */
    FLAG_MOBIL?: number | null;
    FLAG_OWN_CAR?: "N" | "Y" | null;
    FLAG_OWN_REALTY?: "Y" | "N" | null;
    /**
     * Gave a home phone
     * @min 0
     * @max 1
     */
    FLAG_PHONE?: number | null;
    /**
     * Gave a work phone
     * @min 0
     * @max 1
     */
    FLAG_WORK_PHONE?: number | null;
    /**
     * Home: number of floors (max) (average)
     * @min 0
     * @max 1
     */
    FLOORSMAX_AVG?: number | null;
    /**
     * Home: number of floors (max) (median)
     * @min 0
     * @max 1
     */
    FLOORSMAX_MEDI?: number | null;
    /**
     * Home: number of floors (max) (mode)
     * @min 0
     * @max 1
     */
    FLOORSMAX_MODE?: number | null;
    /**
     * Home: number of floors (min) (average)
     * @min 0
     * @max 1
     */
    FLOORSMIN_AVG?: number | null;
    /**
     * Home: number of floors (min) (median)
     * @min 0
     * @max 1
     */
    FLOORSMIN_MEDI?: number | null;
    /**
     * Home: number of floors (min) (mode)
     * @min 0
     * @max 1
     */
    FLOORSMIN_MODE?: number | null;
    FONDKAPREMONT_MODE?:
      | "reg oper account"
      | "reg oper spec account"
      | "org spec account"
      | "not specified"
      | null;
    /**
     * Hour the application was started
     * @min 0
     * @max 23
     */
    HOUR_APPR_PROCESS_START?: number | null;
    HOUSETYPE_MODE?:
      | "block of flats"
      | "specific housing"
      | "terraced house"
      | null;
    /**
     * Home: land area (average)
     * @min 0
     * @max 1
     */
    LANDAREA_AVG?: number | null;
    /**
     * Home: land area (median)
     * @min 0
     * @max 1
     */
    LANDAREA_MEDI?: number | null;
    /**
     * Home: land area (mode)
     * @min 0
     * @max 1
     */
    LANDAREA_MODE?: number | null;
    /**
     * Home city differs from work city
     * @min 0
     * @max 1
     */
    LIVE_CITY_NOT_WORK_CITY?: number | null;
    /**
     * Home region differs from work region
     * @min 0
     * @max 1
     */
    LIVE_REGION_NOT_WORK_REGION?: number | null;
    /**
     * Home: living apartments (average)
     * @min 0
     * @max 1
     */
    LIVINGAPARTMENTS_AVG?: number | null;
    /**
     * Home: living apartments (median)
     * @min 0
     * @max 1
     */
    LIVINGAPARTMENTS_MEDI?: number | null;
    /**
     * Home: living apartments (mode)
     * @min 0
     * @max 1
     */
    LIVINGAPARTMENTS_MODE?: number | null;
    /**
     * Home: living area (average)
     * @min 0
     * @max 1
     */
    LIVINGAREA_AVG?: number | null;
    /**
     * Home: living area (median)
     * @min 0
     * @max 1
     */
    LIVINGAREA_MEDI?: number | null;
    /**
     * Home: living area (mode)
     * @min 0
     * @max 1
     */
    LIVINGAREA_MODE?: number | null;
    NAME_CONTRACT_TYPE: "Cash loans" | "Revolving loans" | null;
    NAME_EDUCATION_TYPE?:
      | "Secondary / secondary special"
      | "Higher education"
      | "Incomplete higher"
      | "Lower secondary"
      | "Academic degree"
      | null;
    NAME_FAMILY_STATUS?:
      | "Married"
      | "Single / not married"
      | "Civil marriage"
      | "Separated"
      | "Widow"
      | "Unknown"
      | null;
    NAME_HOUSING_TYPE?:
      | "House / apartment"
      | "With parents"
      | "Municipal apartment"
      | "Rented apartment"
      | "Office apartment"
      | "Co-op apartment"
      | null;
    NAME_INCOME_TYPE?:
      | "Working"
      | "Commercial associate"
      | "Pensioner"
      | "State servant"
      | "Unemployed"
      | "Student"
      | "Businessman"
      | "Maternity leave"
      | null;
    NAME_TYPE_SUITE?:
      | "Unaccompanied"
      | "Family"
      | "Spouse, partner"
      | "Children"
      | "Other_B"
      | "Other_A"
      | "Group of people"
      | null;
    /**
     * Home: non-living apartments (average)
     * @min 0
     * @max 1
     */
    NONLIVINGAPARTMENTS_AVG?: number | null;
    /**
     * Home: non-living apartments (median)
     * @min 0
     * @max 1
     */
    NONLIVINGAPARTMENTS_MEDI?: number | null;
    /**
     * Home: non-living apartments (mode)
     * @min 0
     * @max 1
     */
    NONLIVINGAPARTMENTS_MODE?: number | null;
    /**
     * Home: non-living area (average)
     * @min 0
     * @max 1
     */
    NONLIVINGAREA_AVG?: number | null;
    /**
     * Home: non-living area (median)
     * @min 0
     * @max 1
     */
    NONLIVINGAREA_MEDI?: number | null;
    /**
     * Home: non-living area (mode)
     * @min 0
     * @max 1
     */
    NONLIVINGAREA_MODE?: number | null;
    OCCUPATION_TYPE?:
      | "Laborers"
      | "Sales staff"
      | "Core staff"
      | "Managers"
      | "Drivers"
      | "High skill tech staff"
      | "Accountants"
      | "Medicine staff"
      | "Security staff"
      | "Cooking staff"
      | "Cleaning staff"
      | "Private service staff"
      | "Low-skill Laborers"
      | "Waiters/barmen staff"
      | "Secretaries"
      | "Realty agents"
      | "HR staff"
      | "IT staff"
      | null;
    ORGANIZATION_TYPE?:
      | "Business Entity Type 3"
      | "XNA"
      | "Self-employed"
      | "Other"
      | "Medicine"
      | "Business Entity Type 2"
      | "Government"
      | "Trade: type 7"
      | "School"
      | "Kindergarten"
      | "Business Entity Type 1"
      | "Transport: type 4"
      | "Construction"
      | "Trade: type 3"
      | "Military"
      | "Industry: type 3"
      | "Security"
      | "Industry: type 9"
      | "Police"
      | "Transport: type 2"
      | "Housing"
      | "Postal"
      | "Industry: type 11"
      | "Bank"
      | "Security Ministries"
      | "Agriculture"
      | "Services"
      | "Trade: type 2"
      | "Restaurant"
      | "Transport: type 3"
      | "University"
      | "Industry: type 7"
      | "Electricity"
      | "Trade: type 6"
      | "Industry: type 5"
      | "Industry: type 1"
      | "Industry: type 4"
      | "Trade: type 1"
      | "Emergency"
      | "Hotel"
      | "Industry: type 12"
      | "Industry: type 2"
      | "Realtor"
      | "Culture"
      | "Legal Services"
      | "Telecom"
      | "Transport: type 1"
      | "Insurance"
      | "Advertising"
      | "Mobile"
      | "Cleaning"
      | "Industry: type 10"
      | "Industry: type 13"
      | "Industry: type 6"
      | "Religion"
      | "Trade: type 4"
      | "Trade: type 5"
      | "Industry: type 8"
      | null;
    /**
     * Age of own car (years)
     * @min 0
     * @max 100
     */
    OWN_CAR_AGE?: number | null;
    /**
     * Population density of the region
     * @min 0
     * @max 1
     */
    REGION_POPULATION_RELATIVE?: number | null;
    /**
     * Rating of the home region (1 to 3)
     * @min 1
     * @max 3
     */
    REGION_RATING_CLIENT?: number | null;
    /**
     * Rating of the home region and city (1 to 3)
     * @min 1
     * @max 3
     */
    REGION_RATING_CLIENT_W_CITY?: number | null;
    /**
     * Registered city differs from home city
     * @min 0
     * @max 1
     */
    REG_CITY_NOT_LIVE_CITY?: number | null;
    /**
     * Registered city differs from work city
     * @min 0
     * @max 1
     */
    REG_CITY_NOT_WORK_CITY?: number | null;
    /**
     * Registered region differs from home region
     * @min 0
     * @max 1
     */
    REG_REGION_NOT_LIVE_REGION?: number | null;
    /**
     * Registered region differs from work region
     * @min 0
     * @max 1
     */
    REG_REGION_NOT_WORK_REGION?: number | null;
    /**
     * @min 1
     * @max 999999999
     */
    SK_ID_CURR?: number | null;
    /**
     * Home: total building area (mode)
     * @min 0
     * @max 1
     */
    TOTALAREA_MODE?: number | null;
    WALLSMATERIAL_MODE?:
      | "Panel"
      | "Stone, brick"
      | "Block"
      | "Wooden"
      | "Mixed"
      | "Monolithic"
      | "Others"
      | null;
    WEEKDAY_APPR_PROCESS_START?:
      | "MONDAY"
      | "TUESDAY"
      | "WEDNESDAY"
      | "THURSDAY"
      | "FRIDAY"
      | "SATURDAY"
      | "SUNDAY"
      | null;
    /**
     * Home: start of occupation (average)
     * @min 0
     * @max 1
     */
    YEARS_BEGINEXPLUATATION_AVG?: number | null;
    /**
     * Home: start of occupation (median)
     * @min 0
     * @max 1
     */
    YEARS_BEGINEXPLUATATION_MEDI?: number | null;
    /**
     * Home: start of occupation (mode)
     * @min 0
     * @max 1
     */
    YEARS_BEGINEXPLUATATION_MODE?: number | null;
    /**
     * Home: building age (average)
     * @min 0
     * @max 1
     */
    YEARS_BUILD_AVG?: number | null;
    /**
     * Home: building age (median)
     * @min 0
     * @max 1
     */
    YEARS_BUILD_MEDI?: number | null;
    /**
     * Home: building age (mode)
     * @min 0
     * @max 1
     */
    YEARS_BUILD_MODE?: number | null;
  };
  /**
   * 'reasons': the score and the reasons only, without contributions and themes (what a form that re-scores as the person types shows; ≈5× smaller)
   * @default "full"
   */
  detail?: "full" | "reasons";
}

export type AuditListData = AuditPage;

export interface AuditListParams {
  /**
   * e.g. client.view
   * @pattern ^[a-z.]{1,64}$
   */
  action?: string;
  /**
   * SK_ID_CURR
   * @min 0
   * @max 999999999
   */
  client?: number;
  /**
   * inclusive, ISO 8601
   * @format date-time
   */
  from?: string;
  /**
   * @min 1
   * @max 1000000
   * @default 1
   */
  page?: number;
  /**
   * @min 1
   * @max 500
   * @default 50
   */
  pageSize?: number;
  /**
   * exclusive, ISO 8601
   * @format date-time
   */
  to?: string;
  /**
   * user name
   * @minLength 1
   * @maxLength 64
   */
  user?: string;
}

export interface AuditPage {
  page: number;
  pageSize: number;
  records: AuditRecord[];
  /** records passing the filters, over every page */
  total: number;
}

export interface AuditRecord {
  /** e.g. auth.login, client.view, client.score */
  action: string;
  /** @format date-time */
  at: string;
  /** SK_ID_CURR */
  clientId: number | null;
  id: number;
  /** SHA-256 of the canonical JSON inputs */
  inputsFingerprint: string;
  modelVersion: string | null;
  /** JSON summary of the output */
  outputSummary: string;
  requestId: string;
  role: "adviser" | "admin" | "customer" | null;
  /** null before a session exists (a login) */
  userId: number | null;
  /** the user, or the name tried by a failed login */
  username: string | null;
}

export type AuthLoginCreateData = CurrentUser;

export interface AuthLoginCreatePayload {
  /**
   * @minLength 1
   * @maxLength 256
   */
  password: string;
  /**
   * @minLength 1
   * @maxLength 64
   */
  username: string;
}

export type AuthLogoutCreateData = any;

export type AuthMeListData = CurrentUser;

export type AuthSessionListData = Session;

/** plain-language band of points, best first: 'excellent', 'good', 'fair' are granted, 'high' and 'poor' refused (bands never straddle the threshold) */
export type BandName = "excellent" | "good" | "fair" | "high" | "poor";

/** positive class = default; threshold-dependent metrics at `threshold` */
export interface BinaryMetrics {
  beta: number;
  brier: number;
  confusion: {
    falseNegative: number;
    falsePositive: number;
    trueNegative: number;
    truePositive: number;
  };
  cost: number;
  fBeta: number;
  gini: number;
  ks: number;
  logLoss: number;
  normalisedCost: number;
  prAuc: number;
  precision: number;
  recall: number;
  rocAuc: number;
  threshold: number;
}

export interface Categories {
  /** every categorical column of the application, its values most frequent first */
  columns: {
    /** the application column, e.g. NAME_INCOME_TYPE */
    name: string;
    values: CategoryValue[];
  }[];
}

export type CategoriesListData = Categories;

export interface CategoryValue {
  /** in English words */
  en: string;
  /** in French words */
  fr: string;
  /** as stored and as the API takes it */
  value: string;
}

export interface ClientData {
  /** the application as stored (application_train / application_test) */
  application: HeldValue[];
  clientId: number;
  decisions: DecisionRecord[];
  /** @format date-time */
  generatedAt: string;
  /** the aggregates of the credit history (credit bureau, previous applications, instalments, cards), one per feature */
  history: HeldValue[];
  reviews: ReviewRecord[];
  /** the active model's score; null without a model */
  score: {
    band: string;
    /** refuse when the calibrated probability ≥ the threshold */
    decision: Decision;
    modelVersion: string;
    points: number;
    /** probability of default */
    probability: number;
    threshold: number;
  } | null;
}

export interface ClientFile {
  /** SK_ID_CURR */
  id: number;
  sections: FileSection[];
  /** train: outcome known; test: outcome unknown; new: a new application stored by POST /api/applications or `creditlens score --save` (outcome unknown, decision pending until an adviser records it) */
  split: "train" | "test" | "new";
}

export interface ClientList {
  clients: ClientSummary[];
  page: number;
  pageSize: number;
  /** clients passing the filters, over every page */
  total: number;
}

/** the client's view of the reasons (customer view, letter): client-explainable codes only, never a protected attribute, one reason per code (its units summed), each family once, at most four each way, everything else in `others` */
export interface ClientReasonSet {
  adverse: Reason[];
  favourable: Reason[];
  /** what the client reasons leave out, pooled into one line ("Autres éléments du dossier"): the reasons and this line add up to the whole */
  others: OtherElements;
}

export interface ClientSummary {
  /** whole years */
  age: number | null;
  /** AMT_ANNUITY */
  annuity: number | null;
  /** the served model's risk band (see BandName); null without a model */
  band: "excellent" | "good" | "fair" | "high" | "poor" | null;
  /** NAME_CONTRACT_TYPE */
  contractType: string | null;
  /** the credit amount asked for (AMT_CREDIT) */
  credit: number | null;
  /** the model's decision (see Decision); null without a model */
  decision: "grant" | "refuse" | null;
  /** the adviser's latest final decision on the client, beside the model's; null when none is recorded */
  finalDecision: {
    /** @format date-time */
    at: string;
    decision: "grant" | "refuse";
    /** false when the adviser decided against the model's opinion */
    followsModel: boolean;
  } | null;
  /** CODE_GENDER */
  gender: string | null;
  /** SK_ID_CURR */
  id: number;
  /** AMT_INCOME_TOTAL */
  income: number | null;
  /** NAME_INCOME_TYPE */
  incomeType: string | null;
  /** points on the run scale; null without a model */
  points: number | null;
  /** calibrated PD; null without a model */
  probability: number | null;
  /** train: outcome known; test: outcome unknown; new: a new application stored by POST /api/applications or `creditlens score --save` (outcome unknown, decision pending until an adviser records it) */
  split: "train" | "test" | "new";
}

export type ClientsDataListData = ClientData;

export interface ClientsDataListParams {
  /**
   * 'json' (ClientData) or 'csv' (one file of section,field,label_fr,label_en,value rows)
   * @default "json"
   */
  format?: "json" | "csv";
  /**
   * SK_ID_CURR
   * @pattern ^[0-9]{1,9}$
   */
  id: string;
}

export type ClientsDecisionsCreateData = DecisionRecord;

export interface ClientsDecisionsCreateParams {
  /**
   * SK_ID_CURR
   * @pattern ^[0-9]{1,9}$
   */
  id: string;
}

export interface ClientsDecisionsCreatePayload {
  decision: "grant" | "refuse";
  /** true when the decision is the model's; must agree with the model's decision */
  followsModel: boolean;
  /**
   * why the adviser decides so, at least 20 characters once trimmed
   * @maxLength 2000
   */
  justification: string;
  /** why the adviser decided so: 'additional-income' (justified additional income), 'guarantee', 'data-error' (the file held wrong data), 'review-request' (the client's review request), 'other' */
  reasonCategory:
    | "additional-income"
    | "guarantee"
    | "data-error"
    | "review-request"
    | "other";
  /**
   * the client's open review request this decision answers: it is closed with this decision as its outcome
   * @min 1
   */
  reviewId?: number;
}

export type ClientsDecisionsListData = DecisionHistory;

export interface ClientsDecisionsListParams {
  /**
   * SK_ID_CURR
   * @pattern ^[0-9]{1,9}$
   */
  id: string;
}

export type ClientsDetailData = ClientFile;

export interface ClientsDetailParams {
  /**
   * SK_ID_CURR
   * @pattern ^[0-9]{1,9}$
   */
  id: string;
}

export type ClientsExplanationListData = Explanation;

export interface ClientsExplanationListParams {
  /**
   * also list every unit (contributions.all); large
   * @default false
   */
  all?: boolean;
  /**
   * SK_ID_CURR
   * @pattern ^[0-9]{1,9}$
   */
  id: string;
  /**
   * contributions listed one by one; the others are summed as "the rest"
   * @min 1
   * @max 50
   * @default 10
   */
  top?: number;
}

export type ClientsLetterListData = string;

export interface ClientsLetterListParams {
  /**
   * 'html': a page with a print stylesheet; 'pdf': application/pdf (A4)
   * @default "html"
   */
  format?: "html" | "pdf";
  /**
   * SK_ID_CURR
   * @pattern ^[0-9]{1,9}$
   */
  id: string;
  /**
   * the letter's language
   * @default "fr"
   */
  lang?: "fr" | "en";
}

export type ClientsListData = ClientList;

export interface ClientsListParams {
  /**
   * years, inclusive
   * @min 0
   * @max 120
   */
  ageMax?: number;
  /**
   * years, inclusive
   * @min 0
   * @max 120
   */
  ageMin?: number;
  contractType?: "Cash loans" | "Revolving loans";
  /** the model's decision */
  decision?: "grant" | "refuse";
  gender?: "F" | "M" | "XNA";
  incomeType?:
    | "Working"
    | "Commercial associate"
    | "Pensioner"
    | "State servant"
    | "Unemployed"
    | "Student"
    | "Businessman"
    | "Maternity leave";
  /**
   * @min 1
   * @max 1000000
   * @default 1
   */
  page?: number;
  /**
   * @min 1
   * @max 100
   * @default 20
   */
  pageSize?: number;
  /**
   * points, inclusive
   * @min -10000
   * @max 10000
   */
  pointsMax?: number;
  /**
   * points, inclusive
   * @min -10000
   * @max 10000
   */
  pointsMin?: number;
  /**
   * SK_ID_CURR, exact or a prefix (digits)
   * @pattern ^[0-9]{0,9}$
   */
  search?: string;
  /**
   * a column key; a leading "-" sorts descending
   * @default "id"
   */
  sort?:
    | "id"
    | "-id"
    | "age"
    | "-age"
    | "income"
    | "-income"
    | "credit"
    | "-credit"
    | "annuity"
    | "-annuity"
    | "contractType"
    | "-contractType"
    | "incomeType"
    | "-incomeType"
    | "points"
    | "-points"
    | "probability"
    | "-probability";
}

export type ClientsRecourseListData = Recourse;

export interface ClientsRecourseListParams {
  /**
   * SK_ID_CURR
   * @pattern ^[0-9]{1,9}$
   */
  id: string;
}

export type ClientsReviewsCreateData = ReviewRecord;

export interface ClientsReviewsCreateParams {
  /**
   * SK_ID_CURR
   * @pattern ^[0-9]{1,9}$
   */
  id: string;
}

export interface ClientsReviewsCreatePayload {
  /** application fields the client says are wrong and the right values, each within its range or values (docs/application-fields.md), never null; the identifier cannot change */
  corrections?: {
    /**
     * Acquaintances in default (30 days)
     * @min 0
     * @max 1000
     */
    DEF_30_CNT_SOCIAL_CIRCLE?: number | null;
    /**
     * Acquaintances in default (60 days)
     * @min 0
     * @max 1000
     */
    DEF_60_CNT_SOCIAL_CIRCLE?: number | null;
    /**
     * External score no. 1
     * @min 0
     * @max 1
     */
    EXT_SOURCE_1?: number | null;
    /**
     * External score no. 2
     * @min 0
     * @max 1
     */
    EXT_SOURCE_2?: number | null;
    /**
     * External score no. 3
     * @min 0
     * @max 1
     */
    EXT_SOURCE_3?: number | null;
    /**
     * Provided document no. 10
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_10?: number | null;
    /**
     * Provided document no. 11
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_11?: number | null;
    /**
     * Provided document no. 12
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_12?: number | null;
    /**
     * Provided document no. 13
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_13?: number | null;
    /**
     * Provided document no. 14
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_14?: number | null;
    /**
     * Provided document no. 15
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_15?: number | null;
    /**
     * Provided document no. 16
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_16?: number | null;
    /**
     * Provided document no. 17
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_17?: number | null;
    /**
     * Provided document no. 18
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_18?: number | null;
    /**
     * Provided document no. 19
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_19?: number | null;
    /**
     * Provided document no. 2
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_2?: number | null;
    /**
     * Provided document no. 20
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_20?: number | null;
    /**
     * Provided document no. 21
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_21?: number | null;
    /**
     * Provided document no. 3
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_3?: number | null;
    /**
     * Provided document no. 4
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_4?: number | null;
    /**
     * Provided document no. 5
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_5?: number | null;
    /**
     * Provided document no. 6
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_6?: number | null;
    /**
     * Provided document no. 7
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_7?: number | null;
    /**
     * Provided document no. 8
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_8?: number | null;
    /**
     * Provided document no. 9
     * @min 0
     * @max 1
     */
    FLAG_DOCUMENT_9?: number | null;
    /**
     * Acquaintances observed (30 days past due)
     * @min 0
     * @max 1000
     */
    OBS_30_CNT_SOCIAL_CIRCLE?: number | null;
    /**
     * Acquaintances observed (60 days past due)
     * @min 0
     * @max 1000
     */
    OBS_60_CNT_SOCIAL_CIRCLE?: number | null;
    /**
     * Loan instalment (annuity)
     * @min 0
     * @max 10000000
     */
    AMT_ANNUITY?: number | null;
    /**
     * Requested credit amount
     * @min 0
     * @max 100000000
     */
    AMT_CREDIT?: number | null;
    /**
     * Price of the goods financed
     * @min 0
     * @max 100000000
     */
    AMT_GOODS_PRICE?: number | null;
    /**
     * Annual income
     * @min 0
     * @max 1000000000
     */
    AMT_INCOME_TOTAL?: number | null;
    /**
     * Credit bureau enquiries in the last day before the application
     * @min 0
     * @max 1000
     */
    AMT_REQ_CREDIT_BUREAU_DAY?: number | null;
    /**
     * Credit bureau enquiries in the last hour before the application
     * @min 0
     * @max 1000
     */
    AMT_REQ_CREDIT_BUREAU_HOUR?: number | null;
    /**
     * Credit bureau enquiries in the last month before the application
     * @min 0
     * @max 1000
     */
    AMT_REQ_CREDIT_BUREAU_MON?: number | null;
    /**
     * Credit bureau enquiries in the last quarter before the application
     * @min 0
     * @max 1000
     */
    AMT_REQ_CREDIT_BUREAU_QRT?: number | null;
    /**
     * Credit bureau enquiries in the last week before the application
     * @min 0
     * @max 1000
     */
    AMT_REQ_CREDIT_BUREAU_WEEK?: number | null;
    /**
     * Credit bureau enquiries in the last year before the application
     * @min 0
     * @max 1000
     */
    AMT_REQ_CREDIT_BUREAU_YEAR?: number | null;
    /**
     * Home: apartment size (average)
     * @min 0
     * @max 1
     */
    APARTMENTS_AVG?: number | null;
    /**
     * Home: apartment size (median)
     * @min 0
     * @max 1
     */
    APARTMENTS_MEDI?: number | null;
    /**
     * Home: apartment size (mode)
     * @min 0
     * @max 1
     */
    APARTMENTS_MODE?: number | null;
    /**
     * Home: basement area (average)
     * @min 0
     * @max 1
     */
    BASEMENTAREA_AVG?: number | null;
    /**
     * Home: basement area (median)
     * @min 0
     * @max 1
     */
    BASEMENTAREA_MEDI?: number | null;
    /**
     * Home: basement area (mode)
     * @min 0
     * @max 1
     */
    BASEMENTAREA_MODE?: number | null;
    /**
     * Number of children
     * @min 0
     * @max 20
     */
    CNT_CHILDREN?: number | null;
    /**
     * Number of family members
     * @min 1
     * @max 25
     */
    CNT_FAM_MEMBERS?: number | null;
    CODE_GENDER?: "F" | "M" | "XNA" | null;
    /**
     * Home: common area (average)
     * @min 0
     * @max 1
     */
    COMMONAREA_AVG?: number | null;
    /**
     * Home: common area (median)
     * @min 0
     * @max 1
     */
    COMMONAREA_MEDI?: number | null;
    /**
     * Home: common area (mode)
     * @min 0
     * @max 1
     */
    COMMONAREA_MODE?: number | null;
    /**
     * Age (days before the application)
     * @min -36525
     * @max -6575
     */
    DAYS_BIRTH?: number | null;
    /** Time in current job (days before the application); 365243: no employment */
    DAYS_EMPLOYED?: number | null | 365243;
    /**
     * Time since the identity document was issued (days)
     * @min -36525
     * @max 0
     */
    DAYS_ID_PUBLISH?: number | null;
    /**
     * Last phone change (days)
     * @min -36525
     * @max 0
     */
    DAYS_LAST_PHONE_CHANGE?: number | null;
    /**
     * Time since the registration was changed (days)
     * @min -36525
     * @max 0
     */
    DAYS_REGISTRATION?: number | null;
    /**
     * Home: elevators (average)
     * @min 0
     * @max 1
     */
    ELEVATORS_AVG?: number | null;
    /**
     * Home: elevators (median)
     * @min 0
     * @max 1
     */
    ELEVATORS_MEDI?: number | null;
    /**
     * Home: elevators (mode)
     * @min 0
     * @max 1
     */
    ELEVATORS_MODE?: number | null;
    EMERGENCYSTATE_MODE?: "No" | "Yes" | null;
    /**
     * Home: entrances (average)
     * @min 0
     * @max 1
     */
    ENTRANCES_AVG?: number | null;
    /**
     * Home: entrances (median)
     * @min 0
     * @max 1
     */
    ENTRANCES_MEDI?: number | null;
    /**
     * Home: entrances (mode)
     * @min 0
     * @max 1
     */
    ENTRANCES_MODE?: number | null;
    /**
     * Mobile phone reachable
     * @min 0
     * @max 1
     */
    FLAG_CONT_MOBILE?: number | null;
    /**
     * Gave an e-mail address
     * @min 0
     * @max 1
     */
    FLAG_EMAIL?: number | null;
    /**
     * Gave the employer's phone
     * @min 0
     * @max 1
     */
    FLAG_EMP_PHONE?: number | null;
    /**
     * Gave a mobile phone
     * @min 0
     * @max 1
     */
    FLAG_MOBIL?: number | null;
    FLAG_OWN_CAR?: "N" | "Y" | null;
    FLAG_OWN_REALTY?: "Y" | "N" | null;
    /**
     * Gave a home phone
     * @min 0
     * @max 1
     */
    FLAG_PHONE?: number | null;
    /**
     * Gave a work phone
     * @min 0
     * @max 1
     */
    FLAG_WORK_PHONE?: number | null;
    /**
     * Home: number of floors (max) (average)
     * @min 0
     * @max 1
     */
    FLOORSMAX_AVG?: number | null;
    /**
     * Home: number of floors (max) (median)
     * @min 0
     * @max 1
     */
    FLOORSMAX_MEDI?: number | null;
    /**
     * Home: number of floors (max) (mode)
     * @min 0
     * @max 1
     */
    FLOORSMAX_MODE?: number | null;
    /**
     * Home: number of floors (min) (average)
     * @min 0
     * @max 1
     */
    FLOORSMIN_AVG?: number | null;
    /**
     * Home: number of floors (min) (median)
     * @min 0
     * @max 1
     */
    FLOORSMIN_MEDI?: number | null;
    /**
     * Home: number of floors (min) (mode)
     * @min 0
     * @max 1
     */
    FLOORSMIN_MODE?: number | null;
    FONDKAPREMONT_MODE?:
      | "reg oper account"
      | "reg oper spec account"
      | "org spec account"
      | "not specified"
      | null;
    /**
     * Hour the application was started
     * @min 0
     * @max 23
     */
    HOUR_APPR_PROCESS_START?: number | null;
    HOUSETYPE_MODE?:
      | "block of flats"
      | "specific housing"
      | "terraced house"
      | null;
    /**
     * Home: land area (average)
     * @min 0
     * @max 1
     */
    LANDAREA_AVG?: number | null;
    /**
     * Home: land area (median)
     * @min 0
     * @max 1
     */
    LANDAREA_MEDI?: number | null;
    /**
     * Home: land area (mode)
     * @min 0
     * @max 1
     */
    LANDAREA_MODE?: number | null;
    /**
     * Home city differs from work city
     * @min 0
     * @max 1
     */
    LIVE_CITY_NOT_WORK_CITY?: number | null;
    /**
     * Home region differs from work region
     * @min 0
     * @max 1
     */
    LIVE_REGION_NOT_WORK_REGION?: number | null;
    /**
     * Home: living apartments (average)
     * @min 0
     * @max 1
     */
    LIVINGAPARTMENTS_AVG?: number | null;
    /**
     * Home: living apartments (median)
     * @min 0
     * @max 1
     */
    LIVINGAPARTMENTS_MEDI?: number | null;
    /**
     * Home: living apartments (mode)
     * @min 0
     * @max 1
     */
    LIVINGAPARTMENTS_MODE?: number | null;
    /**
     * Home: living area (average)
     * @min 0
     * @max 1
     */
    LIVINGAREA_AVG?: number | null;
    /**
     * Home: living area (median)
     * @min 0
     * @max 1
     */
    LIVINGAREA_MEDI?: number | null;
    /**
     * Home: living area (mode)
     * @min 0
     * @max 1
     */
    LIVINGAREA_MODE?: number | null;
    NAME_CONTRACT_TYPE?: "Cash loans" | "Revolving loans" | null;
    NAME_EDUCATION_TYPE?:
      | "Secondary / secondary special"
      | "Higher education"
      | "Incomplete higher"
      | "Lower secondary"
      | "Academic degree"
      | null;
    NAME_FAMILY_STATUS?:
      | "Married"
      | "Single / not married"
      | "Civil marriage"
      | "Separated"
      | "Widow"
      | "Unknown"
      | null;
    NAME_HOUSING_TYPE?:
      | "House / apartment"
      | "With parents"
      | "Municipal apartment"
      | "Rented apartment"
      | "Office apartment"
      | "Co-op apartment"
      | null;
    NAME_INCOME_TYPE?:
      | "Working"
      | "Commercial associate"
      | "Pensioner"
      | "State servant"
      | "Unemployed"
      | "Student"
      | "Businessman"
      | "Maternity leave"
      | null;
    NAME_TYPE_SUITE?:
      | "Unaccompanied"
      | "Family"
      | "Spouse, partner"
      | "Children"
      | "Other_B"
      | "Other_A"
      | "Group of people"
      | null;
    /**
     * Home: non-living apartments (average)
     * @min 0
     * @max 1
     */
    NONLIVINGAPARTMENTS_AVG?: number | null;
    /**
     * Home: non-living apartments (median)
     * @min 0
     * @max 1
     */
    NONLIVINGAPARTMENTS_MEDI?: number | null;
    /**
     * Home: non-living apartments (mode)
     * @min 0
     * @max 1
     */
    NONLIVINGAPARTMENTS_MODE?: number | null;
    /**
     * Home: non-living area (average)
     * @min 0
     * @max 1
     */
    NONLIVINGAREA_AVG?: number | null;
    /**
     * Home: non-living area (median)
     * @min 0
     * @max 1
     */
    NONLIVINGAREA_MEDI?: number | null;
    /**
     * Home: non-living area (mode)
     * @min 0
     * @max 1
     */
    NONLIVINGAREA_MODE?: number | null;
    OCCUPATION_TYPE?:
      | "Laborers"
      | "Sales staff"
      | "Core staff"
      | "Managers"
      | "Drivers"
      | "High skill tech staff"
      | "Accountants"
      | "Medicine staff"
      | "Security staff"
      | "Cooking staff"
      | "Cleaning staff"
      | "Private service staff"
      | "Low-skill Laborers"
      | "Waiters/barmen staff"
      | "Secretaries"
      | "Realty agents"
      | "HR staff"
      | "IT staff"
      | null;
    ORGANIZATION_TYPE?:
      | "Business Entity Type 3"
      | "XNA"
      | "Self-employed"
      | "Other"
      | "Medicine"
      | "Business Entity Type 2"
      | "Government"
      | "Trade: type 7"
      | "School"
      | "Kindergarten"
      | "Business Entity Type 1"
      | "Transport: type 4"
      | "Construction"
      | "Trade: type 3"
      | "Military"
      | "Industry: type 3"
      | "Security"
      | "Industry: type 9"
      | "Police"
      | "Transport: type 2"
      | "Housing"
      | "Postal"
      | "Industry: type 11"
      | "Bank"
      | "Security Ministries"
      | "Agriculture"
      | "Services"
      | "Trade: type 2"
      | "Restaurant"
      | "Transport: type 3"
      | "University"
      | "Industry: type 7"
      | "Electricity"
      | "Trade: type 6"
      | "Industry: type 5"
      | "Industry: type 1"
      | "Industry: type 4"
      | "Trade: type 1"
      | "Emergency"
      | "Hotel"
      | "Industry: type 12"
      | "Industry: type 2"
      | "Realtor"
      | "Culture"
      | "Legal Services"
      | "Telecom"
      | "Transport: type 1"
      | "Insurance"
      | "Advertising"
      | "Mobile"
      | "Cleaning"
      | "Industry: type 10"
      | "Industry: type 13"
      | "Industry: type 6"
      | "Religion"
      | "Trade: type 4"
      | "Trade: type 5"
      | "Industry: type 8"
      | null;
    /**
     * Age of own car (years)
     * @min 0
     * @max 100
     */
    OWN_CAR_AGE?: number | null;
    /**
     * Population density of the region
     * @min 0
     * @max 1
     */
    REGION_POPULATION_RELATIVE?: number | null;
    /**
     * Rating of the home region (1 to 3)
     * @min 1
     * @max 3
     */
    REGION_RATING_CLIENT?: number | null;
    /**
     * Rating of the home region and city (1 to 3)
     * @min 1
     * @max 3
     */
    REGION_RATING_CLIENT_W_CITY?: number | null;
    /**
     * Registered city differs from home city
     * @min 0
     * @max 1
     */
    REG_CITY_NOT_LIVE_CITY?: number | null;
    /**
     * Registered city differs from work city
     * @min 0
     * @max 1
     */
    REG_CITY_NOT_WORK_CITY?: number | null;
    /**
     * Registered region differs from home region
     * @min 0
     * @max 1
     */
    REG_REGION_NOT_LIVE_REGION?: number | null;
    /**
     * Registered region differs from work region
     * @min 0
     * @max 1
     */
    REG_REGION_NOT_WORK_REGION?: number | null;
    /**
     * Home: total building area (mode)
     * @min 0
     * @max 1
     */
    TOTALAREA_MODE?: number | null;
    WALLSMATERIAL_MODE?:
      | "Panel"
      | "Stone, brick"
      | "Block"
      | "Wooden"
      | "Mixed"
      | "Monolithic"
      | "Others"
      | null;
    WEEKDAY_APPR_PROCESS_START?:
      | "MONDAY"
      | "TUESDAY"
      | "WEDNESDAY"
      | "THURSDAY"
      | "FRIDAY"
      | "SATURDAY"
      | "SUNDAY"
      | null;
    /**
     * Home: start of occupation (average)
     * @min 0
     * @max 1
     */
    YEARS_BEGINEXPLUATATION_AVG?: number | null;
    /**
     * Home: start of occupation (median)
     * @min 0
     * @max 1
     */
    YEARS_BEGINEXPLUATATION_MEDI?: number | null;
    /**
     * Home: start of occupation (mode)
     * @min 0
     * @max 1
     */
    YEARS_BEGINEXPLUATATION_MODE?: number | null;
    /**
     * Home: building age (average)
     * @min 0
     * @max 1
     */
    YEARS_BUILD_AVG?: number | null;
    /**
     * Home: building age (median)
     * @min 0
     * @max 1
     */
    YEARS_BUILD_MEDI?: number | null;
    /**
     * Home: building age (mode)
     * @min 0
     * @max 1
     */
    YEARS_BUILD_MODE?: number | null;
  };
  /**
   * the client's point of view, 20–2000 characters once trimmed
   * @minLength 20
   * @maxLength 2200
   */
  pointOfView: string;
}

export type ClientsReviewsListData = ReviewList;

export interface ClientsReviewsListParams {
  /**
   * SK_ID_CURR
   * @pattern ^[0-9]{1,9}$
   */
  id: string;
}

export type ClientsScoreListData = Score;

export interface ClientsScoreListParams {
  /**
   * SK_ID_CURR
   * @pattern ^[0-9]{1,9}$
   */
  id: string;
}

export type ClientsSimilarListData = SimilarClients;

export interface ClientsSimilarListParams {
  /**
   * SK_ID_CURR
   * @pattern ^[0-9]{1,9}$
   */
  id: string;
  /**
   * neighbours listed: staff only (default 10); a customer gets the figures of their fixed similar group and no list
   * @min 1
   * @max 50
   */
  k?: number;
}

/** one explanation unit: a feature, or a categorical's one-hot columns together */
export interface Contribution {
  /** the applicant can change it for this application (amount, term, goods price) */
  actionable: boolean;
  /** for a categorical: the client's category, null when missing or unknown */
  category: string | null;
  /**
   * the reason code (docs/reason-codes.md), e.g. "R-AFFORD-ANNUITY"; "R-OTHER" for a feature outside the dictionary
   * @pattern ^R-[A-Z0-9-]+$
   */
  code: string;
  /** the model features summed into this unit */
  features: string[];
  /** cannot change (age, gender, past history): never proposed as recourse */
  immutable: boolean;
  /** the feature name, or the raw categorical column for a one-hot group */
  key: string;
  labelEn: string;
  labelFr: string;
  /** SHAP value in log-odds of default: > 0 raises the risk */
  logOdds: number;
  /** the same on the score scale: > 0 raises the score (lowers the risk) */
  points: number;
  /** share of the probability's change from the expected one, in percentage points: > 0 raises the probability of default */
  probabilityPoints: number;
  /** a protected attribute or derived from one (present only when the model has it) */
  sensitive: boolean;
  /** the feature dictionary's theme of a unit (explanations are told by theme); 'other' for a feature outside the dictionary */
  theme: FeatureTheme;
  /** how a unit's value reads (the dictionary's unit); 'category' for a categorical (its value is in `category`) */
  unit: ContributionUnit;
  /** the client's value; null when missing, and for a categorical (see `category`) */
  value: number | null;
}

/** expectedLogOdds + Σ logOdds of every unit = logOdds, exactly */
export interface ContributionSet {
  /** every unit, largest |logOdds| first; only with ?all=true (≈150 KB); in the client view, the client-explainable units only */
  all?: Contribution[];
  /** the model's mean margin (log-odds) over its training data */
  expectedLogOdds: number;
  /** the calibrated probability at the expected margin: the "average client" */
  expectedProbability: number;
  /** the client's margin */
  logOdds: number;
  /** the client's calibrated probability of default, as the score route gives it */
  probability: number;
  /** what the top units leave out, summed */
  rest: RestOfContributions;
  /** the largest units (|logOdds|), one by one */
  top: Contribution[];
}

/** how a unit's value reads (the dictionary's unit); 'category' for a categorical (its value is in `category`) */
export type ContributionUnit =
  | "days"
  | "date"
  | "elapsed"
  | "years"
  | "months"
  | "hours"
  | "currency"
  | "ratio"
  | "count"
  | "flag"
  | "score"
  | "level"
  | "rank"
  | "category";

export interface CurrentUser {
  user: User;
}

/** refuse when the calibrated probability ≥ the threshold */
export type Decision = "grant" | "refuse";

export interface DecisionHistory {
  decisions: DecisionRecord[];
}

export interface DecisionPage {
  decisions: DecisionRecord[];
  page: number;
  pageSize: number;
  /** decisions passing the filters, over every page */
  total: number;
}

export interface DecisionRecord {
  /**
   * ISO 8601 time
   * @format date-time
   */
  at: string;
  clientId: number;
  /** the adviser's final decision (grant or refuse, as a Decision) */
  decision: "grant" | "refuse";
  followsModel: boolean;
  /** audit record id */
  id: number;
  /** why the adviser decided so (trimmed); null when none was given */
  justification: string | null;
  /** refuse when the calibrated probability ≥ the threshold */
  modelDecision: Decision;
  modelVersion: string | null;
  /** the reason category (ReasonCategory); null for decisions recorded before categories */
  reasonCategory:
    | "additional-income"
    | "guarantee"
    | "data-error"
    | "review-request"
    | "other"
    | null;
  /** the review request this decision answered and closed; else null */
  reviewId: number | null;
  username: string | null;
}

export type DecisionsListData = DecisionPage;

export interface DecisionsListParams {
  /**
   * the user name of who decided
   * @minLength 1
   * @maxLength 64
   */
  adviser?: string;
  /**
   * inclusive, ISO 8601
   * @format date-time
   */
  from?: string;
  /**
   * true: only the decisions against the model's opinion
   * @default false
   */
  overridesOnly?: boolean;
  /**
   * @min 1
   * @max 1000000
   * @default 1
   */
  page?: number;
  /**
   * @min 1
   * @max 100
   * @default 20
   */
  pageSize?: number;
  /** why the adviser decided so: 'additional-income' (justified additional income), 'guarantee', 'data-error' (the file held wrong data), 'review-request' (the client's review request), 'other' */
  reasonCategory?:
    | "additional-income"
    | "guarantee"
    | "data-error"
    | "review-request"
    | "other";
  /**
   * exclusive, ISO 8601
   * @format date-time
   */
  to?: string;
}

export interface ErrorBody {
  error: {
    code:
      | "BAD_REQUEST"
      | "BAD_JSON"
      | "UNSUPPORTED_MEDIA_TYPE"
      | "PAYLOAD_TOO_LARGE"
      | "NOT_LOGGED_IN"
      | "BAD_CREDENTIALS"
      | "WEAK_PASSWORD"
      | "FORBIDDEN_ROLE"
      | "FORBIDDEN_CLIENT"
      | "NOT_FOUND"
      | "CLIENT_NOT_FOUND"
      | "FEATURE_NOT_FOUND"
      | "USER_NOT_FOUND"
      | "MODEL_NOT_FOUND"
      | "REPORT_NOT_FOUND"
      | "NO_APPLICATIONS_IN_WINDOW"
      | "OUTCOME_UNKNOWN_CLIENT"
      | "OUTCOME_LOAN_REFUSED"
      | "OUTCOME_BEFORE_APPLICATION"
      | "OUTCOME_CONFLICT"
      | "USERNAME_TAKEN"
      | "IDEMPOTENCY_KEY_REUSED"
      | "REVIEW_NOT_FOUND"
      | "REVIEW_DECIDED"
      | "MODEL_UNUSABLE"
      | "GROUP_TOO_SMALL"
      | "FIXED_GROUPS_ONLY"
      | "TOO_MANY_REQUESTS"
      | "CROSS_ORIGIN"
      | "BAD_URL"
      | "MALFORMED_REQUEST"
      | "HEADERS_TOO_LARGE"
      | "REQUEST_TIMEOUT"
      | "METHOD_NOT_ALLOWED"
      | "RATE_LIMITED"
      | "TOO_MANY_AT_ONCE"
      | "NOT_READY"
      | "INTERNAL";
    field?: string;
    message: string;
    requestId: string;
  };
}

/** why the model scored the client so: exact contributions in log-odds (TreeSHAP for trees, coefficient × centred value for logistic regression; each labelled by its reason code), the same by theme, the adviser's reasons and the client's; a customer gets the client view (`view: 'client'`) */
export interface Explanation {
  clientId: number;
  /** the client's view of the reasons (customer view, letter): client-explainable codes only, never a protected attribute, one reason per code (its units summed), each family once, at most four each way, everything else in `others` */
  clientReasons: ClientReasonSet;
  /** expectedLogOdds + Σ logOdds of every unit = logOdds, exactly */
  contributions: ContributionSet;
  modelVersion: string;
  /** the adviser's reasons: at most four each way, largest first, at most two per theme (in a client-view answer, the client's reasons) */
  reasons: ReasonSet;
  /** themes by decreasing |logOdds| */
  themes: ThemeContribution[];
  /** 'adviser' (advisers, admins): every unit listed, the adviser's reasons; 'client' (customers): only client-explainable units listed (sums still cover every unit) and `reasons` is the client view (the same as `clientReasons`) */
  view: "adviser" | "client";
}

export interface FeatureComparison {
  /** the client's value; null when missing */
  client: number | null;
  feature: string;
  /** members with a value; null for a customer (see docs/api.md, "Privacy") */
  groupCount: number | null;
  /** over the members with a value; null when none has one (for a customer: fewer than 10) */
  groupMean: number | null;
  /** null when none has a value (for a customer: fewer than 10 on either side) */
  groupMedian: number | null;
  /** the dictionary's unit of the values ("currency", "date", "elapsed", …, docs/features.md); null outside the dictionary */
  unit:
    | "days"
    | "date"
    | "elapsed"
    | "years"
    | "months"
    | "hours"
    | "currency"
    | "ratio"
    | "count"
    | "flag"
    | "score"
    | "level"
    | "rank"
    | null;
}

export interface FeatureDistribution {
  /** the client's value and place; null without a client or a value */
  client: {
    /** 0–100 within the group (a whole number for a customer); null when the group is empty */
    percentile: number | null;
    value: number;
  } | null;
  /** clients per bin, by outcome */
  counts: {
    /** null: withheld from a customer, fewer than 10 clients of this outcome */
    defaulted: number[] | null;
    /** null: withheld from a customer, fewer than 10 clients of this outcome */
    repaid: number[] | null;
    /** clients without a known outcome (test split) */
    unknown: number[] | null;
  };
  /** how the answer was coarsened for a customer: every count shown is 0 or at least minCell, adjacent bins merged to get there; outcomes with 1 to minCell − 1 clients (with a value, or without one) suppressed. Null for staff: their answer is exact */
  disclosure: {
    /** whether adjacent bins were merged (edges are then a subset of the shared ones) */
    merged: boolean;
    /** the fewest clients a figure shown rests on (10) */
    minCell: number;
    /** the outcomes whose counts and quantiles are withheld (null) */
    suppressed: ("repaid" | "defaulted" | "unknown")[];
  } | null;
  /** bins + 1 edges shared by every group; values beyond the ends count in the end bins. For a customer, merged bins drop inner edges (a subset of the shared ones) */
  edges: number[];
  feature: string;
  /** every client, the client's k similar clients, or the clients passing the filters */
  group: GroupName;
  /** clients of the group without a value; null when withheld from a customer (an outcome suppressed) */
  missing: number | null;
  /** over the group's values, and its repaid and defaulted clients (null if none) */
  quantiles: {
    all: {
      /** null when withheld from a customer: fewer than 10 values on either side */
      p25: number | null;
      /** null when withheld from a customer: fewer than 10 values on either side */
      p5: number | null;
      /** the median; null when withheld from a customer */
      p50: number | null;
      /** null when withheld from a customer: fewer than 10 values on either side */
      p75: number | null;
      /** null when withheld from a customer: fewer than 10 values on either side */
      p95: number | null;
    } | null;
    defaulted: {
      /** null when withheld from a customer: fewer than 10 values on either side */
      p25: number | null;
      /** null when withheld from a customer: fewer than 10 values on either side */
      p5: number | null;
      /** the median; null when withheld from a customer */
      p50: number | null;
      /** null when withheld from a customer: fewer than 10 values on either side */
      p75: number | null;
      /** null when withheld from a customer: fewer than 10 values on either side */
      p95: number | null;
    } | null;
    repaid: {
      /** null when withheld from a customer: fewer than 10 values on either side */
      p25: number | null;
      /** null when withheld from a customer: fewer than 10 values on either side */
      p5: number | null;
      /** the median; null when withheld from a customer */
      p50: number | null;
      /** null when withheld from a customer: fewer than 10 values on either side */
      p75: number | null;
      /** null when withheld from a customer: fewer than 10 values on either side */
      p95: number | null;
    } | null;
  };
  /** clients in the group */
  size: number;
  /** the dictionary's unit of the values ("currency", "date", "elapsed", …, docs/features.md); null outside the dictionary */
  unit:
    | "days"
    | "date"
    | "elapsed"
    | "years"
    | "months"
    | "hours"
    | "currency"
    | "ratio"
    | "count"
    | "flag"
    | "score"
    | "level"
    | "rank"
    | null;
}

/** the feature dictionary's theme of a unit (explanations are told by theme); 'other' for a feature outside the dictionary */
export type FeatureTheme =
  | "external scores"
  | "repayment history"
  | "credit bureau"
  | "previous applications"
  | "income and charges"
  | "requested loan"
  | "profile"
  | "employment"
  | "housing"
  | "documents and contact"
  | "region"
  | "other";

/** an application field that differs from the stored application, with both values: given by the caller, or derived by the loan rule (src/explain/loan-terms.ts) */
export interface FieldChange {
  after: number | string | null;
  before: number | string | null;
  /** null: given by the caller; 'same-term': the instalment recomputed for a new amount over the same term (A′ = A · C′ / C); 'new-term': the instalment for a new term (A′ = C′ / n′); 'follows-amount': a goods loan's price following the amount at the stored ratio (G′ = G · C′ / C) */
  derived: "same-term" | "new-term" | "follows-amount" | null;
  /** as in application_train.csv */
  field: string;
}

export interface FileSection {
  /** profile, employmentIncome, requestedLoan, housing, creditBureau, … */
  key: string;
  label_en: string;
  label_fr: string;
  values: FileValue[];
}

export interface FileValue {
  /** the raw category (null when missing); absent for numbers */
  category?: string | null;
  /** the category in English words; absent for numbers */
  category_en?: string | null;
  /** the category in French words; absent for numbers */
  category_fr?: string | null;
  label_en: string;
  label_fr: string;
  /** feature or application column name */
  name: string;
  /** unit from the feature dictionary ("currency", "date", …); null for a categorical */
  unit:
    | "days"
    | "date"
    | "elapsed"
    | "years"
    | "months"
    | "hours"
    | "currency"
    | "ratio"
    | "count"
    | "flag"
    | "score"
    | "level"
    | "rank"
    | null;
  /** numeric value; null when missing or categorical */
  value: number | null;
}

/** every client, the client's k similar clients, or the clients passing the filters */
export type GroupName = "all" | "similar" | "filtered";

export type HealthzListData = Liveness;

/** one value held: a number or a category (the other null; both null when missing) */
export interface HeldValue {
  /** a categorical value, as stored */
  category: string | null;
  /** the column, as in the Home Credit files */
  field: string;
  label_en: string;
  label_fr: string;
  /** a numeric value */
  value: number | null;
}

export interface Liveness {
  status: "ok";
}

export interface ModelCard {
  calibration: {
    brierAfter: number;
    brierBefore: number;
    /** cross-validated Brier score of each method tried, by method name */
    cvBrier: Record<string, number>;
    method: "identity" | "platt" | "isotonic";
    reliabilityAfter: {
      count: number[];
      /** default rate per bin */
      observed: number[];
      /** mean PD per bin */
      predicted: number[];
    };
    reliabilityBefore: {
      count: number[];
      /** default rate per bin */
      observed: number[];
      /** mean PD per bin */
      predicted: number[];
    };
  };
  candidates: {
    /** positive class = default; threshold-dependent metrics at `threshold` */
    holdout: BinaryMetrics;
    name: "baseline" | "logistic" | "gbdt" | "gbdt-weighted";
  }[];
  chosen: "baseline" | "logistic" | "gbdt" | "gbdt-weighted";
  /** trained on the client-explainable features only (reason-code catalogue) */
  clientExplainableOnly: boolean;
  codeVersion: string;
  /** the served model beside one trained alike (served hyper-parameters, same folds and holdout) but for one setting */
  comparisons: {
    alternative: {
      /** trained on the client-explainable features only */
      clientExplainableOnly: boolean;
      /** out-of-fold, mean over folds */
      cvNormalisedCost: number;
      cvNormalisedCostStd: number;
      /** out-of-fold, mean over folds */
      cvRocAuc: number;
      cvRocAucStd: number;
      featureCount: number;
      /** at the model's own threshold */
      holdoutNormalisedCost: number;
      holdoutRocAuc: number;
      /** trained with the declared monotone constraints */
      monotone: boolean;
      /** chosen on its own out-of-fold predictions */
      threshold: number;
    };
    served: {
      /** trained on the client-explainable features only */
      clientExplainableOnly: boolean;
      /** out-of-fold, mean over folds */
      cvNormalisedCost: number;
      cvNormalisedCostStd: number;
      /** out-of-fold, mean over folds */
      cvRocAuc: number;
      cvRocAucStd: number;
      featureCount: number;
      /** at the model's own threshold */
      holdoutNormalisedCost: number;
      holdoutRocAuc: number;
      /** trained with the declared monotone constraints */
      monotone: boolean;
      /** chosen on its own out-of-fold predictions */
      threshold: number;
    };
    setting: "monotone" | "client-explainable-only";
  }[];
  costs: {
    /** cost of granting a defaulter */
    falseNegative: number;
    /** cost of refusing a good client */
    falsePositive: number;
  };
  /** @format date-time */
  createdAt: string;
  curves: {
    /** normalised cost (y) against threshold (x), out-of-fold */
    cost: {
      x: number[];
      y: number[];
    };
    precisionRecall: {
      x: number[];
      y: number[];
    };
    roc: {
      x: number[];
      y: number[];
    };
  };
  /** mean and standard deviation over cross-validation folds */
  cv: {
    mean: {
      brier: number;
      cost: number;
      fBeta: number;
      gini: number;
      ks: number;
      logLoss: number;
      normalisedCost: number;
      prAuc: number;
      precision: number;
      recall: number;
      rocAuc: number;
      threshold: number;
    };
    std: {
      brier: number;
      cost: number;
      fBeta: number;
      gini: number;
      ks: number;
      logLoss: number;
      normalisedCost: number;
      prAuc: number;
      precision: number;
      recall: number;
      rocAuc: number;
      threshold: number;
    };
  };
  decisionBands: {
    acceptBelow: number;
    declineFrom: number;
  } | null;
  /** features left out on purpose (e.g. protected attributes) and why */
  excludedFeatures: {
    name: string;
    reason: string;
  }[];
  fairness: {
    attribute: "gender" | "age band";
    groups: {
      /** < 0.8 is flagged */
      adverseImpactRatio: number;
      approvalRate: number;
      approvalRateOfRepayers: number;
      count: number;
      defaultRate: number;
      flagged: boolean;
      group: string;
    }[];
    referenceGroup: string;
  }[];
  featureCount: number;
  /** positive class = default; threshold-dependent metrics at `threshold` */
  holdout: BinaryMetrics;
  /** registry identifier, e.g. m-20261128-031500-ab12 */
  id: string;
  importance: {
    features: {
      labelEn: string;
      labelFr: string;
      /** mean |SHAP| on the holdout, log-odds */
      meanAbsShap: number;
      name: string;
    }[];
    themes: {
      meanAbsShap: number;
      theme: string;
    }[];
  };
  /** monotone constraints imposed (declared in src/data/features/monotone.ts) and directions learned */
  monotone: {
    constraints: {
      /** 1: more never lowers the risk; −1: more never raises it */
      direction: 1 | -1;
      feature: string;
    }[];
    /** false: trained with --no-monotone */
    enabled: boolean;
    /** features with a declared direction, or left free, that the model uses: the direction read from the SHAP dependence on the holdout */
    learned: {
      /** Spearman ρ of values and contributions; null when unused */
      correlation: number | null;
      /** 0: none declared */
      declared: 1 | 0 | -1;
      direction: "riskier" | "safer" | "mixed" | "unused";
      feature: string;
    }[];
  };
  rows: {
    holdout: number;
    positiveRate: number;
    train: number;
  };
  scoreBands: ScoreBand[];
  /** points = offset + factor · ln(odds good:bad) */
  scoreScale: ScoreScale;
  /** refuse when PD ≥ threshold */
  threshold: number;
}

export interface ModelList {
  models: ModelSummary[];
  /** the run this server scores with */
  served: string | null;
}

export type ModelListData = ModelCard;

export interface ModelSummary {
  /** the registry names it active */
  active: boolean;
  /** the candidate the run serves */
  chosen: "baseline" | "logistic" | "gbdt" | "gbdt-weighted";
  /** @format date-time */
  createdAt: string;
  /** holdout ROC-AUC of the chosen candidate */
  holdoutAuc: number | null;
  /** holdout normalised cost (< 1 beats the best trivial policy) */
  holdoutCost: number | null;
  id: string;
  /** this server scores with it now */
  served: boolean;
  /** feature table or CSV */
  source: "feature-table" | "csv";
  threshold: number;
}

export interface MonitoringLatestListData {
  latest: {
    /** @format date-time */
    createdAt: string;
    modelId: string;
    status: "green" | "amber" | "red";
  } | null;
}

export type MonitoringListData = MonitoringReport;

/** The last monitoring report computed by `creditlens monitor` */
export interface MonitoringReport {
  bandMix: {
    bands: {
      band: string;
      reference: number;
      window: number;
    }[];
    psi: number;
    status: "green" | "amber" | "red";
  };
  /** @format date-time */
  createdAt: string;
  expected: {
    reference: {
      count: number;
      expectedAuc: number | null;
      expectedDefaultRate: number | null;
    };
    window: {
      count: number;
      expectedAuc: number | null;
      expectedDefaultRate: number | null;
    };
  };
  features: VariableStability[];
  format: "creditlens-monitoring";
  model: {
    /** score bands, best first */
    bands: string[];
    /** @format date-time */
    createdAt: string;
    developmentAuc: number;
    id: string;
  };
  performance: {
    auc: {
      auc: number;
      gini: number;
      giniLower: number;
      giniUpper: number;
      level: number;
      lower: number;
      negatives: number;
      positives: number;
      /** DeLong */
      standardError: number;
      test: {
        developmentAuc: number;
        /** one-sided: 1 − Φ(S) */
        pValue: number;
        /** S = (AUC_dev − AUC) / SE */
        statistic: number | null;
      };
      upper: number;
    } | null;
    bands: {
      band: string;
      count: number;
      defaults: number;
      level: number;
      /** Jeffreys interval, Beta(d + ½, n − d + ½) quantiles */
      lower: number;
      observedRate: number;
      /** Beta(d + ½, n − d + ½) CDF at the predicted PD */
      pValue: number;
      /** mean calibrated probability of the band */
      predicted: number;
      /** red p < 0.01, amber p < 0.05 */
      status: "green" | "amber" | "red";
      upper: number;
    }[];
    brier: number | null;
    count: number;
    defaults: number;
    observedRate: number | null;
    predictedRate: number | null;
    reliability: {
      count: number[];
      observed: number[];
      predicted: number[];
    };
    unmatched: number;
  } | null;
  /** the first 20 rows skipped, by line */
  rejected: {
    line: number;
    message: string;
  }[];
  rows: {
    reference: number;
    rejected: number;
    window: number;
  };
  /** One variable's stability: PSI on bins fixed on the development data */
  score: VariableStability;
  source: {
    applications: string;
    outcomes: string | null;
    /** the stored applications' window (days, UTC; until null: up to now); null for files */
    period: {
      /** @format date */
      since: string;
      /** @format date */
      until: string | null;
    } | null;
  };
  summary: {
    amber: string[];
    red: string[];
    status: "green" | "amber" | "red";
  };
  thresholds: {
    jeffreys: {
      amber: number;
      red: number;
    };
    psi: {
      amber: number;
      red: number;
    };
  };
  unseenCategories: {
    column: string;
    share: number;
    values: {
      count: number;
      value: string;
    }[];
  }[];
  version: 1;
}

export type MonitoringReportsCreateData = MonitoringReport;

export interface MonitoringReportsCreatePayload {
  /**
   * the first day of the window (inclusive), on the applications’ creation time
   * @format date
   */
  since: string;
  /**
   * the day after the window (exclusive); default: now
   * @format date
   */
  until?: string;
}

/** a new application (no stored client), scored and explained with no credit history; its unknown fields are never reasons but `toComplete`; `contributions` and `themes` are absent with detail: 'reasons' */
export interface NewApplicationAnswer {
  /** the SK_ID_CURR the application gives, else null */
  clientId: number | null;
  /** the client's view of the reasons (customer view, letter): client-explainable codes only, never a protected attribute, one reason per code (its units summed), each family once, at most four each way, everything else in `others` */
  clientReasons: ClientReasonSet;
  /** expectedLogOdds + Σ logOdds of every unit = logOdds, exactly */
  contributions?: ContributionSet;
  /** a new applicant has no credit history: every history feature is missing */
  history: "none";
  modelVersion: string;
  /** values outside the situations the model knows (a stored client: among the features the changes moved; a new application: all), in feature order; empty when none */
  outOfRange: OutOfRange[];
  /** the adviser's reasons: at most four each way, largest first, at most two per theme (in a client-view answer, the client's reasons) */
  reasons: ReasonSet;
  /** an application's score (src/model/scoring.ts) with the threshold its decision was taken against */
  score: ApplicantScore;
  /** themes by decreasing |logOdds|; absent with detail: 'reasons' */
  themes?: ThemeContribution[];
  /** units left unknown by the fields not given that the model weighs, by reason code, largest first, with the fields to give: information to complete, never reasons */
  toComplete: ToComplete[];
  /** 'adviser' (advisers, admins): every unit listed, the adviser's reasons; 'client' (customers): only client-explainable units listed (sums still cover every unit) and `reasons` is the client view (the same as `clientReasons`) */
  view: "adviser" | "client";
}

/** what the client reasons leave out, pooled into one line ("Autres éléments du dossier"): the reasons and this line add up to the whole */
export interface OtherElements {
  /** units pooled */
  count: number;
  /** "Other elements of the file" */
  labelEn: string;
  /** "Autres éléments du dossier" */
  labelFr: string;
  /** SHAP value in log-odds of default: > 0 raises the risk */
  logOdds: number;
  /** the same on the score scale: > 0 raises the score (lowers the risk) */
  points: number;
  /** share of the probability's change from the expected one, in percentage points: > 0 raises the probability of default */
  probabilityPoints: number;
}

/** a value of the scored application outside the situations the model knows: beyond the 1st–99th percentiles of the feature among the train clients of the served population (src/explain/out-of-range.ts) */
export interface OutOfRange {
  /** 1st percentile among the train clients */
  p1: number;
  /** 99th percentile among the train clients */
  p99: number;
  /** the feature of the model (docs/features.md) */
  feature: string;
  /** the application fields it is computed from */
  fields: string[];
  /** "… — outside the situations the model knows (…)" */
  textEn: string;
  /** "… — hors des situations connues du modèle (…)" */
  textFr: string;
  value: number;
}

/** What the batch did: every item recorded anew or already there, identical */
export interface OutcomeBatchResult {
  /** items recorded by this request */
  recorded: number;
  /** outcomes in the store after the request */
  stored: number;
  /** items already recorded with the same outcome */
  unchanged: number;
}

export type OutcomesCreateData = OutcomeBatchResult;

export interface OutcomesCreatePayload {
  /**
   * @maxItems 1000
   * @minItems 1
   */
  outcomes: {
    /**
     * the stored application's client id
     * @min 1
     * @max 9007199254740991
     */
    clientId: number;
    /**
     * the day the outcome was observed (YYYY-MM-DD, not in the future)
     * @format date
     */
    date: string;
    /** 1 = defaulted, 0 = repaid */
    defaulted: 0 | 1;
  }[];
}

export type PopulationFeaturesDetailData = FeatureDistribution;

export interface PopulationFeaturesDetailParams {
  /**
   * years, inclusive
   * @min 0
   * @max 120
   */
  ageMax?: number;
  /**
   * years, inclusive
   * @min 0
   * @max 120
   */
  ageMin?: number;
  /**
   * the client to place (a customer: required, their own)
   * @min 1
   * @max 999999999
   */
  client?: number;
  contractType?: "Cash loans" | "Revolving loans";
  /** the model's decision */
  decision?: "grant" | "refuse";
  gender?: "F" | "M" | "XNA";
  /** @default "all" */
  group?: "all" | "similar" | "filtered";
  incomeType?:
    | "Working"
    | "Commercial associate"
    | "Pensioner"
    | "State servant"
    | "Unemployed"
    | "Student"
    | "Businessman"
    | "Maternity leave";
  /**
   * size of the similar group: staff only (default 200); a customer's is fixed
   * @min 5
   * @max 1000
   */
  k?: number;
  /**
   * feature name
   * @pattern ^[A-Za-z0-9_]{1,100}$
   */
  name: string;
  /**
   * points, inclusive
   * @min -10000
   * @max 10000
   */
  pointsMax?: number;
  /**
   * points, inclusive
   * @min -10000
   * @max 10000
   */
  pointsMin?: number;
}

export type PopulationScatterListData = Scatter;

export interface PopulationScatterListParams {
  /**
   * years, inclusive
   * @min 0
   * @max 120
   */
  ageMax?: number;
  /**
   * years, inclusive
   * @min 0
   * @max 120
   */
  ageMin?: number;
  /**
   * the client to place (a customer: required, their own)
   * @min 1
   * @max 999999999
   */
  client?: number;
  contractType?: "Cash loans" | "Revolving loans";
  /** the model's decision */
  decision?: "grant" | "refuse";
  gender?: "F" | "M" | "XNA";
  /** @default "all" */
  group?: "all" | "similar" | "filtered";
  incomeType?:
    | "Working"
    | "Commercial associate"
    | "Pensioner"
    | "State servant"
    | "Unemployed"
    | "Student"
    | "Businessman"
    | "Maternity leave";
  /**
   * size of the similar group: staff only (default 200); a customer's is fixed
   * @min 5
   * @max 1000
   */
  k?: number;
  /**
   * at most this many points
   * @min 1
   * @max 5000
   * @default 1500
   */
  max?: number;
  /**
   * points, inclusive
   * @min -10000
   * @max 10000
   */
  pointsMax?: number;
  /**
   * points, inclusive
   * @min -10000
   * @max 10000
   */
  pointsMin?: number;
  /**
   * feature on the horizontal axis
   * @pattern ^[A-Za-z0-9_]{1,100}$
   */
  x: string;
  /**
   * feature on the vertical axis
   * @pattern ^[A-Za-z0-9_]{1,100}$
   */
  y: string;
}

export interface Promotion {
  /** clients scored by the new model */
  clients: number;
  /** the run served before */
  previous: string | null;
  /** the run served from now on */
  served: string;
}

export interface Readiness {
  /** where users, sessions and the audit trail live: this server's SQLite file, or the PostgreSQL database the replicas share */
  appStore: "sqlite" | "postgres";
  checks: {
    /** the app database (users, audit) answers */
    appStore: boolean;
    /** the client database answers */
    database: boolean;
    /** a model is served */
    model: boolean;
  };
  /** why the server is not ready; absent when it is */
  problem?: string;
  status: "ok" | "not ready";
}

export type ReadyzListData = Readiness;

/** a main reason of the score as French and English sentences citing the client's value and a population reference */
export interface Reason {
  /** the code's flag: the client can change it (amount, term, proof of income…); broader than the fields recourse changes */
  actionable: boolean;
  /** the code is one a client can understand (always true in the client view) */
  clientExplainable: boolean;
  /**
   * the reason code (docs/reason-codes.md), e.g. "R-AFFORD-ANNUITY"; "R-OTHER" for a feature outside the dictionary
   * @pattern ^R-[A-Z0-9-]+$
   */
  code: string;
  /** adverse raises the risk, favourable lowers it */
  direction: "adverse" | "favourable";
  /** the family of a reason code (docs/reason-codes.md): a client is told each family at most once */
  family: ReasonFamily;
  /** the model features behind it (in the client view, all of the code's told) */
  features: string[];
  /** the unit (Contribution.key) behind the reason; in the client view, the code's strongest unit, whose value is cited */
  key: string;
  labelEn: string;
  labelFr: string;
  /** SHAP value in log-odds of default: > 0 raises the risk */
  logOdds: number;
  noteEn: string | null;
  /** one sentence saying what the values are, for the external scores ("Scores calculés par des organismes externes…"); null otherwise */
  noteFr: string | null;
  /** the same on the score scale: > 0 raises the score (lowers the risk) */
  points: number;
  /** share of the probability's change from the expected one, in percentage points: > 0 raises the probability of default */
  probabilityPoints: number;
  referenceEn: string | null;
  /** the population reference as written in the sentence; null when there is none */
  referenceFr: string | null;
  /** a protected attribute (or one derived from it) drives the reason: flagged, and its sentence says so */
  sensitive: boolean;
  statementEn: string;
  /** what a client is told: the code's statement in this direction ("Vos revenus sont faibles au regard de la mensualité demandée"), or its "no history" one when the value is missing for want of history */
  statementFr: string;
  textEn: string;
  /** the whole sentence: the adviser view's "Âge : 24 ans, contre 44 ans pour les clients qui ont remboursé"; the client view's statement with that detail in brackets */
  textFr: string;
  /** the feature dictionary's theme of a unit (explanations are told by theme); 'other' for a feature outside the dictionary */
  theme: FeatureTheme;
  valueEn: string;
  /** the client's value as written in the sentence */
  valueFr: string;
}

/** why the adviser decided so: 'additional-income' (justified additional income), 'guarantee', 'data-error' (the file held wrong data), 'review-request' (the client's review request), 'other' */
export type ReasonCategory =
  | "additional-income"
  | "guarantee"
  | "data-error"
  | "review-request"
  | "other";

/** the family of a reason code (docs/reason-codes.md): a client is told each family at most once */
export type ReasonFamily =
  | "affordability"
  | "loan"
  | "external assessment"
  | "payment behaviour"
  | "current credit"
  | "credit history"
  | "employment"
  | "personal situation"
  | "housing"
  | "region"
  | "application details";

/** the adviser's reasons: at most four each way, largest first, at most two per theme (in a client-view answer, the client's reasons) */
export interface ReasonSet {
  adverse: Reason[];
  favourable: Reason[];
}

/** for a refused client, the smallest changes of the loan that would be granted */
export interface Recourse {
  clientId: number;
  /** false when the time limit cut the search short */
  complete: boolean;
  /** refuse when the calibrated probability ≥ the threshold */
  decision: Decision;
  /** applications scored by the search */
  evaluations: number;
  modelVersion: string;
  /** how far the application as it is stands from the threshold, in percentage points: 100 × (probability − threshold), 0 or more when refused */
  ppFromThreshold: number;
  /** calibrated PD of the application as it is */
  probability: number;
  /** empty when granted already, or when no searched change grants */
  proposals: RecourseProposal[];
  /** refuse when probability ≥ threshold */
  threshold: number;
}

/** a change of the loan itself that the served model grants (re-scored to be sure) */
export interface RecourseProposal {
  /** every field the proposal changes, old → new: the amount or term asked, and the instalment and goods price the loan rule derived from it */
  changed: FieldChange[];
  /** the application fields changed, with their new values (POST /api/score with them gives the same probability) */
  changes: {
    AMT_ANNUITY?: number;
    AMT_CREDIT?: number;
    AMT_GOODS_PRICE?: number;
  };
  /** lower-amount: a lower amount over the same term (instalment recomputed, a goods loan's price following the amount); longer-term: the same amount, instalment = credit / term */
  kind: "lower-amount" | "longer-term";
  /** points on the run scale with the change */
  points: number;
  /** how far the proposal is from the threshold, in percentage points: 100 × (probability − threshold), below 0 on the granted side */
  ppFromThreshold: number;
  /** calibrated PD with the change */
  probability: number;
  textEn: string;
  textFr: string;
}

/** what the top units leave out, summed */
export interface RestOfContributions {
  /** units summed */
  count: number;
  /** SHAP value in log-odds of default: > 0 raises the risk */
  logOdds: number;
  /** the same on the score scale: > 0 raises the score (lowers the risk) */
  points: number;
  /** share of the probability's change from the expected one, in percentage points: > 0 raises the probability of default */
  probabilityPoints: number;
}

export interface ReviewList {
  /** newest first, at most 200 */
  reviews: ReviewRecord[];
}

export interface ReviewRecord {
  clientId: number;
  /** application fields the client says are wrong, with the values they give */
  corrections: Record<string, string | number>;
  /** @format date-time */
  createdAt: string;
  id: number;
  /** the decision that answered the request; null until decided */
  outcome: {
    /** @format date-time */
    at: string;
    decision: "grant" | "refuse";
    /** the decision's audit record id */
    decisionId: number;
    justification: string | null;
    /** why the adviser decided so: 'additional-income' (justified additional income), 'guarantee', 'data-error' (the file held wrong data), 'review-request' (the client's review request), 'other' */
    reasonCategory: ReasonCategory;
    /** the adviser who decided */
    username: string;
  } | null;
  /** the client's point of view, as written */
  pointOfView: string;
  /** adviser: every client; admin: as an adviser, plus audit, users and models; customer: their own file */
  role: Role;
  /** 'received' (filed), 'in-review' (an adviser took it), 'decided' (a decision answered it) */
  status: ReviewStatus;
  /** @format date-time */
  updatedAt: string;
  /** who filed it (the customer, or an adviser for them) */
  username: string;
}

/** 'received' (filed), 'in-review' (an adviser took it), 'decided' (a decision answered it) */
export type ReviewStatus = "received" | "in-review" | "decided";

export type ReviewsListData = ReviewList;

export interface ReviewsListParams {
  /** true: only the requests still to handle (received or in review) */
  open?: boolean;
  /**
   * 'oldest': the longest waiting first
   * @default "newest"
   */
  order?: "newest" | "oldest";
  /** 'received' (filed), 'in-review' (an adviser took it), 'decided' (a decision answered it) */
  status?: "received" | "in-review" | "decided";
}

export type ReviewsPartialUpdateData = ReviewRecord;

export interface ReviewsPartialUpdateParams {
  /** @pattern ^[0-9]{1,9}$ */
  reviewId: string;
}

export interface ReviewsPartialUpdatePayload {
  /** take the request in review */
  status: "in-review";
}

/** adviser: every client; admin: as an adviser, plus audit, users and models; customer: their own file */
export type Role = "adviser" | "admin" | "customer";

/** a new application stored and scored: its client id opens the client's file (GET /api/clients/{id}); the final decision is pending (POST /api/clients/{id}/decisions); `contributions` and `themes` are absent with detail: 'reasons' */
export interface SavedApplication {
  /** the new client id, allocated from 900 000 000 (never a feature-store SK_ID_CURR) */
  clientId: number;
  /** the client's view of the reasons (customer view, letter): client-explainable codes only, never a protected attribute, one reason per code (its units summed), each family once, at most four each way, everything else in `others` */
  clientReasons: ClientReasonSet;
  /** expectedLogOdds + Σ logOdds of every unit = logOdds, exactly */
  contributions?: ContributionSet;
  /** @format date-time */
  createdAt: string;
  /** a new applicant has no credit history: every history feature is missing */
  history: "none";
  modelVersion: string;
  /** values outside the situations the model knows (a stored client: among the features the changes moved; a new application: all), in feature order; empty when none */
  outOfRange: OutOfRange[];
  /** the adviser's reasons: at most four each way, largest first, at most two per theme (in a client-view answer, the client's reasons) */
  reasons: ReasonSet;
  /** an application's score (src/model/scoring.ts) with the threshold its decision was taken against */
  score: ApplicantScore;
  /** no final decision yet: an adviser records it on the client file */
  status: "pending";
  /** themes by decreasing |logOdds|; absent with detail: 'reasons' */
  themes?: ThemeContribution[];
  /** units left unknown by the fields not given that the model weighs, by reason code, largest first, with the fields to give: information to complete, never reasons */
  toComplete: ToComplete[];
  /** 'adviser' (advisers, admins): every unit listed, the adviser's reasons; 'client' (customers): only client-explainable units listed (sums still cover every unit) and `reasons` is the client view (the same as `clientReasons`) */
  view: "adviser" | "client";
}

export interface Scatter {
  /** clients of the group with both values */
  available: number;
  /** the client's point; null without a client or when a value is missing */
  client: {
    x: number;
    y: number;
  } | null;
  /** every client, the client's k similar clients, or the clients passing the filters */
  group: GroupName;
  /** columns, one entry per point (a deterministic sample; no ids) */
  points: {
    outcome: ("repaid" | "defaulted" | "unknown")[];
    x: number[];
    y: number[];
  };
  /** clients in the group */
  size: number;
  /** feature on the horizontal axis */
  x: string;
  /** the dictionary's unit of the values ("currency", "date", "elapsed", …, docs/features.md); null outside the dictionary */
  xUnit:
    | "days"
    | "date"
    | "elapsed"
    | "years"
    | "months"
    | "hours"
    | "currency"
    | "ratio"
    | "count"
    | "flag"
    | "score"
    | "level"
    | "rank"
    | null;
  /** feature on the vertical axis */
  y: string;
  /** the dictionary's unit of the values ("currency", "date", "elapsed", …, docs/features.md); null outside the dictionary */
  yUnit:
    | "days"
    | "date"
    | "elapsed"
    | "years"
    | "months"
    | "hours"
    | "currency"
    | "ratio"
    | "count"
    | "flag"
    | "score"
    | "level"
    | "rank"
    | null;
}

export interface Score {
  /** plain-language band of points, best first: 'excellent', 'good', 'fair' are granted, 'high' and 'poor' refused (bands never straddle the threshold) */
  band: BandName;
  clientId: number;
  /** refuse when the calibrated probability ≥ the threshold */
  decision: Decision;
  modelVersion: string;
  /** points on the run scale (higher is safer) */
  points: number;
  /** calibrated probability of default */
  probability: number;
  /** the model's probability before calibration */
  rawProbability: number;
  /** accept / refer to a person / decline, when the run has decision bands */
  recommendation: "accept" | "refer" | "decline" | null;
  /** the bands, best first (to place them on a probability gauge) */
  scoreBands: ScoreBand[];
  /** points = offset + factor · ln(odds good:bad) */
  scoreScale: ScoreScale;
  /** refuse when probability ≥ threshold */
  threshold: number;
}

export interface ScoreBand {
  /** refuse when the calibrated probability ≥ the threshold */
  decision: Decision;
  /** lowest points of the band (inclusive); null for the poorest band (−∞). The threshold's points are an edge: the granted band above it starts there, exactly */
  minPoints: number | null;
  /** plain-language band of points, best first: 'excellent', 'good', 'fair' are granted, 'high' and 'poor' refused (bands never straddle the threshold) */
  name: BandName;
}

export type ScoreCreateData = WhatIfAnswer | NewApplicationAnswer;

/** what-if: a stored client's application with some fields changed */
export type ScoreCreatePayload =
  | {
      /** application fields (as in application_train.csv) and their new values (null: missing), each within its range or values (docs/application-fields.md); numbers as JSON numbers, never texts; the identifier cannot change */
      changes: {
        /**
         * Acquaintances in default (30 days)
         * @min 0
         * @max 1000
         */
        DEF_30_CNT_SOCIAL_CIRCLE?: number | null;
        /**
         * Acquaintances in default (60 days)
         * @min 0
         * @max 1000
         */
        DEF_60_CNT_SOCIAL_CIRCLE?: number | null;
        /**
         * External score no. 1
         * @min 0
         * @max 1
         */
        EXT_SOURCE_1?: number | null;
        /**
         * External score no. 2
         * @min 0
         * @max 1
         */
        EXT_SOURCE_2?: number | null;
        /**
         * External score no. 3
         * @min 0
         * @max 1
         */
        EXT_SOURCE_3?: number | null;
        /**
         * Provided document no. 10
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_10?: number | null;
        /**
         * Provided document no. 11
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_11?: number | null;
        /**
         * Provided document no. 12
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_12?: number | null;
        /**
         * Provided document no. 13
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_13?: number | null;
        /**
         * Provided document no. 14
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_14?: number | null;
        /**
         * Provided document no. 15
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_15?: number | null;
        /**
         * Provided document no. 16
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_16?: number | null;
        /**
         * Provided document no. 17
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_17?: number | null;
        /**
         * Provided document no. 18
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_18?: number | null;
        /**
         * Provided document no. 19
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_19?: number | null;
        /**
         * Provided document no. 2
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_2?: number | null;
        /**
         * Provided document no. 20
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_20?: number | null;
        /**
         * Provided document no. 21
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_21?: number | null;
        /**
         * Provided document no. 3
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_3?: number | null;
        /**
         * Provided document no. 4
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_4?: number | null;
        /**
         * Provided document no. 5
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_5?: number | null;
        /**
         * Provided document no. 6
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_6?: number | null;
        /**
         * Provided document no. 7
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_7?: number | null;
        /**
         * Provided document no. 8
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_8?: number | null;
        /**
         * Provided document no. 9
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_9?: number | null;
        /**
         * Acquaintances observed (30 days past due)
         * @min 0
         * @max 1000
         */
        OBS_30_CNT_SOCIAL_CIRCLE?: number | null;
        /**
         * Acquaintances observed (60 days past due)
         * @min 0
         * @max 1000
         */
        OBS_60_CNT_SOCIAL_CIRCLE?: number | null;
        /**
         * Loan instalment (annuity)
         * @min 0
         * @max 10000000
         */
        AMT_ANNUITY?: number | null;
        /**
         * Requested credit amount
         * @min 0
         * @max 100000000
         */
        AMT_CREDIT?: number | null;
        /**
         * Price of the goods financed
         * @min 0
         * @max 100000000
         */
        AMT_GOODS_PRICE?: number | null;
        /**
         * Annual income
         * @min 0
         * @max 1000000000
         */
        AMT_INCOME_TOTAL?: number | null;
        /**
         * Credit bureau enquiries in the last day before the application
         * @min 0
         * @max 1000
         */
        AMT_REQ_CREDIT_BUREAU_DAY?: number | null;
        /**
         * Credit bureau enquiries in the last hour before the application
         * @min 0
         * @max 1000
         */
        AMT_REQ_CREDIT_BUREAU_HOUR?: number | null;
        /**
         * Credit bureau enquiries in the last month before the application
         * @min 0
         * @max 1000
         */
        AMT_REQ_CREDIT_BUREAU_MON?: number | null;
        /**
         * Credit bureau enquiries in the last quarter before the application
         * @min 0
         * @max 1000
         */
        AMT_REQ_CREDIT_BUREAU_QRT?: number | null;
        /**
         * Credit bureau enquiries in the last week before the application
         * @min 0
         * @max 1000
         */
        AMT_REQ_CREDIT_BUREAU_WEEK?: number | null;
        /**
         * Credit bureau enquiries in the last year before the application
         * @min 0
         * @max 1000
         */
        AMT_REQ_CREDIT_BUREAU_YEAR?: number | null;
        /**
         * Home: apartment size (average)
         * @min 0
         * @max 1
         */
        APARTMENTS_AVG?: number | null;
        /**
         * Home: apartment size (median)
         * @min 0
         * @max 1
         */
        APARTMENTS_MEDI?: number | null;
        /**
         * Home: apartment size (mode)
         * @min 0
         * @max 1
         */
        APARTMENTS_MODE?: number | null;
        /**
         * Home: basement area (average)
         * @min 0
         * @max 1
         */
        BASEMENTAREA_AVG?: number | null;
        /**
         * Home: basement area (median)
         * @min 0
         * @max 1
         */
        BASEMENTAREA_MEDI?: number | null;
        /**
         * Home: basement area (mode)
         * @min 0
         * @max 1
         */
        BASEMENTAREA_MODE?: number | null;
        /**
         * Number of children
         * @min 0
         * @max 20
         */
        CNT_CHILDREN?: number | null;
        /**
         * Number of family members
         * @min 1
         * @max 25
         */
        CNT_FAM_MEMBERS?: number | null;
        CODE_GENDER?: "F" | "M" | "XNA" | null;
        /**
         * Home: common area (average)
         * @min 0
         * @max 1
         */
        COMMONAREA_AVG?: number | null;
        /**
         * Home: common area (median)
         * @min 0
         * @max 1
         */
        COMMONAREA_MEDI?: number | null;
        /**
         * Home: common area (mode)
         * @min 0
         * @max 1
         */
        COMMONAREA_MODE?: number | null;
        /**
         * Age (days before the application)
         * @min -36525
         * @max -6575
         */
        DAYS_BIRTH?: number | null;
        /** Time in current job (days before the application); 365243: no employment */
        DAYS_EMPLOYED?: number | null | 365243;
        /**
         * Time since the identity document was issued (days)
         * @min -36525
         * @max 0
         */
        DAYS_ID_PUBLISH?: number | null;
        /**
         * Last phone change (days)
         * @min -36525
         * @max 0
         */
        DAYS_LAST_PHONE_CHANGE?: number | null;
        /**
         * Time since the registration was changed (days)
         * @min -36525
         * @max 0
         */
        DAYS_REGISTRATION?: number | null;
        /**
         * Home: elevators (average)
         * @min 0
         * @max 1
         */
        ELEVATORS_AVG?: number | null;
        /**
         * Home: elevators (median)
         * @min 0
         * @max 1
         */
        ELEVATORS_MEDI?: number | null;
        /**
         * Home: elevators (mode)
         * @min 0
         * @max 1
         */
        ELEVATORS_MODE?: number | null;
        EMERGENCYSTATE_MODE?: "No" | "Yes" | null;
        /**
         * Home: entrances (average)
         * @min 0
         * @max 1
         */
        ENTRANCES_AVG?: number | null;
        /**
         * Home: entrances (median)
         * @min 0
         * @max 1
         */
        ENTRANCES_MEDI?: number | null;
        /**
         * Home: entrances (mode)
         * @min 0
         * @max 1
         */
        ENTRANCES_MODE?: number | null;
        /**
         * Mobile phone reachable
         * @min 0
         * @max 1
         */
        FLAG_CONT_MOBILE?: number | null;
        /**
         * Gave an e-mail address
         * @min 0
         * @max 1
         */
        FLAG_EMAIL?: number | null;
        /**
         * Gave the employer's phone
         * @min 0
         * @max 1
         */
        FLAG_EMP_PHONE?: number | null;
        /**
         * Gave a mobile phone
         * @min 0
         * @max 1
         */
        FLAG_MOBIL?: number | null;
        FLAG_OWN_CAR?: "N" | "Y" | null;
        FLAG_OWN_REALTY?: "Y" | "N" | null;
        /**
         * Gave a home phone
         * @min 0
         * @max 1
         */
        FLAG_PHONE?: number | null;
        /**
         * Gave a work phone
         * @min 0
         * @max 1
         */
        FLAG_WORK_PHONE?: number | null;
        /**
         * Home: number of floors (max) (average)
         * @min 0
         * @max 1
         */
        FLOORSMAX_AVG?: number | null;
        /**
         * Home: number of floors (max) (median)
         * @min 0
         * @max 1
         */
        FLOORSMAX_MEDI?: number | null;
        /**
         * Home: number of floors (max) (mode)
         * @min 0
         * @max 1
         */
        FLOORSMAX_MODE?: number | null;
        /**
         * Home: number of floors (min) (average)
         * @min 0
         * @max 1
         */
        FLOORSMIN_AVG?: number | null;
        /**
         * Home: number of floors (min) (median)
         * @min 0
         * @max 1
         */
        FLOORSMIN_MEDI?: number | null;
        /**
         * Home: number of floors (min) (mode)
         * @min 0
         * @max 1
         */
        FLOORSMIN_MODE?: number | null;
        FONDKAPREMONT_MODE?:
          | "reg oper account"
          | "reg oper spec account"
          | "org spec account"
          | "not specified"
          | null;
        /**
         * Hour the application was started
         * @min 0
         * @max 23
         */
        HOUR_APPR_PROCESS_START?: number | null;
        HOUSETYPE_MODE?:
          | "block of flats"
          | "specific housing"
          | "terraced house"
          | null;
        /**
         * Home: land area (average)
         * @min 0
         * @max 1
         */
        LANDAREA_AVG?: number | null;
        /**
         * Home: land area (median)
         * @min 0
         * @max 1
         */
        LANDAREA_MEDI?: number | null;
        /**
         * Home: land area (mode)
         * @min 0
         * @max 1
         */
        LANDAREA_MODE?: number | null;
        /**
         * Home city differs from work city
         * @min 0
         * @max 1
         */
        LIVE_CITY_NOT_WORK_CITY?: number | null;
        /**
         * Home region differs from work region
         * @min 0
         * @max 1
         */
        LIVE_REGION_NOT_WORK_REGION?: number | null;
        /**
         * Home: living apartments (average)
         * @min 0
         * @max 1
         */
        LIVINGAPARTMENTS_AVG?: number | null;
        /**
         * Home: living apartments (median)
         * @min 0
         * @max 1
         */
        LIVINGAPARTMENTS_MEDI?: number | null;
        /**
         * Home: living apartments (mode)
         * @min 0
         * @max 1
         */
        LIVINGAPARTMENTS_MODE?: number | null;
        /**
         * Home: living area (average)
         * @min 0
         * @max 1
         */
        LIVINGAREA_AVG?: number | null;
        /**
         * Home: living area (median)
         * @min 0
         * @max 1
         */
        LIVINGAREA_MEDI?: number | null;
        /**
         * Home: living area (mode)
         * @min 0
         * @max 1
         */
        LIVINGAREA_MODE?: number | null;
        NAME_CONTRACT_TYPE?: "Cash loans" | "Revolving loans" | null;
        NAME_EDUCATION_TYPE?:
          | "Secondary / secondary special"
          | "Higher education"
          | "Incomplete higher"
          | "Lower secondary"
          | "Academic degree"
          | null;
        NAME_FAMILY_STATUS?:
          | "Married"
          | "Single / not married"
          | "Civil marriage"
          | "Separated"
          | "Widow"
          | "Unknown"
          | null;
        NAME_HOUSING_TYPE?:
          | "House / apartment"
          | "With parents"
          | "Municipal apartment"
          | "Rented apartment"
          | "Office apartment"
          | "Co-op apartment"
          | null;
        NAME_INCOME_TYPE?:
          | "Working"
          | "Commercial associate"
          | "Pensioner"
          | "State servant"
          | "Unemployed"
          | "Student"
          | "Businessman"
          | "Maternity leave"
          | null;
        NAME_TYPE_SUITE?:
          | "Unaccompanied"
          | "Family"
          | "Spouse, partner"
          | "Children"
          | "Other_B"
          | "Other_A"
          | "Group of people"
          | null;
        /**
         * Home: non-living apartments (average)
         * @min 0
         * @max 1
         */
        NONLIVINGAPARTMENTS_AVG?: number | null;
        /**
         * Home: non-living apartments (median)
         * @min 0
         * @max 1
         */
        NONLIVINGAPARTMENTS_MEDI?: number | null;
        /**
         * Home: non-living apartments (mode)
         * @min 0
         * @max 1
         */
        NONLIVINGAPARTMENTS_MODE?: number | null;
        /**
         * Home: non-living area (average)
         * @min 0
         * @max 1
         */
        NONLIVINGAREA_AVG?: number | null;
        /**
         * Home: non-living area (median)
         * @min 0
         * @max 1
         */
        NONLIVINGAREA_MEDI?: number | null;
        /**
         * Home: non-living area (mode)
         * @min 0
         * @max 1
         */
        NONLIVINGAREA_MODE?: number | null;
        OCCUPATION_TYPE?:
          | "Laborers"
          | "Sales staff"
          | "Core staff"
          | "Managers"
          | "Drivers"
          | "High skill tech staff"
          | "Accountants"
          | "Medicine staff"
          | "Security staff"
          | "Cooking staff"
          | "Cleaning staff"
          | "Private service staff"
          | "Low-skill Laborers"
          | "Waiters/barmen staff"
          | "Secretaries"
          | "Realty agents"
          | "HR staff"
          | "IT staff"
          | null;
        ORGANIZATION_TYPE?:
          | "Business Entity Type 3"
          | "XNA"
          | "Self-employed"
          | "Other"
          | "Medicine"
          | "Business Entity Type 2"
          | "Government"
          | "Trade: type 7"
          | "School"
          | "Kindergarten"
          | "Business Entity Type 1"
          | "Transport: type 4"
          | "Construction"
          | "Trade: type 3"
          | "Military"
          | "Industry: type 3"
          | "Security"
          | "Industry: type 9"
          | "Police"
          | "Transport: type 2"
          | "Housing"
          | "Postal"
          | "Industry: type 11"
          | "Bank"
          | "Security Ministries"
          | "Agriculture"
          | "Services"
          | "Trade: type 2"
          | "Restaurant"
          | "Transport: type 3"
          | "University"
          | "Industry: type 7"
          | "Electricity"
          | "Trade: type 6"
          | "Industry: type 5"
          | "Industry: type 1"
          | "Industry: type 4"
          | "Trade: type 1"
          | "Emergency"
          | "Hotel"
          | "Industry: type 12"
          | "Industry: type 2"
          | "Realtor"
          | "Culture"
          | "Legal Services"
          | "Telecom"
          | "Transport: type 1"
          | "Insurance"
          | "Advertising"
          | "Mobile"
          | "Cleaning"
          | "Industry: type 10"
          | "Industry: type 13"
          | "Industry: type 6"
          | "Religion"
          | "Trade: type 4"
          | "Trade: type 5"
          | "Industry: type 8"
          | null;
        /**
         * Age of own car (years)
         * @min 0
         * @max 100
         */
        OWN_CAR_AGE?: number | null;
        /**
         * Population density of the region
         * @min 0
         * @max 1
         */
        REGION_POPULATION_RELATIVE?: number | null;
        /**
         * Rating of the home region (1 to 3)
         * @min 1
         * @max 3
         */
        REGION_RATING_CLIENT?: number | null;
        /**
         * Rating of the home region and city (1 to 3)
         * @min 1
         * @max 3
         */
        REGION_RATING_CLIENT_W_CITY?: number | null;
        /**
         * Registered city differs from home city
         * @min 0
         * @max 1
         */
        REG_CITY_NOT_LIVE_CITY?: number | null;
        /**
         * Registered city differs from work city
         * @min 0
         * @max 1
         */
        REG_CITY_NOT_WORK_CITY?: number | null;
        /**
         * Registered region differs from home region
         * @min 0
         * @max 1
         */
        REG_REGION_NOT_LIVE_REGION?: number | null;
        /**
         * Registered region differs from work region
         * @min 0
         * @max 1
         */
        REG_REGION_NOT_WORK_REGION?: number | null;
        /**
         * Home: total building area (mode)
         * @min 0
         * @max 1
         */
        TOTALAREA_MODE?: number | null;
        WALLSMATERIAL_MODE?:
          | "Panel"
          | "Stone, brick"
          | "Block"
          | "Wooden"
          | "Mixed"
          | "Monolithic"
          | "Others"
          | null;
        WEEKDAY_APPR_PROCESS_START?:
          | "MONDAY"
          | "TUESDAY"
          | "WEDNESDAY"
          | "THURSDAY"
          | "FRIDAY"
          | "SATURDAY"
          | "SUNDAY"
          | null;
        /**
         * Home: start of occupation (average)
         * @min 0
         * @max 1
         */
        YEARS_BEGINEXPLUATATION_AVG?: number | null;
        /**
         * Home: start of occupation (median)
         * @min 0
         * @max 1
         */
        YEARS_BEGINEXPLUATATION_MEDI?: number | null;
        /**
         * Home: start of occupation (mode)
         * @min 0
         * @max 1
         */
        YEARS_BEGINEXPLUATATION_MODE?: number | null;
        /**
         * Home: building age (average)
         * @min 0
         * @max 1
         */
        YEARS_BUILD_AVG?: number | null;
        /**
         * Home: building age (median)
         * @min 0
         * @max 1
         */
        YEARS_BUILD_MEDI?: number | null;
        /**
         * Home: building age (mode)
         * @min 0
         * @max 1
         */
        YEARS_BUILD_MODE?: number | null;
      };
      /**
       * @min 1
       * @max 999999999
       */
      clientId: number;
      /**
       * 'reasons': the score and the reasons only, without contributions and themes (what a form that re-scores as the person types shows; ≈5× smaller)
       * @default "full"
       */
      detail?: "full" | "reasons";
      /** the loan rule: a new AMT_CREDIT keeps the term (the instalment is recomputed, A′ = A · C′ / C) and a goods loan's price follows it (G′ = G · C′ / C); fields given in `changes` are never overwritten; every derived field is listed in the answer's `changed` */
      loan?: {
        /**
         * 'follow': a goods loan's price follows the amount at the stored ratio (the share financed kept); 'keep': unlocked by the adviser, it stays as stored (or as `changes` give it)
         * @default "follow"
         */
        goodsPrice?: "follow" | "keep";
        /**
         * a new term, from 1 to 600 monthly instalments (the data's term, AMT_CREDIT / AMT_ANNUITY): the instalment is recomputed for it (A′ = C′ / term); not with an AMT_ANNUITY change, which sets the term itself
         * @min 1
         * @max 600
         */
        term?: number;
      };
    }
  | {
      /** a whole new application: fields as in application_test.csv, each within its range or values as `changes` are; absent or null fields are missing; no credit history */
      application: {
        /**
         * Acquaintances in default (30 days)
         * @min 0
         * @max 1000
         */
        DEF_30_CNT_SOCIAL_CIRCLE?: number | null;
        /**
         * Acquaintances in default (60 days)
         * @min 0
         * @max 1000
         */
        DEF_60_CNT_SOCIAL_CIRCLE?: number | null;
        /**
         * External score no. 1
         * @min 0
         * @max 1
         */
        EXT_SOURCE_1?: number | null;
        /**
         * External score no. 2
         * @min 0
         * @max 1
         */
        EXT_SOURCE_2?: number | null;
        /**
         * External score no. 3
         * @min 0
         * @max 1
         */
        EXT_SOURCE_3?: number | null;
        /**
         * Provided document no. 10
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_10?: number | null;
        /**
         * Provided document no. 11
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_11?: number | null;
        /**
         * Provided document no. 12
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_12?: number | null;
        /**
         * Provided document no. 13
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_13?: number | null;
        /**
         * Provided document no. 14
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_14?: number | null;
        /**
         * Provided document no. 15
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_15?: number | null;
        /**
         * Provided document no. 16
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_16?: number | null;
        /**
         * Provided document no. 17
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_17?: number | null;
        /**
         * Provided document no. 18
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_18?: number | null;
        /**
         * Provided document no. 19
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_19?: number | null;
        /**
         * Provided document no. 2
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_2?: number | null;
        /**
         * Provided document no. 20
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_20?: number | null;
        /**
         * Provided document no. 21
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_21?: number | null;
        /**
         * Provided document no. 3
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_3?: number | null;
        /**
         * Provided document no. 4
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_4?: number | null;
        /**
         * Provided document no. 5
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_5?: number | null;
        /**
         * Provided document no. 6
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_6?: number | null;
        /**
         * Provided document no. 7
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_7?: number | null;
        /**
         * Provided document no. 8
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_8?: number | null;
        /**
         * Provided document no. 9
         * @min 0
         * @max 1
         */
        FLAG_DOCUMENT_9?: number | null;
        /**
         * Acquaintances observed (30 days past due)
         * @min 0
         * @max 1000
         */
        OBS_30_CNT_SOCIAL_CIRCLE?: number | null;
        /**
         * Acquaintances observed (60 days past due)
         * @min 0
         * @max 1000
         */
        OBS_60_CNT_SOCIAL_CIRCLE?: number | null;
        /**
         * Loan instalment (annuity)
         * @min 0
         * @max 10000000
         */
        AMT_ANNUITY?: number | null;
        /**
         * Requested credit amount
         * @min 0
         * @max 100000000
         */
        AMT_CREDIT: number | null;
        /**
         * Price of the goods financed
         * @min 0
         * @max 100000000
         */
        AMT_GOODS_PRICE?: number | null;
        /**
         * Annual income
         * @min 0
         * @max 1000000000
         */
        AMT_INCOME_TOTAL: number | null;
        /**
         * Credit bureau enquiries in the last day before the application
         * @min 0
         * @max 1000
         */
        AMT_REQ_CREDIT_BUREAU_DAY?: number | null;
        /**
         * Credit bureau enquiries in the last hour before the application
         * @min 0
         * @max 1000
         */
        AMT_REQ_CREDIT_BUREAU_HOUR?: number | null;
        /**
         * Credit bureau enquiries in the last month before the application
         * @min 0
         * @max 1000
         */
        AMT_REQ_CREDIT_BUREAU_MON?: number | null;
        /**
         * Credit bureau enquiries in the last quarter before the application
         * @min 0
         * @max 1000
         */
        AMT_REQ_CREDIT_BUREAU_QRT?: number | null;
        /**
         * Credit bureau enquiries in the last week before the application
         * @min 0
         * @max 1000
         */
        AMT_REQ_CREDIT_BUREAU_WEEK?: number | null;
        /**
         * Credit bureau enquiries in the last year before the application
         * @min 0
         * @max 1000
         */
        AMT_REQ_CREDIT_BUREAU_YEAR?: number | null;
        /**
         * Home: apartment size (average)
         * @min 0
         * @max 1
         */
        APARTMENTS_AVG?: number | null;
        /**
         * Home: apartment size (median)
         * @min 0
         * @max 1
         */
        APARTMENTS_MEDI?: number | null;
        /**
         * Home: apartment size (mode)
         * @min 0
         * @max 1
         */
        APARTMENTS_MODE?: number | null;
        /**
         * Home: basement area (average)
         * @min 0
         * @max 1
         */
        BASEMENTAREA_AVG?: number | null;
        /**
         * Home: basement area (median)
         * @min 0
         * @max 1
         */
        BASEMENTAREA_MEDI?: number | null;
        /**
         * Home: basement area (mode)
         * @min 0
         * @max 1
         */
        BASEMENTAREA_MODE?: number | null;
        /**
         * Number of children
         * @min 0
         * @max 20
         */
        CNT_CHILDREN?: number | null;
        /**
         * Number of family members
         * @min 1
         * @max 25
         */
        CNT_FAM_MEMBERS?: number | null;
        CODE_GENDER?: "F" | "M" | "XNA" | null;
        /**
         * Home: common area (average)
         * @min 0
         * @max 1
         */
        COMMONAREA_AVG?: number | null;
        /**
         * Home: common area (median)
         * @min 0
         * @max 1
         */
        COMMONAREA_MEDI?: number | null;
        /**
         * Home: common area (mode)
         * @min 0
         * @max 1
         */
        COMMONAREA_MODE?: number | null;
        /**
         * Age (days before the application)
         * @min -36525
         * @max -6575
         */
        DAYS_BIRTH: number | null;
        /** Time in current job (days before the application); 365243: no employment */
        DAYS_EMPLOYED?: number | null | 365243;
        /**
         * Time since the identity document was issued (days)
         * @min -36525
         * @max 0
         */
        DAYS_ID_PUBLISH?: number | null;
        /**
         * Last phone change (days)
         * @min -36525
         * @max 0
         */
        DAYS_LAST_PHONE_CHANGE?: number | null;
        /**
         * Time since the registration was changed (days)
         * @min -36525
         * @max 0
         */
        DAYS_REGISTRATION?: number | null;
        /**
         * Home: elevators (average)
         * @min 0
         * @max 1
         */
        ELEVATORS_AVG?: number | null;
        /**
         * Home: elevators (median)
         * @min 0
         * @max 1
         */
        ELEVATORS_MEDI?: number | null;
        /**
         * Home: elevators (mode)
         * @min 0
         * @max 1
         */
        ELEVATORS_MODE?: number | null;
        EMERGENCYSTATE_MODE?: "No" | "Yes" | null;
        /**
         * Home: entrances (average)
         * @min 0
         * @max 1
         */
        ENTRANCES_AVG?: number | null;
        /**
         * Home: entrances (median)
         * @min 0
         * @max 1
         */
        ENTRANCES_MEDI?: number | null;
        /**
         * Home: entrances (mode)
         * @min 0
         * @max 1
         */
        ENTRANCES_MODE?: number | null;
        /**
         * Mobile phone reachable
         * @min 0
         * @max 1
         */
        FLAG_CONT_MOBILE?: number | null;
        /**
         * Gave an e-mail address
         * @min 0
         * @max 1
         */
        FLAG_EMAIL?: number | null;
        /**
         * Gave the employer's phone
         * @min 0
         * @max 1
         */
        FLAG_EMP_PHONE?: number | null;
        /**
         * Gave a mobile phone
         * @min 0
         * @max 1
         */
        FLAG_MOBIL?: number | null;
        FLAG_OWN_CAR?: "N" | "Y" | null;
        FLAG_OWN_REALTY?: "Y" | "N" | null;
        /**
         * Gave a home phone
         * @min 0
         * @max 1
         */
        FLAG_PHONE?: number | null;
        /**
         * Gave a work phone
         * @min 0
         * @max 1
         */
        FLAG_WORK_PHONE?: number | null;
        /**
         * Home: number of floors (max) (average)
         * @min 0
         * @max 1
         */
        FLOORSMAX_AVG?: number | null;
        /**
         * Home: number of floors (max) (median)
         * @min 0
         * @max 1
         */
        FLOORSMAX_MEDI?: number | null;
        /**
         * Home: number of floors (max) (mode)
         * @min 0
         * @max 1
         */
        FLOORSMAX_MODE?: number | null;
        /**
         * Home: number of floors (min) (average)
         * @min 0
         * @max 1
         */
        FLOORSMIN_AVG?: number | null;
        /**
         * Home: number of floors (min) (median)
         * @min 0
         * @max 1
         */
        FLOORSMIN_MEDI?: number | null;
        /**
         * Home: number of floors (min) (mode)
         * @min 0
         * @max 1
         */
        FLOORSMIN_MODE?: number | null;
        FONDKAPREMONT_MODE?:
          | "reg oper account"
          | "reg oper spec account"
          | "org spec account"
          | "not specified"
          | null;
        /**
         * Hour the application was started
         * @min 0
         * @max 23
         */
        HOUR_APPR_PROCESS_START?: number | null;
        HOUSETYPE_MODE?:
          | "block of flats"
          | "specific housing"
          | "terraced house"
          | null;
        /**
         * Home: land area (average)
         * @min 0
         * @max 1
         */
        LANDAREA_AVG?: number | null;
        /**
         * Home: land area (median)
         * @min 0
         * @max 1
         */
        LANDAREA_MEDI?: number | null;
        /**
         * Home: land area (mode)
         * @min 0
         * @max 1
         */
        LANDAREA_MODE?: number | null;
        /**
         * Home city differs from work city
         * @min 0
         * @max 1
         */
        LIVE_CITY_NOT_WORK_CITY?: number | null;
        /**
         * Home region differs from work region
         * @min 0
         * @max 1
         */
        LIVE_REGION_NOT_WORK_REGION?: number | null;
        /**
         * Home: living apartments (average)
         * @min 0
         * @max 1
         */
        LIVINGAPARTMENTS_AVG?: number | null;
        /**
         * Home: living apartments (median)
         * @min 0
         * @max 1
         */
        LIVINGAPARTMENTS_MEDI?: number | null;
        /**
         * Home: living apartments (mode)
         * @min 0
         * @max 1
         */
        LIVINGAPARTMENTS_MODE?: number | null;
        /**
         * Home: living area (average)
         * @min 0
         * @max 1
         */
        LIVINGAREA_AVG?: number | null;
        /**
         * Home: living area (median)
         * @min 0
         * @max 1
         */
        LIVINGAREA_MEDI?: number | null;
        /**
         * Home: living area (mode)
         * @min 0
         * @max 1
         */
        LIVINGAREA_MODE?: number | null;
        NAME_CONTRACT_TYPE: "Cash loans" | "Revolving loans" | null;
        NAME_EDUCATION_TYPE?:
          | "Secondary / secondary special"
          | "Higher education"
          | "Incomplete higher"
          | "Lower secondary"
          | "Academic degree"
          | null;
        NAME_FAMILY_STATUS?:
          | "Married"
          | "Single / not married"
          | "Civil marriage"
          | "Separated"
          | "Widow"
          | "Unknown"
          | null;
        NAME_HOUSING_TYPE?:
          | "House / apartment"
          | "With parents"
          | "Municipal apartment"
          | "Rented apartment"
          | "Office apartment"
          | "Co-op apartment"
          | null;
        NAME_INCOME_TYPE?:
          | "Working"
          | "Commercial associate"
          | "Pensioner"
          | "State servant"
          | "Unemployed"
          | "Student"
          | "Businessman"
          | "Maternity leave"
          | null;
        NAME_TYPE_SUITE?:
          | "Unaccompanied"
          | "Family"
          | "Spouse, partner"
          | "Children"
          | "Other_B"
          | "Other_A"
          | "Group of people"
          | null;
        /**
         * Home: non-living apartments (average)
         * @min 0
         * @max 1
         */
        NONLIVINGAPARTMENTS_AVG?: number | null;
        /**
         * Home: non-living apartments (median)
         * @min 0
         * @max 1
         */
        NONLIVINGAPARTMENTS_MEDI?: number | null;
        /**
         * Home: non-living apartments (mode)
         * @min 0
         * @max 1
         */
        NONLIVINGAPARTMENTS_MODE?: number | null;
        /**
         * Home: non-living area (average)
         * @min 0
         * @max 1
         */
        NONLIVINGAREA_AVG?: number | null;
        /**
         * Home: non-living area (median)
         * @min 0
         * @max 1
         */
        NONLIVINGAREA_MEDI?: number | null;
        /**
         * Home: non-living area (mode)
         * @min 0
         * @max 1
         */
        NONLIVINGAREA_MODE?: number | null;
        OCCUPATION_TYPE?:
          | "Laborers"
          | "Sales staff"
          | "Core staff"
          | "Managers"
          | "Drivers"
          | "High skill tech staff"
          | "Accountants"
          | "Medicine staff"
          | "Security staff"
          | "Cooking staff"
          | "Cleaning staff"
          | "Private service staff"
          | "Low-skill Laborers"
          | "Waiters/barmen staff"
          | "Secretaries"
          | "Realty agents"
          | "HR staff"
          | "IT staff"
          | null;
        ORGANIZATION_TYPE?:
          | "Business Entity Type 3"
          | "XNA"
          | "Self-employed"
          | "Other"
          | "Medicine"
          | "Business Entity Type 2"
          | "Government"
          | "Trade: type 7"
          | "School"
          | "Kindergarten"
          | "Business Entity Type 1"
          | "Transport: type 4"
          | "Construction"
          | "Trade: type 3"
          | "Military"
          | "Industry: type 3"
          | "Security"
          | "Industry: type 9"
          | "Police"
          | "Transport: type 2"
          | "Housing"
          | "Postal"
          | "Industry: type 11"
          | "Bank"
          | "Security Ministries"
          | "Agriculture"
          | "Services"
          | "Trade: type 2"
          | "Restaurant"
          | "Transport: type 3"
          | "University"
          | "Industry: type 7"
          | "Electricity"
          | "Trade: type 6"
          | "Industry: type 5"
          | "Industry: type 1"
          | "Industry: type 4"
          | "Trade: type 1"
          | "Emergency"
          | "Hotel"
          | "Industry: type 12"
          | "Industry: type 2"
          | "Realtor"
          | "Culture"
          | "Legal Services"
          | "Telecom"
          | "Transport: type 1"
          | "Insurance"
          | "Advertising"
          | "Mobile"
          | "Cleaning"
          | "Industry: type 10"
          | "Industry: type 13"
          | "Industry: type 6"
          | "Religion"
          | "Trade: type 4"
          | "Trade: type 5"
          | "Industry: type 8"
          | null;
        /**
         * Age of own car (years)
         * @min 0
         * @max 100
         */
        OWN_CAR_AGE?: number | null;
        /**
         * Population density of the region
         * @min 0
         * @max 1
         */
        REGION_POPULATION_RELATIVE?: number | null;
        /**
         * Rating of the home region (1 to 3)
         * @min 1
         * @max 3
         */
        REGION_RATING_CLIENT?: number | null;
        /**
         * Rating of the home region and city (1 to 3)
         * @min 1
         * @max 3
         */
        REGION_RATING_CLIENT_W_CITY?: number | null;
        /**
         * Registered city differs from home city
         * @min 0
         * @max 1
         */
        REG_CITY_NOT_LIVE_CITY?: number | null;
        /**
         * Registered city differs from work city
         * @min 0
         * @max 1
         */
        REG_CITY_NOT_WORK_CITY?: number | null;
        /**
         * Registered region differs from home region
         * @min 0
         * @max 1
         */
        REG_REGION_NOT_LIVE_REGION?: number | null;
        /**
         * Registered region differs from work region
         * @min 0
         * @max 1
         */
        REG_REGION_NOT_WORK_REGION?: number | null;
        /**
         * @min 1
         * @max 999999999
         */
        SK_ID_CURR?: number | null;
        /**
         * Home: total building area (mode)
         * @min 0
         * @max 1
         */
        TOTALAREA_MODE?: number | null;
        WALLSMATERIAL_MODE?:
          | "Panel"
          | "Stone, brick"
          | "Block"
          | "Wooden"
          | "Mixed"
          | "Monolithic"
          | "Others"
          | null;
        WEEKDAY_APPR_PROCESS_START?:
          | "MONDAY"
          | "TUESDAY"
          | "WEDNESDAY"
          | "THURSDAY"
          | "FRIDAY"
          | "SATURDAY"
          | "SUNDAY"
          | null;
        /**
         * Home: start of occupation (average)
         * @min 0
         * @max 1
         */
        YEARS_BEGINEXPLUATATION_AVG?: number | null;
        /**
         * Home: start of occupation (median)
         * @min 0
         * @max 1
         */
        YEARS_BEGINEXPLUATATION_MEDI?: number | null;
        /**
         * Home: start of occupation (mode)
         * @min 0
         * @max 1
         */
        YEARS_BEGINEXPLUATATION_MODE?: number | null;
        /**
         * Home: building age (average)
         * @min 0
         * @max 1
         */
        YEARS_BUILD_AVG?: number | null;
        /**
         * Home: building age (median)
         * @min 0
         * @max 1
         */
        YEARS_BUILD_MEDI?: number | null;
        /**
         * Home: building age (mode)
         * @min 0
         * @max 1
         */
        YEARS_BUILD_MODE?: number | null;
      };
      /**
       * 'reasons': the score and the reasons only, without contributions and themes (what a form that re-scores as the person types shows; ≈5× smaller)
       * @default "full"
       */
      detail?: "full" | "reasons";
    };

/** points = offset + factor · ln(odds good:bad) */
export interface ScoreScale {
  /** reference odds good:bad */
  baseOdds: number;
  /** points at the reference odds */
  basePoints: number;
  pointsToDoubleOdds: number;
}

export interface Session {
  /** The logged-in user (a User); null when the request has no valid session */
  user: {
    /** The customer's own SK_ID_CURR */
    clientId: number | null;
    id: number;
    /** adviser: every client; admin: as an adviser, plus audit, users and models; customer: their own file */
    role: Role;
    username: string;
  } | null;
}

export interface SimilarClient {
  defaulted: boolean;
  /** weighted Euclidean distance in the standardised space (0 = identical) */
  distance: number;
  /** SK_ID_CURR; withheld from customers */
  id?: number;
  /** the neighbour's calibrated probability of default; null without scores */
  score: number | null;
}

export interface SimilarClients {
  clientId: number;
  /** the client beside the neighbours on each feature of the space (for a customer, figures on fewer than 10 clients are null) */
  comparison: FeatureComparison[];
  /** share of the neighbours who defaulted; null without neighbours */
  defaultRate: number | null;
  /** the neighbours' mean calibrated probability of default; null without scores */
  meanScore: number | null;
  /** nearest first, all with a known outcome; null for a customer (no neighbour list) */
  neighbours: SimilarClient[] | null;
  /** the similar clients the figures cover: k for staff, the fixed group's size for a customer */
  size: number;
  /** the model's most important features, weighted (weights sum to 1) */
  space: {
    name: string;
    weight: number;
  }[];
}

/** one theme's units summed (exact: the themes add up to the whole), for the waterfall */
export interface ThemeContribution {
  /** the theme's largest units (|logOdds|), at most 8 */
  contributions: Contribution[];
  /** the theme's units (the totals cover them all); in the client view, its client-explainable units */
  count: number;
  /** SHAP value in log-odds of default: > 0 raises the risk */
  logOdds: number;
  noteEn: string | null;
  /** what the values of the theme are, when its reason codes share a note (the external scores: "Scores calculés par des organismes externes…"); null otherwise */
  noteFr: string | null;
  /** the same on the score scale: > 0 raises the score (lowers the risk) */
  points: number;
  /** share of the probability's change from the expected one, in percentage points: > 0 raises the probability of default */
  probabilityPoints: number;
  /** the feature dictionary's theme of a unit (explanations are told by theme); 'other' for a feature outside the dictionary */
  theme: FeatureTheme;
}

/** a new application's information to complete: units left unknown by application fields not given that the model weighs, grouped by reason code, with the fields to give (never reasons); a value missing for a reason of its own (no job) or a history the applicant lacks is not to complete */
export interface ToComplete {
  clientExplainable: boolean;
  /**
   * the reason code (docs/reason-codes.md), e.g. "R-AFFORD-ANNUITY"; "R-OTHER" for a feature outside the dictionary
   * @pattern ^R-[A-Z0-9-]+$
   */
  code: string;
  /** the family of a reason code (docs/reason-codes.md): a client is told each family at most once */
  family: ReasonFamily;
  /** the application fields to give (as POST /api/score takes them: AMT_ANNUITY, EXT_SOURCE_1…) */
  fields: string[];
  /** SHAP value in log-odds of default: > 0 raises the risk */
  logOdds: number;
  noteEn: string | null;
  /** one sentence saying what the values are, for the external scores ("Scores calculés par des organismes externes…"); null otherwise */
  noteFr: string | null;
  /** the same on the score scale: > 0 raises the score (lowers the risk) */
  points: number;
  /** share of the probability's change from the expected one, in percentage points: > 0 raises the probability of default */
  probabilityPoints: number;
  titleEn: string;
  /** the code's title, e.g. "Mensualité" */
  titleFr: string;
  /** the explanation units left unknown, largest weight first */
  units: {
    /** the feature, or the categorical field */
    key: string;
    labelEn: string;
    labelFr: string;
  }[];
}

export interface User {
  /** The customer's own SK_ID_CURR */
  clientId: number | null;
  id: number;
  /** adviser: every client; admin: as an adviser, plus audit, users and models; customer: their own file */
  role: Role;
  username: string;
}

export interface UserAccount {
  /** The customer's own SK_ID_CURR */
  clientId: number | null;
  /** @format date-time */
  createdAt: string;
  /** a disabled account can neither log in nor use a session */
  disabled: boolean;
  id: number;
  /** adviser: every client; admin: as an adviser, plus audit, users and models; customer: their own file */
  role: Role;
  username: string;
}

export interface UserAccountAnswer {
  user: UserAccount;
}

export interface UserAccountList {
  users: UserAccount[];
}

/** One variable's stability: PSI on bins fixed on the development data */
export interface VariableStability {
  bins: {
    /** deciles "(a, b]", or categories, then "unseen", "missing" */
    labels: string[];
    /** development rows per bin */
    reference: number[];
    /** window rows per bin */
    window: number[];
  };
  /** share missing in the development population */
  missingReference: number;
  /** share missing in the window */
  missingWindow: number;
  name: string;
  /** Σ (w − r) ln(w / r) over the bins, shares floored at 0.0001 */
  psi: number;
  /** green < 0.10 ≤ amber < 0.25 ≤ red */
  status: "green" | "amber" | "red";
  /** share of window values no development row had */
  unseenWindow: number;
}

/** a stored client's application with `changes` applied, scored and explained with their stored history; `contributions` and `themes` are absent with detail: 'reasons' */
export interface WhatIfAnswer {
  /** every field the changes really changed, old → new: those given, then those the loan rule derived (instalment, goods price) */
  changed: FieldChange[];
  clientId: number;
  /** the client's view of the reasons (customer view, letter): client-explainable codes only, never a protected attribute, one reason per code (its units summed), each family once, at most four each way, everything else in `others` */
  clientReasons: ClientReasonSet;
  /** expectedLogOdds + Σ logOdds of every unit = logOdds, exactly */
  contributions?: ContributionSet;
  /** the history features are the client's stored ones */
  history: "stored";
  modelVersion: string;
  /** values outside the situations the model knows (a stored client: among the features the changes moved; a new application: all), in feature order; empty when none */
  outOfRange: OutOfRange[];
  /** the adviser's reasons: at most four each way, largest first, at most two per theme (in a client-view answer, the client's reasons) */
  reasons: ReasonSet;
  /** an application's score (src/model/scoring.ts) with the threshold its decision was taken against */
  score: ApplicantScore;
  /** themes by decreasing |logOdds|; absent with detail: 'reasons' */
  themes?: ThemeContribution[];
  /** 'adviser' (advisers, admins): every unit listed, the adviser's reasons; 'client' (customers): only client-explainable units listed (sums still cover every unit) and `reasons` is the client view (the same as `clientReasons`) */
  view: "adviser" | "client";
}
