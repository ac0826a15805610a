import { type FormEvent, useRef, useState } from 'react';
import { ApiFailure, api } from '../api/client.ts';
import { categoryChoices } from '../client/compare/category-labels.ts';
import { annuityForTerm, parseTypedNumber, termOf } from '../client/whatif/fields.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useLanguage, useMessages } from '../i18n/language.tsx';
import type { NewApplicationAnswer } from './new-application/answer-types.ts';
import { FIELD_LABELS } from './new-application/field-labels.ts';
import { applicationOf, NEW_FIELDS, type NewField } from './new-application/fields.ts';
import { NewApplicationResult } from './new-application/NewApplicationResult.tsx';
import './NewApplicationPage.css';
import { TermField } from '../client/whatif/TermField.tsx';

const messages = {
  fr: {
    title: 'Nouvelle demande',
    notice:
      "Pour un client qui n'est pas encore dans nos données. Un nouveau client n'a aucun historique de crédit chez nous : le score repose uniquement sur la demande saisie ici. Rien n'est enregistré dans les dossiers (le calcul figure seulement au journal d'audit).",
    required: 'Obligatoire',
    optional: 'Facultatif — plus la demande est complète, plus le score est fiable',
    requiredMark: '(obligatoire)',
    choose: 'Choisir…',
    unknown: '—',
    term: 'Durée du crédit (nombre de mensualités)',
    termHint: 'Saisir la durée calcule la mensualité pour le montant demandé.',
    submit: 'Évaluer',
    computing: 'Calcul en cours…',
    missing: 'Champ obligatoire.',
    notNumber: 'Saisissez un nombre (par exemple 350 000).',
    refused: 'Valeur refusée : ',
    fix: 'La demande ne peut pas être évaluée : corrigez les champs signalés.',
    empty: 'Remplissez au moins les champs obligatoires puis cliquez sur « Évaluer ».',
  },
  en: {
    title: 'New application',
    notice:
      'For an applicant who is not in our data yet. A new applicant has no credit history with us: the score rests on the application typed here alone. Nothing is recorded in the files (the computation only appears in the audit trail).',
    required: 'Required',
    optional: 'Optional — the more complete the application, the more reliable the score',
    requiredMark: '(required)',
    choose: 'Choose…',
    unknown: '—',
    term: 'Loan term (number of instalments)',
    termHint: 'Typing the term computes the instalment for the requested amount.',
    submit: 'Evaluate',
    computing: 'Computing…',
    missing: 'Required field.',
    notNumber: 'Type a number (for example 350000).',
    refused: 'Value refused: ',
    fix: 'The application cannot be evaluated: correct the fields marked.',
    empty: 'Fill in at least the required fields, then press "Evaluate".',
  },
};

const SERVER_PREFIX = 'body.application.';

/**
 * Scores an applicant who is not in the database (POST /api/score with a whole application):
 * the required fields first, then the optional ones; "Évaluer" sends the filled fields only.
 * Fields refused before sending (empty, not a number) or by the API are marked beside the input.
 */
export function NewApplicationPage() {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const [form, setForm] = useState<Record<string, string>>({});
  const [termDraft, setTermDraft] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [answer, setAnswer] = useState<NewApplicationAnswer | null>(null);
  const [sentForm, setSentForm] = useState<Record<string, string> | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const set = (name: string, value: string) => {
    setForm((f) => ({ ...f, [name]: value }));
    setFieldErrors(({ [name]: _, ...rest }) => rest);
  };

  const focusField = (name: string) =>
    formRef.current?.querySelector<HTMLElement>(`[data-testid="new-field-${name}"]`)?.focus();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const draft = applicationOf(form);
    const local: Record<string, string> = {};
    for (const name of draft.missing) local[name] = t.missing;
    for (const name of draft.invalid) local[name] = t.notNumber;
    setFieldErrors(local);
    const first = NEW_FIELDS.find((f) => local[f.name] !== undefined);
    if (first) {
      focusField(first.name);
      return;
    }
    setPending(true);
    try {
      const result = await api.post<NewApplicationAnswer>('/api/score', {
        application: draft.application,
        detail: 'reasons',
      });
      setAnswer(result);
      setSentForm(form);
    } catch (error) {
      const f = error instanceof ApiFailure ? error : new ApiFailure(0, 'CLIENT', String(error));
      const name = f.field?.startsWith(SERVER_PREFIX) ? f.field.slice(SERVER_PREFIX.length) : null;
      if (f.status === 400 && name && NEW_FIELDS.some((field) => field.name === name)) {
        setFieldErrors({ [name]: t.refused + f.message });
        focusField(name);
      } else setFailure(f);
    } finally {
      setPending(false);
    }
  };

  const hasLocalErrors = Object.keys(fieldErrors).length > 0;
  const term = termOf(form);
  // A typed term asks for the annuity that gives it, for the same amount.
  const typeTerm = (text: string) => {
    setTermDraft(text);
    const months = parseTypedNumber(text);
    const annuity = months === null ? null : annuityForTerm(form, months);
    if (annuity !== null) set('AMT_ANNUITY', annuity);
  };
  const stale = answer !== null && sentForm !== form;

  const renderField = (field: NewField) => {
    const id = `new-${field.name}`;
    const message = fieldErrors[field.name];
    const labels = FIELD_LABELS[field.name];
    const label = labels ? labels[language === 'fr' ? 0 : 1] : field.name;
    const common = {
      id,
      name: field.name,
      'data-testid': `new-field-${field.name}`,
      'aria-required': field.required ? true : undefined,
      'aria-invalid': message ? true : undefined,
      'aria-describedby': message ? `${id}-error` : undefined,
    } as const;
    return (
      <div className="new-app-field" key={field.name}>
        <label htmlFor={id}>
          {label}
          {field.required && <span className="visually-hidden"> {t.requiredMark}</span>}
        </label>
        {field.kind === 'category' ? (
          <select
            {...common}
            value={form[field.name] ?? ''}
            onChange={(e) => set(field.name, e.target.value)}
          >
            <option value="">{field.required ? t.choose : t.unknown}</option>
            {categoryChoices(field.name, language).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...common}
            inputMode={field.kind === 'count' ? 'numeric' : 'decimal'}
            autoComplete="off"
            value={form[field.name] ?? ''}
            onChange={(e) => {
              // The term follows credit / instalment again once either is typed.
              if (field.name === 'AMT_CREDIT' || field.name === 'AMT_ANNUITY') setTermDraft(null);
              set(field.name, e.target.value);
            }}
          />
        )}
        {message && (
          <span id={`${id}-error`} className="field-error" data-testid={`new-error-${field.name}`}>
            {message}
          </span>
        )}
      </div>
    );
  };

  const termField = (
    <TermField
      key="term"
      id="new-term"
      className="new-app-field"
      label={t.term}
      hint={t.termHint}
      term={term}
      draft={termDraft}
      language={language}
      onType={typeTerm}
    />
  );

  return (
    <section className="new-app" aria-labelledby="new-app-title" data-testid="new-application-page">
      <h1 id="new-app-title">{t.title}</h1>
      <p className="new-app-notice" role="note">
        {t.notice}
      </p>
      <div className="new-app-grid">
        <form ref={formRef} className="card new-app-form" noValidate onSubmit={onSubmit}>
          <fieldset>
            <legend>{t.required}</legend>
            {NEW_FIELDS.filter((f) => f.required).map(renderField)}
          </fieldset>
          <fieldset>
            <legend>{t.optional}</legend>
            {NEW_FIELDS.filter((f) => !f.required).flatMap((f) =>
              f.name === 'AMT_ANNUITY' ? [renderField(f), termField] : [renderField(f)],
            )}
          </fieldset>
          {hasLocalErrors && (
            <p className="field-error" role="alert">
              {t.fix}
            </p>
          )}
          <button type="submit" className="primary" data-testid="new-submit" disabled={pending}>
            {t.submit}
          </button>
        </form>
        <div className="card new-app-result" aria-live="polite">
          {pending && <p aria-busy="true">{t.computing}</p>}
          {failure && <ErrorMessage error={failure} />}
          {answer ? (
            <NewApplicationResult answer={answer} stale={stale} />
          ) : (
            !pending && !failure && <p className="new-app-empty">{t.empty}</p>
          )}
        </div>
      </div>
    </section>
  );
}
