/**
 * Words that agree with a number, through Intl.PluralRules: French takes the singular for 0 and 1
 * ("0 jour", "1 n'a pas remboursé"), English for exactly 1 ("0 days", "1 did not repay").
 */
import { type Language, LOCALES } from './numbers.ts';

const RULES: Record<Language, Intl.PluralRules> = {
  fr: new Intl.PluralRules(LOCALES.fr),
  en: new Intl.PluralRules(LOCALES.en),
};

/** The singular or the plural form, as the language agrees them with `n`. */
export function plural<T>(n: number, language: Language, forms: { one: T; other: T }): T {
  return RULES[language].select(n) === 'one' ? forms.one : forms.other;
}
