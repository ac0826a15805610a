import type { Reason } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useLanguage, useMessages } from '../i18n/language.tsx';
import { formatWeight } from './explanation/weights.ts';
import './ReasonsPanel.css';

const messages = {
  fr: {
    title: 'Pourquoi ce score',
    loading: 'Recherche des raisons…',
    adverse: 'Ce qui augmente le risque',
    favourable: 'Ce qui diminue le risque',
    noAdverse: "Aucun élément du dossier n'augmente nettement le risque.",
    noFavourable: 'Aucun élément du dossier ne diminue nettement le risque.',
    weight: 'Effet sur la probabilité de défaut, en points de pourcentage',
  },
  en: {
    title: 'Why this score',
    loading: 'Finding the reasons…',
    adverse: 'What raises the risk',
    favourable: 'What lowers the risk',
    noAdverse: 'Nothing in the file raises the risk noticeably.',
    noFavourable: 'Nothing in the file lowers the risk noticeably.',
    weight: 'Effect on the probability of default, in percentage points',
  },
};

/**
 * The main reasons for the score as the API's sentences: up to four that raise the risk (first,
 * they are what an applicant asks about) and four that lower it, each with its weight.
 */
export function ReasonsPanel({ clientId }: { clientId: number }) {
  const t = useMessages(messages);
  const explanation = useApi(`/api/clients/${clientId}/explanation`);
  const data = explanation.data;
  const title = t.title;

  if (explanation.error) {
    return (
      <section className="card reasons-panel" aria-label={title}>
        <h2>{title}</h2>
        <ErrorMessage error={explanation.error} onRetry={explanation.reload} />
      </section>
    );
  }
  if (!data) {
    return (
      <section className="card reasons-panel" aria-label={title} aria-busy="true">
        <h2>{title}</h2>
        <p>{t.loading}</p>
      </section>
    );
  }
  const { adverse, favourable } = data.reasons;
  // One scale for both lists, so bars compare across sides.
  const largest = Math.max(
    1e-9,
    ...[...adverse, ...favourable].map((r) => Math.abs(r.probabilityPoints)),
  );
  return (
    <section className="card reasons-panel" aria-label={title}>
      <h2>{title}</h2>
      <div className="reasons-columns">
        <ReasonList
          heading={t.adverse}
          empty={t.noAdverse}
          reasons={adverse}
          largest={largest}
          side="adverse"
          weightLabel={t.weight}
        />
        <ReasonList
          heading={t.favourable}
          empty={t.noFavourable}
          reasons={favourable}
          largest={largest}
          side="favourable"
          weightLabel={t.weight}
        />
      </div>
    </section>
  );
}

function ReasonList(props: {
  heading: string;
  empty: string;
  reasons: Reason[];
  largest: number;
  side: 'adverse' | 'favourable';
  weightLabel: string;
}) {
  const { language } = useLanguage();
  const id = `reasons-${props.side}-heading`;
  return (
    <div className={`reasons-side is-${props.side}`}>
      <h3 id={id}>
        <span aria-hidden="true">{props.side === 'adverse' ? '▲' : '▼'}</span> {props.heading}
      </h3>
      {props.reasons.length === 0 ? (
        <p className="reasons-empty" data-testid={`reasons-${props.side}`}>
          {props.empty}
        </p>
      ) : (
        <ul aria-labelledby={id} data-testid={`reasons-${props.side}`}>
          {props.reasons.map((r) => (
            <li key={r.key} data-testid="reason" data-key={r.key} className="reason">
              <span className="reason-text">{language === 'fr' ? r.textFr : r.textEn}</span>
              <span className="reason-weight" title={props.weightLabel}>
                <span className="reason-track" aria-hidden="true">
                  <span
                    className="reason-bar"
                    style={{ width: `${(100 * Math.abs(r.probabilityPoints)) / props.largest}%` }}
                  />
                </span>
                <span className="reason-figure">
                  {formatWeight(r.probabilityPoints, 'pp', language)}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
