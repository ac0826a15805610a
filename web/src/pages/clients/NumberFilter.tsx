import { useEffect, useId, useRef, useState } from 'react';

export interface NumberFilterProps {
  label: string;
  testId: string;
  /** The value in the URL (undefined: no filter). */
  value: number | undefined;
  min: number;
  max: number;
  /** The sentence shown under a value outside [min, max] or not a whole number. */
  invalidText: string;
  /** Called once typing pauses, with a valid value or undefined for an emptied field. */
  onCommit: (value: number | undefined) => void;
  /** An error about this field from its pair (min above max), shown like its own. */
  pairError?: string | null;
  /** Pause before committing, in ms. */
  delay?: number;
}

/**
 * A labelled whole-number filter: what is typed is kept as typed, checked, and passed on only when
 * typing pauses, so each keystroke is neither a request nor a history entry. A value changed from
 * outside (back/forward) replaces the draft.
 */
export function NumberFilter(props: NumberFilterProps) {
  const { label, testId, value, min, max, invalidText, onCommit, pairError, delay = 450 } = props;
  const id = useId();
  const [draft, setDraft] = useState(value === undefined ? '' : String(value));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    setDraft(value === undefined ? '' : String(value));
  }, [value]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const trimmed = draft.trim();
  const parsed = trimmed === '' ? undefined : Number(trimmed);
  const valid = parsed === undefined || (/^-?\d+$/.test(trimmed) && parsed >= min && parsed <= max);
  const error = valid ? (pairError ?? null) : invalidText;

  const onChange = (next: string) => {
    setDraft(next);
    if (timer.current) clearTimeout(timer.current);
    const text = next.trim();
    const n = text === '' ? undefined : Number(text);
    if (n !== undefined && !(/^-?\d+$/.test(text) && n >= min && n <= max)) return;
    timer.current = setTimeout(() => {
      if (n !== value) onCommit(n);
    }, delay);
  };

  return (
    <div className="clients-number-filter">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid={testId}
        type="number"
        inputMode="numeric"
        step={1}
        min={min}
        max={max}
        value={draft}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <span id={`${id}-error`} className="clients-field-error">
          {error}
        </span>
      )}
    </div>
  );
}
