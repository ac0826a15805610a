/**
 * The features a run left out, in words: one-hot columns folded back into their attribute
 * (CODE_GENDER__F, CODE_GENDER__M → le genre), the pipeline's reason translated when known.
 */
import type { Language } from '../../i18n/language.tsx';

const ATTRIBUTES: Record<string, Record<Language, string>> = {
  CODE_GENDER: { fr: 'le genre', en: 'gender' },
  NAME_FAMILY_STATUS: { fr: 'la situation familiale', en: 'family status' },
};

const PROTECTED: Record<Language, string> = {
  fr: "attributs protégés : écartés du modèle, utilisés seulement pour vérifier l'équité de ses décisions",
  en: 'protected attributes: left out of the model, used only to check the fairness of its decisions',
};

export interface ExcludedGroup {
  /** The attributes in words, in first-seen order. */
  attributes: string[];
  reason: string;
}

export function excludedInWords(
  excluded: readonly { name: string; reason: string }[],
  language: Language,
): ExcludedGroup[] {
  const byReason = new Map<string, string[]>();
  for (const { name, reason } of excluded) {
    const column = name.split('__')[0] ?? name;
    const words = ATTRIBUTES[column]?.[language] ?? column;
    const said = reason.startsWith('protected attribute') ? PROTECTED[language] : reason;
    const list = byReason.get(said) ?? [];
    if (!list.includes(words)) list.push(words);
    byReason.set(said, list);
  }
  return [...byReason].map(([reason, attributes]) => ({ attributes, reason }));
}
