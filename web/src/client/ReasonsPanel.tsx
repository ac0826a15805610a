import type { ClientReasonSet, Reason } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { formatNumber, type Language, plural } from '../format/index.ts';
import { useLanguage, useMessages } from '../i18n/language.tsx';
import { formatWeight } from './explanation/weights.ts';
import './ReasonsPanel.css';

const messages = {
  fr: {
    title: 'Pourquoi ce score',
    titleCustomer: 'Pourquoi ce score : ce qui compte dans votre dossier',
    loading: 'Recherche des raisons…',
    adverse: 'Ce qui augmente le risque',
    favourable: 'Ce qui diminue le risque',
    noAdverse: "Aucun élément du dossier n'augmente nettement le risque.",
    noFavourable: 'Aucun élément du dossier ne diminue nettement le risque.',
    weight: 'Effet sur la probabilité de défaut, en points de pourcentage',
    code: 'Code de raison',
    notTold: 'Non communiquée au client',
    notToldHint:
      "Le client ne peut pas comprendre ce motif (ou c'est un attribut protégé) : il ne lui est pas donné comme raison.",
    protectedAttribute: 'Attribut protégé',
    told: 'Ce que lit le client',
    toldIntro:
      'Les raisons données au client : seulement celles qu’il peut comprendre, une par famille, quatre au plus de chaque côté ; le reste est regroupé.',
    others: (label: string, n: number) =>
      `${label} (${formatNumber(n, 'fr')} ${plural(n, 'fr', { one: 'élément', other: 'éléments' })})`,
  },
  en: {
    title: 'Why this score',
    titleCustomer: 'Why this score: what counts in your file',
    loading: 'Finding the reasons…',
    adverse: 'What raises the risk',
    favourable: 'What lowers the risk',
    noAdverse: 'Nothing in the file raises the risk noticeably.',
    noFavourable: 'Nothing in the file lowers the risk noticeably.',
    weight: 'Effect on the probability of default, in percentage points',
    code: 'Reason code',
    notTold: 'Not told to the client',
    notToldHint:
      'A client cannot understand this ground (or it is a protected attribute): it is not given to them as a reason.',
    protectedAttribute: 'Protected attribute',
    told: 'What the client is told',
    toldIntro:
      'The reasons given to the client: only those they can understand, one per family, at most four each way; the rest is pooled.',
    others: (label: string, n: number) =>
      `${label} (${formatNumber(n, 'en')} ${plural(n, 'en', { one: 'item', other: 'items' })})`,
  },
};

type Messages = (typeof messages)['fr'];

/**
 * The main reasons for the score. An adviser sees the model's reasons, each headed by its reason
 * code's statement (what may be said to a client), with the value and the reference beneath, the
 * code, a mark on those a client is not given, and below what the client is told (the API's
 * `clientReasons`, with the pooled "other elements"). A customer sees only the client's view. The
 * external scores' note goes under the reasons it concerns.
 */
export function ReasonsPanel({ clientId }: { clientId: number }) {
  const t = useMessages(messages);
  const explanation = useApi(`/api/clients/${clientId}/explanation`);
  const data = explanation.data;
  const client = data?.view === 'client';
  const title = client ? t.titleCustomer : t.title;

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
  // A customer's answer is the client view: its reasons are the client's.
  const shown = client ? data.clientReasons : data.reasons;
  const { adverse, favourable } = shown;
  // One scale for both lists, so bars compare across sides.
  const largest = Math.max(
    1e-9,
    ...[...adverse, ...favourable].map((r) => Math.abs(r.probabilityPoints)),
  );
  return (
    <section
      className="card reasons-panel"
      aria-label={title}
      data-testid="reasons-panel"
      data-view={data.view}
    >
      <h2>{title}</h2>
      <div className="reasons-columns">
        <ReasonColumn
          side="adverse"
          heading={t.adverse}
          empty={t.noAdverse}
          reasons={adverse}
          largest={largest}
          adviser={!client}
        />
        <ReasonColumn
          side="favourable"
          heading={t.favourable}
          empty={t.noFavourable}
          reasons={favourable}
          largest={largest}
          adviser={!client}
        />
      </div>
      {client ? (
        <OthersLine reasons={data.clientReasons} t={t} />
      ) : (
        <ClientTold reasons={data.clientReasons} t={t} />
      )}
    </section>
  );
}

function ReasonColumn(props: {
  side: 'adverse' | 'favourable';
  heading: string;
  empty: string;
  reasons: Reason[];
  largest: number;
  adviser: boolean;
}) {
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
          {props.reasons.map((r, i) => (
            <ReasonItem
              key={`${r.code}-${r.key}`}
              reason={r}
              largest={props.largest}
              adviser={props.adviser}
              // Two units of one code (two payment delays): the statement is said once.
              repeated={props.reasons.slice(0, i).some((o) => o.code === r.code)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The value and the reference beneath the statement: an adviser's reason's own sentence ("Score
 * externe n°2 : 0,65, contre 0,55 pour les clients qui ont remboursé"); a client's reason, whose
 * sentence opens with the statement, the same from its parts.
 */
function detailOf(r: Reason, language: Language, adviser: boolean): string {
  const fr = language === 'fr';
  if (adviser) return fr ? r.textFr : r.textEn;
  const label = fr ? r.labelFr : r.labelEn;
  const value = fr ? r.valueFr : r.valueEn;
  const reference = fr ? r.referenceFr : r.referenceEn;
  // As the API's sentences join them (src/explain/reasons.ts).
  return `${label}${fr ? ' : ' : ': '}${value}${reference ? `, ${reference}` : ''}`;
}

function ReasonItem(props: {
  reason: Reason;
  largest: number;
  adviser: boolean;
  /** A reason of the same code is listed above: its statement is not said again. */
  repeated: boolean;
}) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const r = props.reason;
  const fr = language === 'fr';
  const note = fr ? r.noteFr : r.noteEn;
  // A reason a client is not given: not client-explainable, or a protected attribute.
  const notTold = !r.clientExplainable || r.sensitive;
  return (
    <li
      data-testid="reason"
      data-key={r.key}
      data-code={r.code}
      data-client-explainable={r.clientExplainable}
      className={`reason${notTold ? ' is-not-told' : ''}`}
    >
      <div className="reason-body">
        {!props.repeated && (
          <p className="reason-statement">{fr ? r.statementFr : r.statementEn}</p>
        )}
        <p className="reason-detail">{detailOf(r, language, props.adviser)}</p>
        {props.adviser && (
          <p className="reason-tags">
            <code className="reason-code" title={t.code}>
              {r.code}
            </code>
            {notTold && (
              <span className="reason-not-told" title={t.notToldHint} data-testid="reason-not-told">
                <span aria-hidden="true">⊘ </span>
                {r.sensitive ? t.protectedAttribute : t.notTold}
              </span>
            )}
          </p>
        )}
        {note && !props.repeated && (
          <p className="reason-note" data-testid="reason-note">
            {note}
          </p>
        )}
      </div>
      <span className="reason-weight" title={t.weight}>
        <span className="reason-track" aria-hidden="true">
          <span
            className="reason-bar"
            style={{ width: `${(100 * Math.abs(r.probabilityPoints)) / props.largest}%` }}
          />
        </span>
        <span className="reason-figure">{formatWeight(r.probabilityPoints, 'pp', language)}</span>
      </span>
    </li>
  );
}

/** The weight of everything the client's reasons leave out, pooled into one line. */
function OthersLine({ reasons, t }: { reasons: ClientReasonSet; t: Messages }) {
  const { language } = useLanguage();
  const o = reasons.others;
  if (o.count === 0) return null;
  return (
    <p className="reasons-others" data-testid="reasons-others">
      {t.others(language === 'fr' ? o.labelFr : o.labelEn, o.count)}
      {language === 'fr' ? '\u00a0: ' : ': '}
      <span className="reason-figure">{formatWeight(o.probabilityPoints, 'pp', language)}</span>
    </p>
  );
}

/** For an adviser: the client's view of the same reasons, as the client reads them. */
function ClientTold({ reasons, t }: { reasons: ClientReasonSet; t: Messages }) {
  const { language } = useLanguage();
  const fr = language === 'fr';
  const line = (r: Reason) => (
    <li key={r.code} data-code={r.code}>
      {fr ? r.textFr : r.textEn}{' '}
      <span className="reason-figure">{formatWeight(r.probabilityPoints, 'pp', language)}</span>
    </li>
  );
  return (
    <section
      className="reasons-told"
      aria-labelledby="reasons-told-title"
      data-testid="reasons-told"
    >
      <h3 id="reasons-told-title" className="reasons-told-title">
        {t.told}
      </h3>
      <p className="reasons-told-intro">{t.toldIntro}</p>
      {reasons.adverse.length > 0 && (
        <>
          <h4>
            <span aria-hidden="true">▲</span> {t.adverse}
          </h4>
          <ul>{reasons.adverse.map(line)}</ul>
        </>
      )}
      {reasons.favourable.length > 0 && (
        <>
          <h4>
            <span aria-hidden="true">▼</span> {t.favourable}
          </h4>
          <ul>{reasons.favourable.map(line)}</ul>
        </>
      )}
      <OthersLine reasons={reasons} t={t} />
    </section>
  );
}
