import type { Language } from '../../i18n/language.tsx';

/** Lower case without accents, so "revenu" finds "Revenu" and "emploi" finds "Emploi". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

export function labelOf(item: { label_fr: string; label_en: string }, language: Language): string {
  return language === 'fr' ? item.label_fr : item.label_en;
}

/** A field as the filter sees it: its labels, its column and the columns folded into it. */
type Searchable = { name: string; label_fr: string; label_en: string; merged?: readonly string[] };

/**
 * The sections to show: those not hidden, each narrowed to the fields whose label (in the
 * language shown) or column name (its own or one folded into it) contains the query; a section
 * left without fields is dropped.
 */
export function visibleSections<S extends { key: string; values: readonly Searchable[] }>(
  sections: readonly S[],
  options: { query: string; hidden: ReadonlySet<string>; language: Language },
): { section: S; values: S['values'][number][] }[] {
  const query = fold(options.query);
  const matches = (v: Searchable) =>
    fold(labelOf(v, options.language)).includes(query) ||
    [v.name, ...(v.merged ?? [])].some((name) => name.toLowerCase().includes(query));
  const out: { section: S; values: S['values'][number][] }[] = [];
  for (const section of sections) {
    if (options.hidden.has(section.key)) continue;
    const values = query === '' ? [...section.values] : section.values.filter(matches);
    if (values.length > 0) out.push({ section, values });
  }
  return out;
}
