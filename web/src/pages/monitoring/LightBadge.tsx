import { useLanguage } from '../../i18n/language.tsx';
import { LIGHT_MARKS, LIGHT_WORDS, type Light } from './monitoring-view.ts';

/** A traffic light: its colour, a mark of its own shape, and its word. */
export function LightBadge({ light }: { light: Light }) {
  const { language } = useLanguage();
  return (
    <span className={`light-badge light-${light}`} data-light={light}>
      <span aria-hidden="true">{LIGHT_MARKS[light]}</span> {LIGHT_WORDS[language][light]}
    </span>
  );
}
