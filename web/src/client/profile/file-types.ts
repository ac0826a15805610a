/** The answer of GET /api/clients/:id (src/api/clients/routes.ts): the file in sections. */

export interface FileValue {
  name: string;
  label_fr: string;
  label_en: string;
  /** A dictionary unit ("currency", "days", …); null for a categorical field. */
  unit: string | null;
  /** Numeric value; null when missing, and for a categorical field (see category). */
  value: number | null;
  /** A categorical field's raw category; null when missing. */
  category?: string | null;
  /** The category in words, French and English (absent for numbers). */
  category_fr?: string | null;
  category_en?: string | null;
}

export interface FileSection {
  /** profile, employmentIncome, requestedLoan, housing, creditBureau, … */
  key: string;
  label_fr: string;
  label_en: string;
  values: FileValue[];
}

export interface ClientFile {
  id: number;
  split: 'train' | 'test';
  sections: FileSection[];
}
