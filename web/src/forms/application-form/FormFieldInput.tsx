import type { ReactNode } from 'react';
import { useCategories } from '../../api/categories.tsx';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import type { FieldError } from './field-errors.ts';
import { type FormField, fieldLabel } from './fields.ts';

const messages = {
  fr: {
    requiredMark: '(obligatoire)',
    choose: 'Choisir…',
    unknown: '—',
    missing: 'Champ obligatoire.',
    notNumber: 'Saisissez un nombre (par exemple 350 000).',
    refused: 'Valeur refusée : ',
  },
  en: {
    requiredMark: '(required)',
    choose: 'Choose…',
    unknown: '—',
    missing: 'Required field.',
    notNumber: 'Type a number (for example 350000).',
    refused: 'Value refused: ',
  },
};

export type FieldErrorMessages = (typeof messages)['fr'];

/** An error in words, as shown beside its field. */
export function fieldErrorText(error: FieldError, t: FieldErrorMessages): string {
  if (error.kind === 'missing') return t.missing;
  if (error.kind === 'notNumber') return t.notNumber;
  return t.refused + error.message;
}

/**
 * One field of an application form: its label, a select of the data's values (categories) or a
 * text input (numbers, typed as a person types them), and its error beside it, tied to the input
 * by aria-describedby. Ids follow `prefix`: `${prefix}-${name}` for the input, test ids
 * `${prefix}-field-${name}` and `${prefix}-error-${name}`.
 */
export function FormFieldInput(props: {
  field: FormField;
  prefix: string;
  className: string;
  value: string;
  error: FieldError | undefined;
  onChange: (value: string) => void;
  /** Marks the field required (label, aria-required, "Choisir…" as a select's empty choice). */
  required?: boolean;
  /**
   * A select offers its empty choice always (the field may be left unknown); otherwise only
   * while it is empty.
   */
  clearable?: boolean;
  /** Said under the field (e.g. what the loan rule did to it), tied to it by aria-describedby. */
  note?: ReactNode;
}) {
  const { field, prefix, value, error, onChange, required = false, clearable = false } = props;
  const t = useMessages(messages);
  const { language } = useLanguage();
  const categories = useCategories();
  const id = `${prefix}-${field.name}`;
  const common = {
    id,
    name: field.name,
    'data-testid': `${prefix}-field-${field.name}`,
    'aria-required': required ? true : undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby':
      [error ? `${id}-error` : '', props.note ? `${id}-note` : ''].filter(Boolean).join(' ') ||
      undefined,
  } as const;
  return (
    <div className={props.className}>
      <label htmlFor={id}>
        {fieldLabel(field, language)}
        {required && <span className="visually-hidden"> {t.requiredMark}</span>}
      </label>
      {field.kind === 'category' ? (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          {(clearable || value === '') && (
            <option value="">{required ? t.choose : t.unknown}</option>
          )}
          {categories.choices(field.name, language, value).map(([choice, label]) => (
            <option key={choice} value={choice}>
              {label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          inputMode={field.kind === 'count' ? 'numeric' : 'decimal'}
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {error && (
        <span
          id={`${id}-error`}
          className="field-error"
          data-testid={`${prefix}-error-${field.name}`}
        >
          {fieldErrorText(error, t)}
        </span>
      )}
      {props.note && (
        <span id={`${id}-note`} className="field-hint" data-testid={`${prefix}-note-${field.name}`}>
          {props.note}
        </span>
      )}
    </div>
  );
}
