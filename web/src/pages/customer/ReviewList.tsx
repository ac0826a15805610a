import type { ReviewRecord } from '../../api/generated/api-types.ts';
import type { ApiState } from '../../api/useApi.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime, type Language } from '../../format/index.ts';
import { APPLICATION_FIELDS, fieldLabel } from '../../forms/application-form/fields.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import { REASON_CATEGORY_WORDS, REVIEW_STATUS_WORDS } from './review-words.ts';

const messages = {
  fr: {
    title: 'Mes demandes de réexamen',
    loading: 'Chargement de vos demandes…',
    none: 'Vous n’avez pas encore demandé de réexamen.',
    sentOn: (date: string) => `Demande du ${date}`,
    status: 'Statut : ',
    corrected: 'Informations à corriger : ',
    waiting: {
      received: 'Votre demande est reçue ; un conseiller va la prendre en charge.',
      'in-review': 'Un conseiller examine votre dossier.',
    },
    outcome: (date: string, decision: string) => `Décision du ${date} : ${decision}.`,
    decision: { grant: 'crédit accordé', refuse: 'crédit refusé' },
    ground: (c: string) => `Motif : ${c}.`,
    explanation: 'Explication du conseiller : ',
  },
  en: {
    title: 'My review requests',
    loading: 'Loading your requests…',
    none: 'You have not requested a review yet.',
    sentOn: (date: string) => `Request of ${date}`,
    status: 'Status: ',
    corrected: 'Information to correct: ',
    waiting: {
      received: 'Your request is received; an adviser will take it up.',
      'in-review': 'An adviser is reviewing your file.',
    },
    outcome: (date: string, decision: string) => `Decision of ${date}: ${decision}.`,
    decision: { grant: 'credit granted', refuse: 'credit refused' },
    ground: (c: string) => `Ground: ${c}.`,
    explanation: 'The adviser’s explanation: ',
  },
};

function correctedNames(review: ReviewRecord, language: Language): string {
  return Object.keys(review.corrections)
    .map((name) => {
      const field = APPLICATION_FIELDS.find((f) => f.name === name);
      return field ? fieldLabel(field, language) : name;
    })
    .join(', ');
}

/**
 * The client's review requests (GET /api/clients/:id/reviews, newest first), each with its
 * status in words (received, in review, decided) and, once decided, the outcome: the decision,
 * its date, its ground and the adviser's explanation.
 */
export function ReviewList({ reviews }: { reviews: ApiState<{ reviews: ReviewRecord[] }> }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const list = reviews.data?.reviews;
  return (
    <section className="card customer-section" aria-labelledby="review-list-title">
      <h2 id="review-list-title">{t.title}</h2>
      {reviews.error ? (
        <ErrorMessage error={reviews.error} onRetry={reviews.reload} />
      ) : !list ? (
        <p aria-busy="true">{t.loading}</p>
      ) : list.length === 0 ? (
        <p data-testid="review-list" data-count={0}>
          {t.none}
        </p>
      ) : (
        <ol className="review-list" data-testid="review-list" data-count={list.length}>
          {list.map((r) => (
            <li key={r.id} data-testid="review" data-review-id={r.id}>
              <h3>{t.sentOn(formatDateTime(r.createdAt, language))}</h3>
              <p>
                {t.status}
                <strong data-testid="review-status" data-status={r.status}>
                  {REVIEW_STATUS_WORDS[language][r.status]}
                </strong>
              </p>
              <blockquote className="review-quote">{r.pointOfView}</blockquote>
              {Object.keys(r.corrections).length > 0 && (
                <p className="customer-muted">
                  {t.corrected}
                  {correctedNames(r, language)}
                </p>
              )}
              {r.outcome ? (
                <div data-testid="review-outcome" data-decision={r.outcome.decision}>
                  <p>
                    {t.outcome(
                      formatDateTime(r.outcome.at, language),
                      t.decision[r.outcome.decision],
                    )}{' '}
                    {t.ground(REASON_CATEGORY_WORDS[language][r.outcome.reasonCategory])}
                  </p>
                  {r.outcome.justification && (
                    <p>
                      {t.explanation}
                      <q>{r.outcome.justification}</q>
                    </p>
                  )}
                </div>
              ) : (
                r.status !== 'decided' && <p className="customer-muted">{t.waiting[r.status]}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
