// Value sets of the six history tables with their approximate frequencies in the real Kaggle files.
// Sources: ../shared/reference/home-credit-data.md (CREDIT_ACTIVE, CREDIT_TYPE, NAME_CONTRACT_STATUS
// counts and the value lists) and published exploratory analyses of the full Kaggle files
// (value_counts of bureau, previous_application, POS_CASH_balance and credit_card_balance) for the
// relative frequencies the reference does not give. Weights need not sum to 1. Where a value's
// frequency depends on the contract type, the generator conditions on it; these are the marginals.

import type { WeightedValues } from '../../value-sets.ts';

export const CREDIT_ACTIVE: WeightedValues = [
  ['Closed', 1079273],
  ['Active', 630607],
  ['Sold', 6527],
  ['Bad debt', 21],
];

export const CREDIT_CURRENCY: WeightedValues = [
  ['currency 1', 1715020],
  ['currency 2', 1224],
  ['currency 3', 174],
  ['currency 4', 10],
];

export const CREDIT_TYPE: WeightedValues = [
  ['Consumer credit', 1251615],
  ['Credit card', 402195],
  ['Car loan', 27690],
  ['Mortgage', 18391],
  ['Microloan', 12413],
  ['Loan for business development', 1975],
  ['Another type of loan', 1017],
  ['Unknown type of loan', 555],
  ['Loan for working capital replenishment', 469],
  ['Cash loan (non-earmarked)', 56],
  ['Real estate loan', 27],
  ['Loan for the purchase of equipment', 19],
  ['Loan for purchase of shares (margin lending)', 4],
  ['Mobile operator loan', 1],
  ['Interbank credit', 1],
];

/** bureau_balance STATUS: C closed, X unknown, 0 no DPD, 1..5 DPD buckets of 30 days. */
export const BUREAU_BALANCE_STATUS: readonly string[] = ['C', 'X', '0', '1', '2', '3', '4', '5'];

export const PREVIOUS_CONTRACT_TYPE: WeightedValues = [
  ['Cash loans', 747553],
  ['Consumer loans', 729151],
  ['Revolving loans', 193164],
  ['XNA', 346],
];

export const PREVIOUS_CONTRACT_STATUS: WeightedValues = [
  ['Approved', 1036781],
  ['Canceled', 316319],
  ['Refused', 290678],
  ['Unused offer', 26436],
];

/** Reasons of refused applications (XAP for the others, CLIENT for unused offers). */
export const REFUSAL_REASON: WeightedValues = [
  ['HC', 175231],
  ['LIMIT', 55680],
  ['SCO', 37467],
  ['SCOFR', 12811],
  ['XNA', 5244],
  ['VERIF', 3535],
  ['SYSTEM', 717],
];

export const CODE_REJECT_REASON: WeightedValues = [
  ['XAP', 1353093],
  ...REFUSAL_REASON,
  ['CLIENT', 26436],
];

export const NAME_CLIENT_TYPE: WeightedValues = [
  ['Repeater', 1231261],
  ['New', 301363],
  ['Refreshed', 135649],
  ['XNA', 1941],
];

export const NAME_PORTFOLIO: WeightedValues = [
  ['POS', 691011],
  ['Cash', 461563],
  ['XNA', 372230],
  ['Cards', 144985],
  ['Cars', 425],
];

export const NAME_PRODUCT_TYPE: WeightedValues = [
  ['XNA', 1063666],
  ['x-sell', 456287],
  ['walk-in', 150261],
];

export const NAME_YIELD_GROUP: WeightedValues = [
  ['XNA', 517215],
  ['middle', 385532],
  ['high', 353331],
  ['low_normal', 322095],
  ['low_action', 92041],
];

export const CHANNEL_TYPE: WeightedValues = [
  ['Credit and cash offices', 719968],
  ['Country-wide', 494690],
  ['Stone', 212083],
  ['Regional / Local', 108528],
  ['Contact center', 71297],
  ['AP+ (Cash loan)', 57046],
  ['Channel of corporate sales', 6150],
  ['Car dealer', 452],
];

/** Goods bought with consumer loans (XNA, 56.9% of all rows, is used for cash and card rows). */
export const NAME_GOODS_CATEGORY: WeightedValues = [
  ['Mobile', 224708],
  ['Consumer Electronics', 121576],
  ['Computers', 105769],
  ['Audio/Video', 99441],
  ['Furniture', 53656],
  ['Photo / Cinema Equipment', 25021],
  ['Construction Materials', 24995],
  ['Clothing and Accessories', 23554],
  ['Auto Accessories', 7381],
  ['Jewelry', 6290],
  ['Homewares', 5023],
  ['Medical Supplies', 3843],
  ['Vehicles', 3370],
  ['Sport and Leisure', 2981],
  ['Gardening', 2668],
  ['Other', 2554],
  ['Office Appliances', 2333],
  ['Tourism', 1659],
  ['Medicine', 1550],
  ['Direct Sales', 446],
  ['Fitness', 209],
  ['Additional Service', 128],
  ['Education', 107],
  ['Weapon', 77],
  ['Insurance', 64],
  ['House Construction', 1],
  ['Animals', 1],
];

/** Seller industries of consumer loans (XNA for cash and card rows). */
export const NAME_SELLER_INDUSTRY: WeightedValues = [
  ['Consumer electronics', 398265],
  ['Connectivity', 276029],
  ['Furniture', 57849],
  ['Construction', 29781],
  ['Clothing', 23949],
  ['Industry', 19194],
  ['Auto technology', 4990],
  ['Jewelry', 2709],
  ['MLM partners', 1146],
  ['Tourism', 513],
];

/** Purposes of walk-in cash loans (XAP for consumer and card rows, XNA for most cash rows). */
export const NAME_CASH_LOAN_PURPOSE: WeightedValues = [
  ['Repairs', 23765],
  ['Other', 15608],
  ['Urgent needs', 8412],
  ['Buying a used car', 2888],
  ['Building a house or an annex', 2693],
  ['Everyday expenses', 2416],
  ['Medicine', 2174],
  ['Payments on other loans', 1931],
  ['Education', 1573],
  ['Journey', 1239],
  ['Purchase of electronic equipment', 1061],
  ['Buying a new car', 1012],
  ['Wedding / gift / holiday', 962],
  ['Buying a home', 865],
  ['Car repairs', 797],
  ['Furniture', 749],
  ['Buying a holiday home / land', 533],
  ['Business development', 426],
  ['Gasification / water supply', 300],
  ['Buying a garage', 136],
  ['Hobby', 55],
  ['Money for a third person', 25],
  ['Refusal to name the goal', 15],
];

export const NAME_PAYMENT_TYPE: WeightedValues = [
  ['Cash through the bank', 1033552],
  ['XNA', 627384],
  ['Non-cash from your account', 8193],
  ['Cashless from the account of the employer', 1085],
];

/** NAME_TYPE_SUITE when present (≈49% of previous applications leave it empty). */
export const PREVIOUS_TYPE_SUITE: WeightedValues = [
  ['Unaccompanied', 508970],
  ['Family', 213263],
  ['Spouse, partner', 67069],
  ['Children', 31566],
  ['Other_B', 17624],
  ['Other_A', 9077],
  ['Group of people', 2240],
];

export const WEEKDAY: WeightedValues = [
  ['TUESDAY', 255118],
  ['WEDNESDAY', 255415],
  ['MONDAY', 253557],
  ['FRIDAY', 252048],
  ['THURSDAY', 249099],
  ['SATURDAY', 240410],
  ['SUNDAY', 164567],
];

export const CONSUMER_PRODUCT_COMBINATION: WeightedValues = [
  ['POS household with interest', 263622],
  ['POS mobile with interest', 220670],
  ['POS industry with interest', 98833],
  ['POS household without interest', 82908],
  ['POS mobile without interest', 24082],
  ['POS other with interest', 23879],
  ['POS industry without interest', 12602],
  ['POS others without interest', 2555],
];

export const CASH_PRODUCT_COMBINATION: WeightedValues = [
  ['Cash', 285990],
  ['Cash X-Sell: middle', 143883],
  ['Cash X-Sell: low', 130248],
  ['Cash Street: high', 59639],
  ['Cash X-Sell: high', 59301],
  ['Cash Street: middle', 34658],
  ['Cash Street: low', 33834],
];

export const CARD_PRODUCT_COMBINATION: WeightedValues = [
  ['Card Street', 112582],
  ['Card X-Sell', 80582],
];

export const POS_CONTRACT_STATUS: WeightedValues = [
  ['Active', 9151119],
  ['Completed', 744883],
  ['Signed', 87260],
  ['Demand', 7065],
  ['Returned to the store', 5461],
  ['Approved', 4917],
  ['Amortized debt', 636],
  ['Canceled', 15],
  ['XNA', 2],
];

export const CARD_CONTRACT_STATUS: WeightedValues = [
  ['Active', 3698436],
  ['Completed', 128918],
  ['Signed', 11058],
  ['Demand', 1365],
  ['Sent proposal', 513],
  ['Refused', 17],
  ['Approved', 5],
];

/** The value sets per table and column, for validation and tests. */
export const HISTORY_VALUE_SETS: Readonly<
  Record<string, Readonly<Record<string, WeightedValues>>>
> = {
  bureau: { CREDIT_ACTIVE, CREDIT_CURRENCY, CREDIT_TYPE },
  previous_application: {
    NAME_CONTRACT_TYPE: PREVIOUS_CONTRACT_TYPE,
    NAME_CONTRACT_STATUS: PREVIOUS_CONTRACT_STATUS,
    CODE_REJECT_REASON,
    NAME_CLIENT_TYPE,
    NAME_PORTFOLIO,
    NAME_PRODUCT_TYPE,
    NAME_YIELD_GROUP,
    CHANNEL_TYPE,
    NAME_GOODS_CATEGORY: [['XNA', 950809], ...NAME_GOODS_CATEGORY],
    NAME_SELLER_INDUSTRY: [['XNA', 855720], ...NAME_SELLER_INDUSTRY],
    NAME_CASH_LOAN_PURPOSE: [['XAP', 922661], ['XNA', 677918], ...NAME_CASH_LOAN_PURPOSE],
    NAME_PAYMENT_TYPE,
    NAME_TYPE_SUITE: PREVIOUS_TYPE_SUITE,
    WEEKDAY_APPR_PROCESS_START: WEEKDAY,
    PRODUCT_COMBINATION: [
      ...CASH_PRODUCT_COMBINATION,
      ...CONSUMER_PRODUCT_COMBINATION,
      ...CARD_PRODUCT_COMBINATION,
    ],
    FLAG_LAST_APPL_PER_CONTRACT: [
      ['Y', 1661739],
      ['N', 8475],
    ],
  },
  POS_CASH_balance: { NAME_CONTRACT_STATUS: POS_CONTRACT_STATUS },
  credit_card_balance: { NAME_CONTRACT_STATUS: CARD_CONTRACT_STATUS },
  bureau_balance: { STATUS: BUREAU_BALANCE_STATUS.map((s) => [s, 1] as const) },
};
