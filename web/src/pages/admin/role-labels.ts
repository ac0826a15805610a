/** Each role in words, for the admin pages (the header says it the same way). */
export const roleLabels = {
  fr: { adviser: 'conseiller', admin: 'administrateur', customer: 'client' },
  en: { adviser: 'adviser', admin: 'administrator', customer: 'customer' },
};
