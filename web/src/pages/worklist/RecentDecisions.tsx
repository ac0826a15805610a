import { type FormEvent, useEffect, useState } from 'react';
import {
  isReasonCategory,
  REASON_CATEGORIES,
  REASON_CATEGORY_WORDS,
} from '../../api/decision-words.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Pager } from '../../components/Pager.tsx';
import { formatDateTime } from '../../format/index.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import { Link, navigate } from '../../router.tsx';
import { messages, type WorklistMessages } from './messages.ts';
import {
  DECISIONS_PAGE_SIZE,
  decisionsPath,
  type WorklistQuery,
  worklistQueryString,
} from './worklist-query.ts';

function go(q: WorklistQuery): void {
  navigate(`/worklist${worklistQueryString(q)}`);
}

/**
 * The decisions recorded across clients (GET /api/decisions), newest first: the model's opinion
 * and the final decision side by side, the reason category and justification, who decided and the
 * review request answered; filtered by overrides only, category, adviser and days; paged.
 */
export function RecentDecisions({ q }: { q: WorklistQuery }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const decisions = useApi(decisionsPath(q));
  const { data, error } = decisions;
  const pages = data ? Math.max(1, Math.ceil(data.total / DECISIONS_PAGE_SIZE)) : 1;
  const words = (d: 'grant' | 'refuse') => (d === 'grant' ? t.grant : t.refuse);

  return (
    <section className="card worklist-section" aria-labelledby="worklist-decisions">
      <h2 id="worklist-decisions">{t.decisionsTitle}</h2>
      <DecisionFilters t={t} q={q} />
      {error ? (
        <ErrorMessage error={error} onRetry={decisions.reload} />
      ) : !data ? (
        <p aria-busy="true">{t.loading}</p>
      ) : data.total === 0 ? (
        <p className="worklist-empty" data-testid="worklist-decisions-empty">
          {t.decisionsEmpty}
        </p>
      ) : (
        <>
          <table
            className="worklist-table"
            data-testid="worklist-decisions"
            aria-busy={decisions.loading}
          >
            <caption className="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.when}</th>
                <th scope="col">{t.client}</th>
                <th scope="col">{t.model}</th>
                <th scope="col">{t.final}</th>
                <th scope="col">{t.category}</th>
                <th scope="col">{t.why}</th>
                <th scope="col">{t.who}</th>
                <th scope="col">{t.review}</th>
              </tr>
            </thead>
            <tbody>
              {data.decisions.map((d) => (
                <tr
                  key={d.id}
                  data-testid="worklist-decision"
                  data-follows={d.followsModel ? 'yes' : 'no'}
                >
                  <td data-label={t.when}>
                    <time dateTime={d.at}>{formatDateTime(d.at, language)}</time>
                  </td>
                  <td data-label={t.client}>
                    <Link to={`/clients/${d.clientId}/decision`}>{d.clientId}</Link>
                  </td>
                  <td data-label={t.model}>{words(d.modelDecision)}</td>
                  <td data-label={t.final}>
                    {/* One grid item at phone width: the words stay beside the decision. */}
                    <span>
                      <strong className={`worklist-final-${d.decision}`}>
                        {words(d.decision)}
                      </strong>
                      {!d.followsModel && (
                        <span className="worklist-overridden"> ({t.overridden})</span>
                      )}
                    </span>
                  </td>
                  <td data-label={t.category}>
                    {d.reasonCategory ? REASON_CATEGORY_WORDS[d.reasonCategory][language] : t.none}
                  </td>
                  <td data-label={t.why} className="worklist-why">
                    {d.justification ?? t.none}
                  </td>
                  <td data-label={t.who}>{d.username ?? t.none}</td>
                  <td data-label={t.review}>{d.reviewId ? t.reviewNo(d.reviewId) : t.none}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            page={q.page}
            pages={pages}
            info={t.pageInfo(q.page, pages, data.total)}
            labels={t}
            onGo={(page) => go({ ...q, page })}
            testId="worklist-page"
          />
        </>
      )}
    </section>
  );
}

/** The adviser and the days apply on submit; the checkbox and the category at once. */
function DecisionFilters({ t, q }: { t: WorklistMessages; q: WorklistQuery }) {
  const { language } = useLanguage();
  const [adviser, setAdviser] = useState(q.adviser ?? '');
  const [from, setFrom] = useState(q.from ?? '');
  const [to, setTo] = useState(q.to ?? '');
  useEffect(() => {
    setAdviser(q.adviser ?? '');
    setFrom(q.from ?? '');
    setTo(q.to ?? '');
  }, [q.adviser, q.from, q.to]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    go({
      ...q,
      adviser: adviser.trim() || undefined,
      from: from || undefined,
      to: to || undefined,
      page: 1,
    });
  };
  const clear = () => go({ reviews: q.reviews, overridesOnly: false, page: 1 });

  return (
    <form className="worklist-filters" onSubmit={onSubmit} aria-label={t.filters}>
      <label className="worklist-check">
        <input
          type="checkbox"
          data-testid="worklist-overrides"
          checked={q.overridesOnly}
          onChange={(event) => go({ ...q, overridesOnly: event.target.checked, page: 1 })}
        />{' '}
        {t.overridesOnly}
      </label>
      <div className="worklist-field">
        <label htmlFor="worklist-category">{t.category}</label>
        <select
          id="worklist-category"
          data-testid="worklist-category"
          value={q.category ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            go({ ...q, category: isReasonCategory(value) ? value : undefined, page: 1 });
          }}
        >
          <option value="">{t.anyCategory}</option>
          {REASON_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {REASON_CATEGORY_WORDS[c][language]}
            </option>
          ))}
        </select>
      </div>
      <div className="worklist-field">
        <label htmlFor="worklist-adviser">{t.adviser}</label>
        <input
          id="worklist-adviser"
          data-testid="worklist-adviser"
          value={adviser}
          maxLength={64}
          onChange={(event) => setAdviser(event.target.value)}
        />
      </div>
      <div className="worklist-field">
        <label htmlFor="worklist-from">{t.from}</label>
        <input
          id="worklist-from"
          type="date"
          data-testid="worklist-from"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
        />
      </div>
      <div className="worklist-field">
        <label htmlFor="worklist-to">{t.to}</label>
        <input
          id="worklist-to"
          type="date"
          data-testid="worklist-to"
          value={to}
          min={from || undefined}
          onChange={(event) => setTo(event.target.value)}
        />
      </div>
      <div className="worklist-buttons">
        <button type="submit" className="primary" data-testid="worklist-apply">
          {t.apply}
        </button>
        <button type="button" onClick={clear}>
          {t.clear}
        </button>
      </div>
    </form>
  );
}
