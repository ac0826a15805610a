import { useState } from 'react';
import { ApiFailure, api } from '../../api/client.ts';
import { REVIEW_STATUS_WORDS } from '../../api/decision-words.ts';
import type { ReviewRecord } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime } from '../../format/index.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import { Link, navigate } from '../../router.tsx';
import { messages } from './messages.ts';
import {
  type ReviewFilter,
  reviewsPath,
  type WorklistQuery,
  worklistQueryString,
} from './worklist-query.ts';

const FILTERS: ReviewFilter[] = ['open', 'received', 'in-review', 'decided', 'all'];

/** The requests the filter shows, oldest first: the longest waiting is handled first. */
export function queueOf(reviews: ReviewRecord[], filter: ReviewFilter): ReviewRecord[] {
  return reviews
    .filter((r) => filter !== 'open' || r.status !== 'decided')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
}

/**
 * The clients' review requests: filtered by status (those still to handle by default), oldest
 * first, each with the client's point of view, a link to the client's decision and, while only
 * received, the button that takes it in review (PATCH /api/reviews/:id, audited).
 */
export function ReviewQueue({ q }: { q: WorklistQuery }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const reviews = useApi(reviewsPath(q.reviews));
  const [taking, setTaking] = useState<number | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const take = async (id: number) => {
    setTaking(id);
    setFailure(null);
    try {
      await api.patch(`/api/reviews/${id}`, { status: 'in-review' });
      reviews.reload();
    } catch (error) {
      setFailure(error instanceof ApiFailure ? error : new ApiFailure(0, 'CLIENT', String(error)));
    } finally {
      setTaking(null);
    }
  };

  const queue = reviews.data ? queueOf(reviews.data.reviews, q.reviews) : null;
  return (
    <section className="card worklist-section" aria-labelledby="worklist-reviews">
      <h2 id="worklist-reviews">{t.reviewsTitle}</h2>
      <div className="worklist-field">
        <label htmlFor="worklist-review-filter">{t.reviewsFilter}</label>
        <select
          id="worklist-review-filter"
          data-testid="worklist-review-filter"
          value={q.reviews}
          onChange={(event) =>
            navigate(
              `/worklist${worklistQueryString({ ...q, reviews: event.target.value as ReviewFilter })}`,
            )
          }
        >
          {FILTERS.map((f) => (
            <option key={f} value={f}>
              {t.reviewFilters[f]}
            </option>
          ))}
        </select>
      </div>
      {failure !== null && <ErrorMessage error={failure} />}
      {reviews.error ? (
        <ErrorMessage error={reviews.error} onRetry={reviews.reload} />
      ) : queue === null ? (
        <p aria-busy="true">{t.loading}</p>
      ) : queue.length === 0 ? (
        <p className="worklist-empty" data-testid="worklist-reviews-empty">
          {t.reviewsEmpty}
        </p>
      ) : (
        <>
          <p className="worklist-count">{t.reviewsCount(queue.length)}</p>
          <ul className="worklist-reviews" data-testid="worklist-reviews">
            {queue.map((r) => (
              <li
                key={r.id}
                className="worklist-review"
                data-testid="worklist-review"
                data-review-id={r.id}
                data-status={r.status}
              >
                <p className="worklist-review-head">
                  <strong>
                    {t.client} {r.clientId}
                  </strong>{' '}
                  · {t.filed} {formatDateTime(r.createdAt, language)} {t.by} {r.username} ·{' '}
                  {t.status}{' '}
                  <span className={`worklist-status worklist-status-${r.status}`}>
                    {REVIEW_STATUS_WORDS[r.status][language]}
                  </span>
                </p>
                <blockquote className="worklist-view" aria-label={t.pointOfView}>
                  {r.pointOfView}
                </blockquote>
                {Object.keys(r.corrections).length > 0 && (
                  <p className="worklist-corrected">
                    {t.corrected(Object.keys(r.corrections).length)}{' '}
                    {Object.keys(r.corrections).join(', ')}
                  </p>
                )}
                {r.outcome && (
                  <p className="worklist-outcome" data-testid="worklist-review-outcome">
                    {t.outcome(
                      r.outcome.decision === 'grant' ? t.grant : t.refuse,
                      r.outcome.username,
                    )}
                    , {formatDateTime(r.outcome.at, language)}
                  </p>
                )}
                <p className="worklist-actions">
                  <Link
                    to={`/clients/${r.clientId}/decision`}
                    className="worklist-open"
                    testId="worklist-open-client"
                  >
                    {t.open}
                  </Link>
                  {r.status === 'received' && (
                    <button
                      type="button"
                      data-testid="worklist-take"
                      disabled={taking !== null}
                      onClick={() => take(r.id)}
                    >
                      {taking === r.id ? t.taking : t.take}
                    </button>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
