import { type FormEvent, useRef, useState } from 'react';
import { ApiFailure, api, newIdempotencyKey } from '../api/client.ts';
import type { NewApplication, NewApplicationAnswer } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { applicationOf } from '../forms/application-form/body.ts';
import { FormFieldInput } from '../forms/application-form/FormFieldInput.tsx';
import {
  type FieldErrors,
  firstWithError,
  localFieldErrors,
  refusedField,
} from '../forms/application-form/field-errors.ts';
import { type FormField, NEW_APPLICATION_FIELDS } from '../forms/application-form/fields.ts';
import { TermField } from '../forms/application-form/TermField.tsx';
import { annuityForTypedTerm, movesTerm, termOf } from '../forms/application-form/term.ts';
import type { FormValues } from '../forms/application-form/values.ts';
import { useLanguage, useMessages } from '../i18n/language.tsx';
import { navigate } from '../router.tsx';
import { NewApplicationResult } from './new-application/NewApplicationResult.tsx';
import './NewApplicationPage.css';

const messages = {
  fr: {
    title: 'Nouvelle demande',
    notice:
      "Pour un client qui n'est pas encore dans nos données. Un nouveau client n'a aucun historique de crédit chez nous : le score repose uniquement sur la demande saisie ici. « Évaluer » simule sans rien enregistrer dans les dossiers (le calcul figure seulement au journal d'audit) ; « Enregistrer la demande » crée le dossier du client, la décision restant à prendre.",
    required: 'Obligatoire',
    optional: 'Facultatif — plus la demande est complète, plus le score est fiable',
    termHint: 'Saisir la durée calcule la mensualité pour le montant demandé.',
    submit: 'Évaluer',
    save: 'Enregistrer la demande',
    saving: 'Enregistrement…',
    computing: 'Calcul en cours…',
    fix: 'La demande ne peut pas être évaluée : corrigez les champs signalés.',
    empty: 'Remplissez au moins les champs obligatoires puis cliquez sur « Évaluer ».',
  },
  en: {
    title: 'New application',
    notice:
      'For an applicant who is not in our data yet. A new applicant has no credit history with us: the score rests on the application typed here alone. "Evaluate" simulates without recording anything in the files (the computation only appears in the audit trail); "Save the application" opens the client\'s file, the decision still to take.',
    required: 'Required',
    optional: 'Optional — the more complete the application, the more reliable the score',
    termHint: 'Typing the term computes the instalment for the requested amount.',
    submit: 'Evaluate',
    save: 'Save the application',
    saving: 'Saving…',
    computing: 'Computing…',
    fix: 'The application cannot be evaluated: correct the fields marked.',
    empty: 'Fill in at least the required fields, then press "Evaluate".',
  },
};

/**
 * Scores an applicant who is not in the database (POST /api/score with a whole application):
 * the required fields first, then the optional ones; "Évaluer" sends the filled fields only.
 * "Enregistrer la demande" stores the same application (POST /api/applications: scored, the
 * decision pending) and opens the new client's file. Fields refused before sending (empty, not a
 * number) or by the API are marked beside the input.
 */
export function NewApplicationPage() {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const [form, setForm] = useState<FormValues>({});
  const [termDraft, setTermDraft] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [answer, setAnswer] = useState<NewApplicationAnswer | null>(null);
  const [sentForm, setSentForm] = useState<FormValues | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [pending, setPending] = useState(false);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // One Idempotency-Key per save attempt: a retry of the same application (no answer came back)
  // sends the same key, so the API stores it once; another application gets a new key.
  const attempt = useRef<{ key: string; request: string } | null>(null);

  const set = (name: string, value: string) => {
    setForm((f) => ({ ...f, [name]: value }));
    setFieldErrors(({ [name]: _, ...rest }) => rest);
  };

  const focusField = (name: string) =>
    formRef.current?.querySelector<HTMLElement>(`[data-testid="new-field-${name}"]`)?.focus();

  /** The application to send, or null (the fields refused before sending are marked). */
  const checkedApplication = (): NewApplication | null => {
    setFailure(null);
    const draft = applicationOf(form);
    const local = localFieldErrors(draft);
    setFieldErrors(local);
    const first = firstWithError(NEW_APPLICATION_FIELDS, local);
    if (first) {
      focusField(first.name);
      return null;
    }
    // The form holds text: no compiler follows a typed value to its field's type. The draft has
    // every required field (checked above); the API checks each value, naming a refusal.
    return draft.application as NewApplication;
  };

  /** A refusal beside its field when the API names one, else the error message. */
  const showFailure = (error: unknown) => {
    const f = error instanceof ApiFailure ? error : new ApiFailure(0, 'CLIENT', String(error));
    const refused = refusedField(f, 'application', NEW_APPLICATION_FIELDS);
    if (refused) {
      setFieldErrors({ [refused.name]: refused.error });
      focusField(refused.name);
    } else setFailure(f);
  };

  const onSave = async () => {
    const application = checkedApplication();
    if (!application) return;
    setSaving(true);
    try {
      const body = { application, detail: 'reasons' as const };
      const request = JSON.stringify(body);
      if (attempt.current?.request !== request) {
        attempt.current = { key: newIdempotencyKey(), request };
      }
      const saved = await api.post('/api/applications', body, {
        'Idempotency-Key': attempt.current.key,
      });
      attempt.current = null;
      navigate(`/clients/${saved.clientId}`);
    } catch (error) {
      showFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const application = checkedApplication();
    if (!application) return;
    setPending(true);
    try {
      const result = await api.post('/api/score', { application, detail: 'reasons' });
      // An application is answered as a new application; a what-if answer is not this page's.
      if (result.history !== 'none')
        throw new ApiFailure(0, 'CLIENT', 'POST /api/score did not answer a new application');
      setAnswer(result);
      setSentForm(form);
    } catch (error) {
      showFailure(error);
    } finally {
      setPending(false);
    }
  };

  const hasLocalErrors = Object.keys(fieldErrors).length > 0;
  const term = termOf(form);
  // A typed term asks for the annuity that gives it, for the same amount.
  const typeTerm = (text: string) => {
    setTermDraft(text);
    const annuity = annuityForTypedTerm(form, text);
    if (annuity !== null) set('AMT_ANNUITY', annuity);
  };
  const stale = answer !== null && sentForm !== form;

  const renderField = (field: FormField) => (
    <FormFieldInput
      key={field.name}
      field={field}
      prefix="new"
      className="new-app-field"
      value={form[field.name] ?? ''}
      error={fieldErrors[field.name]}
      required={field.required}
      clearable
      onChange={(value) => {
        // The term follows credit / instalment again once either is typed.
        if (movesTerm(field.name)) setTermDraft(null);
        set(field.name, value);
      }}
    />
  );

  const termField = (
    <TermField
      key="term"
      id="new-term"
      className="new-app-field"
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
            {NEW_APPLICATION_FIELDS.filter((f) => f.required).map(renderField)}
          </fieldset>
          <fieldset>
            <legend>{t.optional}</legend>
            {NEW_APPLICATION_FIELDS.filter((f) => !f.required).flatMap((f) =>
              f.name === 'AMT_ANNUITY' ? [renderField(f), termField] : [renderField(f)],
            )}
          </fieldset>
          {hasLocalErrors && (
            <p className="field-error" role="alert">
              {t.fix}
            </p>
          )}
          <div className="new-app-actions">
            <button
              type="submit"
              className="primary"
              data-testid="new-submit"
              disabled={pending || saving}
            >
              {t.submit}
            </button>
            <button
              type="button"
              data-testid="new-save"
              disabled={pending || saving}
              onClick={() => void onSave()}
            >
              {saving ? t.saving : t.save}
            </button>
          </div>
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
