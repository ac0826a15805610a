import { REASON_CATEGORY_WORDS, REVIEW_STATUS_WORDS } from '../../api/decision-words.ts';
import type { ReviewRecord } from '../../api/types.ts';
import type { ApiState } from '../../api/useApi.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime } from '../../format/index.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';

const messages = {
  fr: {
    title: 'Demandes de réexamen du client',
    loading: 'Chargement…',
    none: 'Le client n’a demandé aucun réexamen.',
    filed: (date: string, who: string) => `Demande du ${date} (déposée par ${who})`,
    status: 'Statut :',
    corrected: 'Informations corrigées par le client :',
    outcome: (decision: string, who: string, date: string) =>
      `Décision : ${decision}, par ${who} le ${date}`,
    grant: 'crédit accordé',
    refuse: 'crédit refusé',
  },
  en: {
    title: "The client's review requests",
    loading: 'Loading…',
    none: 'The client has requested no review.',
    filed: (date: string, who: string) => `Request of ${date} (filed by ${who})`,
    status: 'Status:',
    corrected: 'Information the client corrects:',
    outcome: (decision: string, who: string, date: string) =>
      `Decision: ${decision}, by ${who} on ${date}`,
    grant: 'credit granted',
    refuse: 'credit refused',
  },
};

/**
 * The client's requests for a human review (CCD 2023/2225 Art. 18), newest first: their point of
 * view, the fields they correct, where each stands, and the decision that answered it.
 */
export function ReviewRequests({ state }: { state: ApiState<{ reviews: ReviewRecord[] }> }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  return (
    <>
      <h3>{t.title}</h3>
      {state.error ? (
        <ErrorMessage error={state.error} onRetry={state.reload} />
      ) : !state.data ? (
        <p aria-busy="true">{t.loading}</p>
      ) : state.data.reviews.length === 0 ? (
        <p className="decision-empty" data-testid="review-requests">
          {t.none}
        </p>
      ) : (
        <ul className="review-requests" data-testid="review-requests">
          {state.data.reviews.map((r) => (
            <li key={r.id} data-testid="review-row" data-status={r.status}>
              <p className="review-head">
                {t.filed(formatDateTime(r.createdAt, language), r.username)} · {t.status}{' '}
                <strong data-testid="review-row-status">
                  {REVIEW_STATUS_WORDS[r.status][language]}
                </strong>
              </p>
              <blockquote className="review-view">{r.pointOfView}</blockquote>
              {Object.keys(r.corrections).length > 0 && (
                <p>
                  {t.corrected}{' '}
                  {Object.entries(r.corrections)
                    .map(([field, value]) => `${field} = ${value}`)
                    .join(', ')}
                </p>
              )}
              {r.outcome && (
                <p className="review-outcome" data-testid="review-row-outcome">
                  {t.outcome(
                    r.outcome.decision === 'grant' ? t.grant : t.refuse,
                    r.outcome.username,
                    formatDateTime(r.outcome.at, language),
                  )}{' '}
                  ({REASON_CATEGORY_WORDS[r.outcome.reasonCategory][language]})
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
