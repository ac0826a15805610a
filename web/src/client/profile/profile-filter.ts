import type { Language } from '../../i18n/language.tsx';
import type { FileSection, FileValue } from './file-types.ts';

/** Lower case without accents, so "revenu" finds "Revenu" and "emploi" finds "Emploi". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

export function labelOf(item: { label_fr: string; label_en: string }, language: Language): string {
  return language === 'fr' ? item.label_fr : item.label_en;
}

/**
 * The sections to show: those not hidden, each narrowed to the fields whose label (in the
 * language shown) or column name contains the query; a section left without fields is dropped.
 */
export function visibleSections(
  sections: readonly FileSection[],
  options: { query: string; hidden: ReadonlySet<string>; language: Language },
): { section: FileSection; values: FileValue[] }[] {
  const query = fold(options.query);
  const out: { section: FileSection; values: FileValue[] }[] = [];
  for (const section of sections) {
    if (options.hidden.has(section.key)) continue;
    const values =
      query === ''
        ? section.values
        : section.values.filter(
            (v) =>
              fold(labelOf(v, options.language)).includes(query) ||
              v.name.toLowerCase().includes(query),
          );
    if (values.length > 0) out.push({ section, values });
  }
  return out;
}
