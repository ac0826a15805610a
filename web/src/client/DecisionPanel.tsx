import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiFailure, api, newIdempotencyKey } from '../api/client.ts';
import {
  isReasonCategory,
  REASON_CATEGORIES,
  REASON_CATEGORY_WORDS,
} from '../api/decision-words.ts';
import type { DecisionRecord, ReviewRecord, Score } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { useUser } from '../auth/session.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { formatDateTime, formatPercent } from '../format/index.ts';
import { useLanguage, useMessages } from '../i18n/language.tsx';
import {
  type Choice,
  decisionBody,
  formProblem,
  MIN_JUSTIFICATION,
  type ReasonCategory,
} from './decision/decision-rules.ts';
import { ReviewRequests } from './decision/ReviewRequests.tsx';
import './DecisionPanel.css';

const messages = {
  fr: {
    title: 'Décision finale',
    loading: 'Chargement…',
    model: 'Le modèle recommande :',
    grant: 'Crédit accordé',
    refuse: 'Crédit refusé',
    context: (p: string, t: string) => `probabilité de défaut ${p}, refus à partir de ${t}`,
    separator: ' ; ',
    recommendation: {
      accept: 'dossier à accepter',
      refer: 'dossier à examiner de près',
      decline: 'dossier à refuser',
    },
    yours: 'Votre décision',
    follow: (d: string) => `Suivre le modèle : ${d.toLowerCase()}`,
    override: (d: string) => `Décider contre l'avis du modèle : ${d.toLowerCase()}`,
    justification: 'Justification',
    justificationHint: `Obligatoire : au moins ${MIN_JUSTIFICATION} caractères, consignés dans le journal d'audit.`,
    counter: (n: number) => `${n} / ${MIN_JUSTIFICATION} caractères minimum`,
    chooseFirst: 'Choisissez d’abord de suivre l’avis du modèle ou de décider contre.',
    category: 'Motif de la décision',
    chooseCategory: 'Choisir un motif…',
    categoryMissing: 'Choisissez le motif de la décision dans la liste.',
    answers: 'Demande de réexamen à laquelle la décision répond',
    answersNone: 'Aucune (décision sans demande du client)',
    answersOne: (id: number, date: string) => `Demande n° ${id} du ${date}`,
    tooShort: (missing: number) =>
      `La justification doit compter au moins ${MIN_JUSTIFICATION} caractères (il en manque ${missing}).`,
    submit: 'Enregistrer la décision',
    sending: 'Enregistrement…',
    saved: (d: string, follows: boolean) =>
      `Décision enregistrée : ${d.toLowerCase()} (${follows ? "conforme à l'avis du modèle" : "décision contraire à l'avis du modèle"}).`,
    reviewClosed: (id: number) => `La demande de réexamen n° ${id} est décidée.`,
    history: 'Décisions enregistrées',
    noHistory: 'Aucune décision enregistrée pour ce client.',
    at: 'Date',
    who: 'Par',
    decision: 'Décision',
    followed: 'Avis du modèle',
    follows: 'suivi',
    overridden: 'décision contraire',
    why: 'Justification',
    reason: 'Motif',
    version: 'Version du modèle',
    none: '—',
  },
  en: {
    title: 'Final decision',
    loading: 'Loading…',
    model: 'The model recommends:',
    grant: 'Credit granted',
    refuse: 'Credit refused',
    context: (p: string, t: string) => `probability of default ${p}, refused from ${t}`,
    separator: '; ',
    recommendation: {
      accept: 'file to accept',
      refer: 'file to review closely',
      decline: 'file to decline',
    },
    yours: 'Your decision',
    follow: (d: string) => `Follow the model: ${d.toLowerCase()}`,
    override: (d: string) => `Decide against the model's opinion: ${d.toLowerCase()}`,
    justification: 'Justification',
    justificationHint: `Required: at least ${MIN_JUSTIFICATION} characters, kept in the audit trail.`,
    counter: (n: number) => `${n} / ${MIN_JUSTIFICATION} characters minimum`,
    chooseFirst: "First choose to follow the model's opinion or to decide against it.",
    category: 'Reason for the decision',
    chooseCategory: 'Choose a reason…',
    categoryMissing: 'Choose the reason for the decision from the list.',
    answers: 'Review request the decision answers',
    answersNone: 'None (a decision without a request from the client)',
    answersOne: (id: number, date: string) => `Request no. ${id} of ${date}`,
    tooShort: (missing: number) =>
      `The justification needs at least ${MIN_JUSTIFICATION} characters (${missing} more).`,
    submit: 'Record the decision',
    sending: 'Recording…',
    saved: (d: string, follows: boolean) =>
      `Decision recorded: ${d.toLowerCase()} (${follows ? "as the model's opinion" : "against the model's opinion"}).`,
    reviewClosed: (id: number) => `Review request no. ${id} is decided.`,
    history: 'Recorded decisions',
    noHistory: 'No decision recorded for this client yet.',
    at: 'Date',
    who: 'By',
    decision: 'Decision',
    followed: "Model's opinion",
    follows: 'followed',
    overridden: 'decided against it',
    why: 'Justification',
    reason: 'Reason',
    version: 'Model version',
    none: '—',
  },
};

/**
 * The adviser's final decision: the model's recommendation, follow it or override it with a
 * reason category and a justification (checked before sending, then by the API, which records it
 * in the audit trail), answering the client's open review request when there is one; then the
 * client's review requests with their status and outcome, and the decisions already recorded on
 * the client, newest first.
 */
export function DecisionPanel({ clientId }: { clientId: number }) {
  const t = useMessages(messages);
  const staff = useUser().role !== 'customer';
  const score = useApi(`/api/clients/${clientId}/score`);
  const history = useApi(`/api/clients/${clientId}/decisions`);
  const reviews = useApi(staff ? `/api/clients/${clientId}/reviews` : null);
  const onSaved = () => {
    history.reload();
    reviews.reload();
  };

  return (
    <section className="card decision-panel" aria-label={t.title}>
      <h2>{t.title}</h2>
      {score.error ? (
        <ErrorMessage error={score.error} onRetry={score.reload} />
      ) : !score.data ? (
        <p aria-busy="true">{t.loading}</p>
      ) : (
        <>
          <ModelRecommendation score={score.data} />
          {staff && (
            <DecisionForm
              clientId={clientId}
              score={score.data}
              openReviews={openReviews(reviews.data?.reviews ?? [])}
              onSaved={onSaved}
            />
          )}
        </>
      )}
      {staff && <ReviewRequests state={reviews} />}
      <h3>{t.history}</h3>
      {history.error ? (
        <ErrorMessage error={history.error} onRetry={history.reload} />
      ) : !history.data ? (
        <p aria-busy="true">{t.loading}</p>
      ) : (
        <DecisionHistory decisions={history.data.decisions} />
      )}
    </section>
  );
}

function ModelRecommendation({ score }: { score: Score }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const granted = score.decision === 'grant';
  return (
    <p className="decision-model">
      {t.model}{' '}
      <strong className={granted ? 'is-grant' : 'is-refuse'} data-model-decision={score.decision}>
        <span aria-hidden="true">{granted ? '✓' : '✕'}</span> {granted ? t.grant : t.refuse}
      </strong>{' '}
      (
      {t.context(
        formatPercent(score.probability, language),
        formatPercent(score.threshold, language),
      )}
      {score.recommendation ? `${t.separator}${t.recommendation[score.recommendation]}` : ''})
    </p>
  );
}

/** The requests a decision may still answer, oldest first (first come, first answered). */
function openReviews(reviews: ReviewRecord[]): ReviewRecord[] {
  return reviews
    .filter((r) => r.status !== 'decided')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
}

function DecisionForm(props: {
  clientId: number;
  score: Score;
  openReviews: ReviewRecord[];
  onSaved: () => void;
}) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const { score, openReviews: open } = props;
  const [choice, setChoice] = useState<Choice | null>(null);
  const [category, setCategory] = useState<ReasonCategory | null>(null);
  // The open request answered: the oldest by default, until the adviser picks another or none.
  const [answered, setAnswered] = useState<number | 'none' | null>(null);
  const reviewId = answered === 'none' ? null : (answered ?? open[0]?.id ?? null);
  const [justification, setJustification] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const ids = {
    text: useId(),
    hint: useId(),
    problem: useId(),
    category: useId(),
    review: useId(),
  };
  // A decision answering the client's request is, unless the adviser says otherwise, for it.
  const firstOpen = open[0]?.id;
  useEffect(() => {
    if (firstOpen !== undefined) setCategory((c) => c ?? 'review-request');
  }, [firstOpen]);
  const modelWords = score.decision === 'grant' ? t.grant : t.refuse;
  const otherWords = score.decision === 'grant' ? t.refuse : t.grant;
  // One Idempotency-Key per decision attempt: a retry of the same decision (no answer came back)
  // sends the same key, so the API records it once; another decision gets a new key.
  const attempt = useRef<{ key: string; request: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setFailure(null);
    const found = formProblem(choice, justification, category);
    if (found || choice === null || category === null) {
      setProblem(
        found?.kind === 'justification'
          ? t.tooShort(found.missing)
          : found?.kind === 'category'
            ? t.categoryMissing
            : t.chooseFirst,
      );
      return;
    }
    setProblem(null);
    setSending(true);
    try {
      const body = decisionBody(score.decision, choice, justification, category, reviewId);
      const path = `/api/clients/${props.clientId}/decisions` as const;
      const request = JSON.stringify([path, body]);
      if (attempt.current?.request !== request) {
        attempt.current = { key: newIdempotencyKey(), request };
      }
      const recorded = await api.post(path, body, { 'Idempotency-Key': attempt.current.key });
      attempt.current = null;
      const words = t.saved(
        recorded.decision === 'grant' ? t.grant : t.refuse,
        recorded.followsModel,
      );
      setSaved(recorded.reviewId ? `${words} ${t.reviewClosed(recorded.reviewId)}` : words);
      setChoice(null);
      setCategory(null);
      setAnswered(null);
      setJustification('');
      props.onSaved();
    } catch (error) {
      // The API names the field it refuses: a justification problem goes beside the text box.
      if (
        error instanceof ApiFailure &&
        error.status === 400 &&
        (error.field === 'body.justification' || error.field === 'body.reasonCategory')
      )
        setProblem(error.message);
      else setFailure(error);
    } finally {
      setSending(false);
    }
  };

  const trimmed = justification.trim().length;
  return (
    <form className="decision-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t.yours}</legend>
        <label>
          <input
            type="radio"
            name="decision-choice"
            value="follow"
            data-testid="decision-follow"
            checked={choice === 'follow'}
            onChange={() => {
              setChoice('follow');
              setProblem(null);
            }}
          />{' '}
          {t.follow(modelWords)}
        </label>
        <label>
          <input
            type="radio"
            name="decision-choice"
            value="override"
            data-testid="decision-override"
            checked={choice === 'override'}
            onChange={() => {
              setChoice('override');
              setProblem(null);
            }}
          />{' '}
          {t.override(otherWords)}
        </label>
      </fieldset>
      {open.length > 0 && (
        <div className="decision-field">
          <label htmlFor={ids.review}>{t.answers}</label>
          <select
            id={ids.review}
            data-testid="decision-review"
            value={reviewId ?? 'none'}
            onChange={(event) =>
              setAnswered(event.target.value === 'none' ? 'none' : Number(event.target.value))
            }
          >
            {open.map((r) => (
              <option key={r.id} value={r.id}>
                {t.answersOne(r.id, formatDateTime(r.createdAt, language))}
              </option>
            ))}
            <option value="none">{t.answersNone}</option>
          </select>
        </div>
      )}
      <div className="decision-field">
        <label htmlFor={ids.category}>{t.category}</label>
        <select
          id={ids.category}
          data-testid="decision-category"
          value={category ?? ''}
          aria-invalid={problem !== null && category === null}
          onChange={(event) => {
            const value = event.target.value;
            setCategory(isReasonCategory(value) ? value : null);
            setProblem(null);
          }}
        >
          <option value="">{t.chooseCategory}</option>
          {REASON_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {REASON_CATEGORY_WORDS[c][language]}
            </option>
          ))}
        </select>
      </div>
      <div className="decision-justification">
        <label htmlFor={ids.text}>{t.justification}</label>
        <p id={ids.hint} className="decision-hint">
          {t.justificationHint}
        </p>
        <textarea
          id={ids.text}
          data-testid="decision-justification"
          rows={3}
          maxLength={2000}
          value={justification}
          required
          aria-invalid={problem !== null && category !== null && choice !== null}
          aria-describedby={`${ids.hint}${problem ? ` ${ids.problem}` : ''}`}
          onChange={(event) => {
            setJustification(event.target.value);
            // The counter below says how it stands now; an older refusal would mislead.
            setProblem(null);
          }}
        />
        {choice !== null && (
          <p
            className={`decision-counter ${trimmed < MIN_JUSTIFICATION ? 'is-short' : ''}`}
            aria-live="polite"
          >
            {t.counter(trimmed)}
          </p>
        )}
      </div>
      {problem && (
        <p
          id={ids.problem}
          className="decision-problem"
          role="alert"
          data-testid="decision-problem"
        >
          {problem}
        </p>
      )}
      {failure !== null && <ErrorMessage error={failure} />}
      <button type="submit" className="primary" data-testid="decision-submit" disabled={sending}>
        {sending ? t.sending : t.submit}
      </button>
      {saved && (
        <p className="decision-saved" role="status" data-testid="decision-saved">
          {saved}
        </p>
      )}
    </form>
  );
}

function DecisionHistory({ decisions }: { decisions: DecisionRecord[] }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  if (decisions.length === 0)
    return (
      <p className="decision-empty" data-testid="decision-history">
        {t.noHistory}
      </p>
    );
  // The API answers newest first; sorted again so the order never depends on it.
  const sorted = [...decisions].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <div className="decision-history-wrap">
      <table data-testid="decision-history">
        <caption className="visually-hidden">{t.history}</caption>
        <thead>
          <tr>
            <th scope="col">{t.at}</th>
            <th scope="col">{t.who}</th>
            <th scope="col">{t.decision}</th>
            <th scope="col">{t.followed}</th>
            <th scope="col">{t.reason}</th>
            <th scope="col">{t.why}</th>
            <th scope="col">{t.version}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((d) => (
            <tr key={d.id} data-testid="decision-row" data-decision={d.decision}>
              <td>{formatDateTime(d.at, language)}</td>
              <td>{d.username ?? t.none}</td>
              <td>{d.decision === 'grant' ? t.grant : t.refuse}</td>
              <td>{d.followsModel ? t.follows : t.overridden}</td>
              <td>
                {d.reasonCategory ? REASON_CATEGORY_WORDS[d.reasonCategory][language] : t.none}
              </td>
              <td className="decision-why">{d.justification ?? t.none}</td>
              <td className="decision-version">{d.modelVersion ?? t.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
