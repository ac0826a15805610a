import type { Language } from '../../i18n/language.tsx';

/** One side of the reasons (adverse or favourable) as a titled list; nothing when empty. */
export function ReasonList(props: {
  title: string;
  items: readonly { key: string; textFr: string; textEn: string }[];
  language: Language;
  /** The heading's level where the list sits. */
  level: 3 | 4;
}) {
  if (props.items.length === 0) return null;
  const Heading = props.level === 3 ? 'h3' : 'h4';
  return (
    <>
      <Heading>{props.title}</Heading>
      <ul>
        {props.items.map((r) => (
          <li key={r.key}>{props.language === 'fr' ? r.textFr : r.textEn}</li>
        ))}
      </ul>
    </>
  );
}
