/**
 * The features a run left out, in words: one-hot columns folded back into their attribute
 * (CODE_GENDER__F, CODE_GENDER__M → le genre), the pipeline's reason translated when known.
 */
import type { Language } from '../../i18n/language.tsx';

const ATTRIBUTES: Record<string, Record<Language, string>> = {
  CODE_GENDER: { fr: 'le genre', en: 'gender' },
  NAME_FAMILY_STATUS: { fr: 'la situation familiale', en: 'family status' },
  AMT_GOODS_PRICE: { fr: 'le prix du bien', en: 'the goods price' },
  CREDIT_OVER_GOODS: {
    fr: "l'écart entre le crédit et le prix du bien",
    en: 'credit minus goods price',
  },
};

const PROTECTED: Record<Language, string> = {
  fr: "attributs protégés : écartés du modèle, utilisés seulement pour vérifier l'équité de ses décisions",
  en: 'protected attributes: left out of the model, used only to check the fairness of its decisions',
};

/** src/data/features/monotone.ts's LEFT_OUT_WHEN_MONOTONE, in the reader's words. */
const MONOTONE: Record<Language, string> = {
  fr: "modèle monotone : leur effet sur le risque n'a pas le même sens pour tous les clients ; le modèle les voit à travers le montant du crédit et la part du bien financée, dont le sens est établi",
  en: 'monotone model: their effect on the risk has no direction that holds for every client; the model sees them through the credit amount and the share of the goods financed, whose direction is settled',
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
    const said = reason.startsWith('protected attribute')
      ? PROTECTED[language]
      : reason.startsWith('monotone model')
        ? MONOTONE[language]
        : reason;
    const list = byReason.get(said) ?? [];
    if (!list.includes(words)) list.push(words);
    byReason.set(said, list);
  }
  return [...byReason].map(([reason, attributes]) => ({ attributes, reason }));
}
