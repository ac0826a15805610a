/**
 * An adviser's reason category told to the client (French first): "your review request", not the
 * adviser's "the client's review request" of ../../api/decision-words.ts. The keys are the API's
 * (ReasonCategory): a new value fails to compile. A status reads the same for both, so it is the
 * shared word, capitalised as a label.
 */
import { REVIEW_STATUS_WORDS as STATUS } from '../../api/decision-words.ts';
import type { ReasonCategory, ReviewStatus } from '../../api/generated/api-types.ts';
import type { Language } from '../../i18n/language.tsx';

function statusLabels(language: Language): Record<ReviewStatus, string> {
  const label = (s: ReviewStatus) => STATUS[s][language].replace(/^./, (c) => c.toUpperCase());
  return {
    received: label('received'),
    'in-review': label('in-review'),
    decided: label('decided'),
  };
}

export const REVIEW_STATUS_WORDS: Record<Language, Record<ReviewStatus, string>> = {
  fr: statusLabels('fr'),
  en: statusLabels('en'),
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
