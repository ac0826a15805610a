/**
 * The words of the decisions' and review requests' enums, keyed by the API's own values
 * (ReasonCategory, ReviewStatus in the generated contract): a value the API adds and the dashboard
 * does not word fails to compile. Shared by the decision form, the worklist and the audit trail.
 */
import type { ReasonCategory, ReviewStatus } from './generated/api-types.ts';

type Words = { fr: string; en: string };

/** The reason categories a decision gives, in the order the form offers them. */
export const REASON_CATEGORY_WORDS: Record<ReasonCategory, Words> = {
  'additional-income': {
    fr: 'Revenus supplémentaires justifiés',
    en: 'Justified additional income',
  },
  guarantee: { fr: 'Garantie', en: 'Guarantee' },
  'data-error': { fr: 'Erreur dans les données du dossier', en: 'Error in the file’s data' },
  'review-request': { fr: 'Demande de réexamen du client', en: 'The client’s review request' },
  other: { fr: 'Autre motif', en: 'Other reason' },
};

export const REASON_CATEGORIES = Object.keys(REASON_CATEGORY_WORDS) as ReasonCategory[];

export function isReasonCategory(value: unknown): value is ReasonCategory {
  return typeof value === 'string' && Object.hasOwn(REASON_CATEGORY_WORDS, value);
}

/** Where a review request stands, as the client and the adviser read it. */
export const REVIEW_STATUS_WORDS: Record<ReviewStatus, Words> = {
  received: { fr: 'reçue', en: 'received' },
  'in-review': { fr: 'en cours d’examen', en: 'in review' },
  decided: { fr: 'décidée', en: 'decided' },
};

export const REVIEW_STATUSES = Object.keys(REVIEW_STATUS_WORDS) as ReviewStatus[];

export function isReviewStatus(value: unknown): value is ReviewStatus {
  return typeof value === 'string' && Object.hasOwn(REVIEW_STATUS_WORDS, value);
}
