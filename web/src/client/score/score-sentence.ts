import { formatNumber, type Language, plural } from '../../format/index.ts';

/** Who reads the sentence: an adviser about the client, or the applicant about themself. */
export type Audience = 'adviser' | 'customer';

/** Out of 100 clients at the same level of risk, how many default: round(100 · p). */
export function outOf100(probability: number): number {
  return Math.round(100 * probability);
}

const OPENING = {
  fr: {
    adviser: 'Sur 100 clients au même niveau de risque',
    customer: 'Sur 100 clients au même niveau de risque que vous',
  },
  en: {
    adviser: 'Out of 100 clients at the same level of risk',
    customer: 'Out of 100 clients at the same level of risk as you',
  },
} as const;

/**
 * The probability of default as one sentence a non-expert understands: "Sur 100 clients au même
 * niveau de risque, environ 12 ne remboursent pas leur crédit." It speaks of clients the model
 * gives the same probability, not of similar clients (the comparison tab counts those), and it is
 * checked against the holdout: the model card's "score sentence" table gives, for each N, the
 * observed default rate of the holdout clients within ±1 point of N % (src/model/evaluation/
 * sentence-check.ts). Below half a client in 100 the count would read "environ 0", which is false:
 * it says "moins d'un" instead. The verb agrees with the number (Intl.PluralRules).
 */
export function riskLevelSentence(
  probability: number,
  language: Language,
  audience: Audience = 'adviser',
): string {
  const opening = OPENING[language][audience];
  const n = outOf100(probability);
  if (language === 'fr') {
    if (100 * probability < 0.5) return `${opening}, moins d'un ne rembourse pas son crédit.`;
    const verb = plural(n, language, {
      one: 'ne rembourse pas son crédit',
      other: 'ne remboursent pas leur crédit',
    });
    return `${opening}, environ ${formatNumber(n, language)} ${verb}.`;
  }
  if (100 * probability < 0.5) return `${opening}, fewer than one fails to repay their loan.`;
  const verb = plural(n, language, { one: 'does not repay', other: 'do not repay' });
  return `${opening}, about ${formatNumber(n, language)} ${verb} their loan.`;
}
