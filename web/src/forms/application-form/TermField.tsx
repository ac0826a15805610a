import { formatNumber } from '../../i18n/format.ts';
import type { Language } from '../../i18n/language.tsx';
import { TERM_LABEL } from './fields.ts';

/**
 * The loan's term in months (credit / annuity): shown in whole months unless the person is typing
 * (credit / annuity is rarely a round number); a typed term asks for the annuity that gives it.
 */
export function TermField(props: {
  id: string;
  className: string;
  hint: string;
  /** The term the form's credit and annuity give; null when they give none. */
  term: number | null;
  /** What the person is typing, kept until credit or annuity change. */
  draft: string | null;
  language: Language;
  onType: (text: string) => void;
}) {
  const { id, term, draft, language } = props;
  return (
    <div className={props.className}>
      <label htmlFor={id}>{TERM_LABEL[language]}</label>
      <input
        id={id}
        data-testid={id}
        inputMode="decimal"
        autoComplete="off"
        aria-describedby={`${id}-hint`}
        value={draft ?? (term === null ? '' : formatNumber(term, language, 0))}
        onChange={(e) => props.onType(e.target.value)}
      />
      <span id={`${id}-hint`} className="field-hint">
        {props.hint}
      </span>
    </div>
  );
}
