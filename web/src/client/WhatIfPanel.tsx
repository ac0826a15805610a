import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { ApiFailure, api } from '../api/client.ts';
import type { FieldChange, RecourseProposal, Score, WhatIfAnswer } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { changesOf } from '../forms/application-form/body.ts';
import { FormFieldInput } from '../forms/application-form/FormFieldInput.tsx';
import {
  type FieldError,
  localFieldErrors,
  refusedField,
} from '../forms/application-form/field-errors.ts';
import { WHATIF_FIELDS } from '../forms/application-form/fields.ts';
import { TermField } from '../forms/application-form/TermField.tsx';
import { annuityForTypedTerm, movesTerm, shownTerm } from '../forms/application-form/term.ts';
import { type FormValues, formFromFile } from '../forms/application-form/values.ts';
import { formatAmount, formatNumber, formatPercent } from '../i18n/format.ts';
import { type Language, useLanguage, useMessages } from '../i18n/language.tsx';
import './WhatIfPanel.css';
import { latestRunner } from './whatif/latest.ts';
import { ReasonList } from './whatif/ReasonList.tsx';
import { RecourseSuggestions } from './whatif/RecourseSuggestions.tsx';
import { signedChange } from './whatif/signed.ts';

const messages = {
  fr: {
    title: 'Simulation',
    notice:
      "Simulation : rien n'est enregistré. Le dossier réel et la décision ne changent pas tant qu'un conseiller ne les modifie pas.",
    form: 'Demande simulée',
    termHint: 'Changer la durée recalcule la mensualité pour le même montant.',
    reset: 'Revenir au dossier réel',
    loading: 'Chargement du dossier…',
    result: 'Résultat de la simulation',
    real: 'Dossier réel',
    computing: 'Calcul en cours…',
    probability: 'Probabilité de défaut\u00a0: ',
    grant: 'Accordé',
    refuse: 'Refusé',
    points: 'points',
    up: 'hausse',
    down: 'baisse',
    same: 'Identique au dossier réel',
    delta: (pp: string, real: string) =>
      `${pp} point(s) de pourcentage par rapport au dossier réel (${real})`,
    pointsDelta: (d: string) => `${d} points de score`,
    adverse: 'Ce qui pèse contre',
    favourable: 'Ce qui joue en faveur',
    unchanged: 'Modifiez un champ : le score, la décision et les raisons se mettent à jour.',
    creditHint: 'Changer le montant garde la durée : la mensualité et le prix du bien suivent.',
    derived: {
      'same-term': (after: string, before: string) =>
        `Recalculée pour la même durée : ${after} (au lieu de ${before})`,
      'new-term': (after: string, before: string) =>
        `Recalculée pour la durée : ${after} (au lieu de ${before})`,
      'follows-amount': (after: string, before: string) =>
        `Suit le montant : ${after} (au lieu de ${before})`,
    },
    goodsFollow: 'Le prix du bien suit le montant',
    outOfRange: 'Hors des situations connues du modèle : le score est à lire avec prudence.',
  },
  en: {
    title: 'What if',
    notice:
      'Simulation: nothing is recorded. The real file and the decision do not change unless an adviser changes them.',
    form: 'Simulated application',
    termHint: 'Changing the term recomputes the annuity for the same amount.',
    reset: 'Back to the real file',
    loading: 'Loading the file…',
    result: 'Result of the simulation',
    real: 'Real file',
    computing: 'Computing…',
    probability: 'Probability of default: ',
    grant: 'Granted',
    refuse: 'Refused',
    points: 'points',
    up: 'up',
    down: 'down',
    same: 'Same as the real file',
    delta: (pp: string, real: string) =>
      `${pp} percentage point(s) against the real file (${real})`,
    pointsDelta: (d: string) => `${d} score points`,
    adverse: 'What weighs against',
    favourable: 'What helps',
    unchanged: 'Change a field: the score, the decision and the reasons update.',
    creditHint: 'Changing the amount keeps the term: the annuity and the goods price follow.',
    derived: {
      'same-term': (after: string, before: string) =>
        `Recomputed for the same term: ${after} (was ${before})`,
      'new-term': (after: string, before: string) =>
        `Recomputed for the term: ${after} (was ${before})`,
      'follows-amount': (after: string, before: string) =>
        `Follows the amount: ${after} (was ${before})`,
    },
    goodsFollow: 'The goods price follows the amount',
    outOfRange: 'Outside the situations the model knows: read the score with caution.',
  },
};

/**
 * What-if: the application fields an adviser can change, prefilled from the file; as the person
 * types, the changed fields are scored (POST /api/score, debounced, stale answers dropped) and the
 * new probability, decision, change against the real file and reasons shown. A refusal of a field
 * by the API is shown beside that field.
 */
export function WhatIfPanel({ clientId }: { clientId: number }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const file = useApi(`/api/clients/${clientId}`);
  const real = useApi(`/api/clients/${clientId}/score`);
  const base = useMemo(() => (file.data ? formFromFile(file.data) : null), [file.data]);

  const [form, setForm] = useState<FormValues | null>(null);
  const [termDraft, setTermDraft] = useState<string | null>(null);
  const [result, setResult] = useState<WhatIfAnswer | null>(null);
  const [pending, setPending] = useState(false);
  const [refused, setRefused] = useState<{ name: string; error: FieldError } | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  // The loan rule's lock: unticked, the goods price stays when the amount changes.
  const [goodsFollow, setGoodsFollow] = useState(true);

  const runner = useRef(
    latestRunner(
      async (body: {
        clientId: number;
        changes: Record<string, string | number | null>;
        loan?: { goodsPrice: 'keep' };
      }) => {
        // Score and reasons are all this form shows: the light answer (no themes).
        const answer = await api.post('/api/score', { ...body, detail: 'reasons' });
        // A stored client's changes are answered as a what-if; anything else is not this form's.
        if (answer.history !== 'stored')
          throw new ApiFailure(0, 'CLIENT', 'POST /api/score did not answer a what-if');
        return answer;
      },
      {
        onResult: (answer) => {
          setResult(answer);
          setPending(false);
        },
        onError: (failure) => {
          setPending(false);
          const f =
            failure instanceof ApiFailure ? failure : new ApiFailure(0, 'CLIENT', String(failure));
          const named = refusedField(f, 'changes', WHATIF_FIELDS);
          if (named) setRefused(named);
          else setError(f);
        },
      },
    ),
  ).current;
  useEffect(() => () => runner.cancel(), [runner]);

  // A new file (another client, or the first load) resets the form to it.
  useEffect(() => {
    setForm(base);
    setResult(null);
  }, [base]);

  const pendingChanges = useMemo(() => (base && form ? changesOf(base, form) : null), [base, form]);
  const changeCount = pendingChanges ? Object.keys(pendingChanges.changes).length : 0;

  useEffect(() => {
    if (!pendingChanges) return;
    setRefused(null);
    setError(null);
    if (pendingChanges.invalid.length > 0 || Object.keys(pendingChanges.changes).length === 0) {
      runner.cancel();
      setPending(false);
      setResult(null);
      return;
    }
    setPending(true);
    runner.schedule({
      clientId,
      changes: pendingChanges.changes,
      ...(goodsFollow ? {} : { loan: { goodsPrice: 'keep' as const } }),
    });
  }, [pendingChanges, clientId, runner, goodsFollow]);

  if (file.error) return <ErrorMessage error={file.error} onRetry={file.reload} />;
  if (!form || !base) return <p aria-busy="true">{t.loading}</p>;

  const set = (name: string, value: string) => setForm((f) => (f ? { ...f, [name]: value } : f));
  const reset = () => {
    setTermDraft(null);
    setGoodsFollow(true);
    setForm(base);
  };
  const applyChanges = (changes: RecourseProposal['changes']) => {
    setTermDraft(null);
    const typed = Object.entries(changes).flatMap(([k, v]) =>
      v === undefined ? [] : [[k, String(v)]],
    );
    setForm((f) => (f ? { ...f, ...Object.fromEntries(typed) } : f));
  };

  const errors = {
    ...(refused ? { [refused.name]: refused.error } : {}),
    ...localFieldErrors({ invalid: pendingChanges?.invalid ?? [] }),
  };

  const term = shownTerm(base, form);
  // What the API's loan rule derived (the annuity, the goods price), shown under each field.
  const derived = new Map<string, FieldChange>(
    result && changeCount > 0
      ? result.changed.filter((c) => c.derived !== null).map((c) => [c.field, c])
      : [],
  );
  const amount = (v: FieldChange['after']) =>
    typeof v === 'number' ? formatAmount(v, language) : '—';
  const noteOf = (name: string) => {
    const change = derived.get(name);
    const said =
      change?.derived && t.derived[change.derived](amount(change.after), amount(change.before));
    if (name === 'AMT_CREDIT') return t.creditHint;
    if (name === 'AMT_GOODS_PRICE')
      return (
        <>
          {said}
          <label className="whatif-lock">
            <input
              type="checkbox"
              data-testid="whatif-goods-follow"
              checked={goodsFollow}
              onChange={(e) => setGoodsFollow(e.target.checked)}
            />{' '}
            {t.goodsFollow}
          </label>
        </>
      );
    return said || undefined;
  };
  // A typed term asks for the annuity that gives it, for the same amount.
  const typeTerm = (text: string) => {
    setTermDraft(text);
    const annuity = annuityForTypedTerm(form, text);
    if (annuity !== null) set('AMT_ANNUITY', annuity);
  };
  const shown = result && changeCount > 0 ? result.score : real.data;

  return (
    <section className="whatif-panel" aria-labelledby="whatif-title">
      <h2 id="whatif-title" className="visually-hidden">
        {t.title}
      </h2>
      <p className="whatif-notice" role="note">
        {t.notice}
      </p>
      {shown && (
        // On narrow screens the result sits below the form: this keeps its gist in view.
        <p className="whatif-summary" data-testid="whatif-summary" aria-hidden="true">
          {t.probability}
          <strong>{formatPercent(shown.probability, language)}</strong>{' '}
          <span className={`whatif-badge whatif-badge-${shown.decision}`}>
            {shown.decision === 'grant' ? t.grant : t.refuse}
          </span>
        </p>
      )}
      <div className="whatif-grid">
        <form className="card whatif-form" onSubmit={(e) => e.preventDefault()} aria-label={t.form}>
          {WHATIF_FIELDS.map((field) => (
            <Fragment key={field.name}>
              <FormFieldInput
                field={field}
                prefix="whatif"
                className="whatif-field"
                value={form[field.name] ?? ''}
                error={errors[field.name]}
                note={noteOf(field.name)}
                onChange={(value) => {
                  // The loan rule: a new amount keeps the term, so a typed term's annuity follows
                  // the amount (the file's term is kept by the API). Typing the annuity sets it.
                  const typedTerm = field.name === 'AMT_CREDIT' ? termDraft : null;
                  const annuity =
                    typedTerm === null
                      ? null
                      : annuityForTypedTerm({ ...form, AMT_CREDIT: value }, typedTerm);
                  if (annuity === null && movesTerm(field.name)) setTermDraft(null);
                  set(field.name, value);
                  if (annuity !== null) set('AMT_ANNUITY', annuity);
                }}
              />
              {field.name === 'AMT_ANNUITY' && (
                <TermField
                  id="whatif-term"
                  className="whatif-field"
                  hint={t.termHint}
                  term={term}
                  draft={termDraft}
                  language={language}
                  onType={typeTerm}
                />
              )}
            </Fragment>
          ))}
          <button
            type="button"
            onClick={reset}
            data-testid="whatif-reset"
            disabled={changeCount === 0}
          >
            {t.reset}
          </button>
        </form>

        <div className="card whatif-result" aria-live="polite">
          <h3>{changeCount > 0 ? t.result : t.real}</h3>
          {error && <ErrorMessage error={error} />}
          {real.error && <ErrorMessage error={real.error} onRetry={real.reload} />}
          {shown && (
            <ResultFigures
              probability={shown.probability}
              decision={shown.decision}
              points={shown.points}
              real={real.data}
              changed={changeCount > 0 && result !== null}
              labels={t}
              language={language}
            />
          )}
          {pending && <p aria-busy="true">{t.computing}</p>}
          {result && changeCount > 0 && result.outOfRange.length > 0 && (
            <div className="whatif-out-of-range" data-testid="whatif-out-of-range">
              <p>{t.outOfRange}</p>
              <ul>
                {result.outOfRange.map((o) => (
                  <li key={o.feature}>{language === 'fr' ? o.textFr : o.textEn}</li>
                ))}
              </ul>
            </div>
          )}
          <div data-testid="whatif-reasons">
            {result && changeCount > 0 ? (
              <>
                <ReasonList
                  level={4}
                  title={t.adverse}
                  items={result.reasons.adverse}
                  language={language}
                />
                <ReasonList
                  level={4}
                  title={t.favourable}
                  items={result.reasons.favourable}
                  language={language}
                />
              </>
            ) : (
              <p className="compare-note">{t.unchanged}</p>
            )}
          </div>
          {real.data?.decision === 'refuse' && (
            <RecourseSuggestions clientId={clientId} onApply={applyChanges} />
          )}
        </div>
      </div>
    </section>
  );
}

type Messages = (typeof messages)['fr'];

/** The simulated (or real) probability, decision and points, and the change against the real file. */
function ResultFigures(props: {
  probability: number;
  decision: 'grant' | 'refuse';
  points: number;
  real: Score | null;
  changed: boolean;
  labels: Messages;
  language: Language;
}) {
  const l = props.labels;
  const { language } = props;
  const delta = props.real ? props.probability - props.real.probability : 0;
  const pp = 100 * delta;
  return (
    <div className="whatif-figures">
      <p>
        {l.probability}
        <strong data-testid="whatif-probability" data-probability={props.probability}>
          {formatPercent(props.probability, language)}
        </strong>
      </p>
      <p>
        <span
          data-testid="whatif-decision"
          data-decision={props.decision}
          className={`whatif-badge whatif-badge-${props.decision}`}
        >
          {props.decision === 'grant' ? l.grant : l.refuse}
        </span>{' '}
        <span className="whatif-points">
          {formatNumber(props.points, language)} {l.points}
        </span>
      </p>
      {props.changed && props.real && (
        <p className="whatif-delta" data-testid="whatif-delta">
          {Math.abs(pp) < 0.05 ? (
            l.same
          ) : (
            <>
              <span aria-hidden="true" className={pp > 0 ? 'arrow-up' : 'arrow-down'}>
                {pp > 0 ? '↑' : '↓'}
              </span>
              <span className="visually-hidden">{pp > 0 ? l.up : l.down}</span>{' '}
              {l.delta(
                signedChange(pp, language, 1),
                formatPercent(props.real.probability, language),
              )}
              {language === 'fr' ? ' ; ' : '; '}
              {l.pointsDelta(signedChange(props.points - props.real.points, language))}
            </>
          )}
        </p>
      )}
    </div>
  );
}
