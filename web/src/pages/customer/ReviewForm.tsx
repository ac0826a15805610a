import { type FormEvent, useRef, useState } from 'react';
import { ApiFailure, api, newIdempotencyKey } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatNumber } from '../../format/index.ts';
import { FormFieldInput } from '../../forms/application-form/FormFieldInput.tsx';
import { type FieldErrors, localFieldErrors } from '../../forms/application-form/field-errors.ts';
import type { FormValues } from '../../forms/application-form/values.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import {
  CORRECTION_FIELDS,
  POINT_OF_VIEW_MAX,
  POINT_OF_VIEW_MIN,
  type PointOfViewProblem,
  reviewDraft,
} from './review-draft.ts';

const messages = {
  fr: {
    title: 'Demander un réexamen par une personne',
    intro:
      'Un conseiller réexaminera votre dossier. Dites-nous votre point de vue ; si une information de votre demande est inexacte, indiquez la bonne valeur.',
    pointOfView: 'Votre point de vue',
    hint: (min: string, max: string) => `Entre ${min} et ${max} caractères.`,
    count: (n: string) => `${n} caractère(s)`,
    tooShort: (min: string, n: string) =>
      `Votre point de vue est trop court : au moins ${min} caractères (${n} pour l’instant).`,
    tooLong: (max: string, n: string) =>
      `Votre point de vue est trop long : au plus ${max} caractères (${n} pour l’instant).`,
    corrections: 'Corriger une information de ma demande (facultatif)',
    correctionsHint: 'Remplissez seulement les champs à corriger, avec la bonne valeur.',
    submit: 'Envoyer ma demande',
    sending: 'Envoi…',
    fix: 'Corrigez les champs signalés avant d’envoyer.',
    sent: 'Votre demande a bien été reçue. Vous suivrez son avancement ci-dessous.',
  },
  en: {
    title: 'Request a review by a person',
    intro:
      'An adviser will review your file. Tell us your point of view; if information in your application is wrong, give the right value.',
    pointOfView: 'Your point of view',
    hint: (min: string, max: string) => `Between ${min} and ${max} characters.`,
    count: (n: string) => `${n} character(s)`,
    tooShort: (min: string, n: string) =>
      `Your point of view is too short: at least ${min} characters (${n} so far).`,
    tooLong: (max: string, n: string) =>
      `Your point of view is too long: at most ${max} characters (${n} so far).`,
    corrections: 'Correct information in my application (optional)',
    correctionsHint: 'Fill in only the fields to correct, with the right value.',
    submit: 'Send my request',
    sending: 'Sending…',
    fix: 'Correct the fields marked before sending.',
    sent: 'Your request was received. You can follow it below.',
  },
};

const BODY_FIELD = 'body.pointOfView';
const CORRECTION_PREFIX = 'body.corrections.';

/**
 * The human review request (POST /api/clients/:id/reviews): the point of view, checked against
 * the API's limits before sending, and optional corrected fields (the application form's fields,
 * each error beside its field). One Idempotency-Key per request: the same on a retry of the same
 * words, so a lost answer never files it twice.
 */
export function ReviewForm({ clientId, onSent }: { clientId: number; onSent: () => void }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const n = (v: number) => formatNumber(v, language);
  const [text, setText] = useState('');
  const [corrections, setCorrections] = useState<FormValues>({});
  const [textProblem, setTextProblem] = useState<PointOfViewProblem | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);

  const problemText = (p: PointOfViewProblem) =>
    p.kind === 'tooShort'
      ? t.tooShort(n(POINT_OF_VIEW_MIN), n(p.length))
      : t.tooLong(n(POINT_OF_VIEW_MAX), n(p.length));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setSent(false);
    setFailure(null);
    const draft = reviewDraft(text, corrections);
    setTextProblem(draft.pointOfView);
    setFieldErrors(localFieldErrors({ invalid: draft.invalid }));
    if (draft.pointOfView) {
      textArea.current?.focus();
      return;
    }
    if (draft.invalid.length > 0) {
      document.getElementById(`review-${draft.invalid[0]}`)?.focus();
      return;
    }
    // The same words sent again (a retry) keep their key; other words are another request.
    const serialised = JSON.stringify(draft.body);
    if (attempt.current?.body !== serialised) {
      attempt.current = { body: serialised, key: newIdempotencyKey() };
    }
    setSending(true);
    try {
      await api.post(`/api/clients/${clientId}/reviews`, draft.body, {
        'Idempotency-Key': attempt.current.key,
      });
      attempt.current = null;
      setText('');
      setCorrections({});
      setSent(true);
      onSent();
    } catch (error) {
      const apiFailure =
        error instanceof ApiFailure ? error : new ApiFailure(0, 'CLIENT', String(error));
      const field = apiFailure.status === 400 ? apiFailure.field : undefined;
      if (field === BODY_FIELD) {
        setFailure(apiFailure);
        textArea.current?.focus();
      } else if (field?.startsWith(CORRECTION_PREFIX)) {
        const name = field.slice(CORRECTION_PREFIX.length);
        setFieldErrors({ [name]: { kind: 'refused', message: apiFailure.message } });
        document.getElementById(`review-${name}`)?.focus();
      } else setFailure(apiFailure);
    } finally {
      setSending(false);
    }
  };

  const described = ['review-text-hint', textProblem ? 'review-text-error' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <section className="card customer-section" aria-labelledby="review-title">
      <h2 id="review-title">{t.title}</h2>
      <p>{t.intro}</p>
      <form className="review-form" data-testid="review-form" onSubmit={onSubmit} noValidate>
        <label htmlFor="review-text">{t.pointOfView}</label>
        <textarea
          id="review-text"
          ref={textArea}
          data-testid="review-text"
          rows={6}
          value={text}
          aria-invalid={textProblem ? true : undefined}
          aria-describedby={described}
          onChange={(e) => {
            setText(e.target.value);
            // A problem shown goes away as soon as it is fixed.
            if (textProblem) setTextProblem(reviewDraft(e.target.value, {}).pointOfView);
          }}
        />
        <span id="review-text-hint" className="customer-muted">
          {t.hint(n(POINT_OF_VIEW_MIN), n(POINT_OF_VIEW_MAX))} {t.count(n(text.trim().length))}
        </span>
        {textProblem && (
          <span id="review-text-error" className="field-error" data-testid="review-text-error">
            {problemText(textProblem)}
          </span>
        )}
        <details className="review-corrections">
          <summary>{t.corrections}</summary>
          <p className="customer-muted">{t.correctionsHint}</p>
          <div className="review-fields">
            {CORRECTION_FIELDS.map((field) => (
              <FormFieldInput
                key={field.name}
                field={field}
                prefix="review"
                className="review-field"
                value={corrections[field.name] ?? ''}
                error={fieldErrors[field.name]}
                clearable
                onChange={(value) => setCorrections((c) => ({ ...c, [field.name]: value }))}
              />
            ))}
          </div>
        </details>
        {Object.keys(fieldErrors).length > 0 && <p className="field-error">{t.fix}</p>}
        {failure && <ErrorMessage error={failure} />}
        <div>
          <button type="submit" data-testid="review-submit" disabled={sending}>
            {sending ? t.sending : t.submit}
          </button>
        </div>
        {sent && (
          <p role="status" data-testid="review-sent">
            {t.sent}
          </p>
        )}
      </form>
    </section>
  );
}
