/**
 * A review request's status and an adviser's reason category in the client's words (French
 * first). The keys are the API's (ReviewStatus, ReasonCategory): a new value fails to compile.
 */
import type { ReasonCategory, ReviewStatus } from '../../api/generated/api-types.ts';
import type { Language } from '../../i18n/language.tsx';

export const REVIEW_STATUS_WORDS: Record<Language, Record<ReviewStatus, string>> = {
  fr: { received: 'Reçue', 'in-review': 'En cours d’examen', decided: 'Décidée' },
  en: { received: 'Received', 'in-review': 'In review', decided: 'Decided' },
};

export const REASON_CATEGORY_WORDS: Record<Language, Record<ReasonCategory, string>> = {
  fr: {
    'additional-income': 'revenus complémentaires justifiés',
    guarantee: 'garantie',
    'data-error': 'erreur dans les données du dossier',
    'review-request': 'votre demande de réexamen',
    other: 'autre motif',
  },
  en: {
    'additional-income': 'justified additional income',
    guarantee: 'guarantee',
    'data-error': 'an error in the file’s data',
    'review-request': 'your review request',
    other: 'another reason',
  },
};
