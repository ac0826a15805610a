import type { Language } from '../../i18n/language.tsx';

/** Who reads the sentence: an adviser about "comparable clients", or the applicant about theirs. */
export type Audience = 'adviser' | 'customer';

/** Out of 100 comparable clients, how many default: round(100 · p). */
export function outOf100(probability: number): number {
  return Math.round(100 * probability);
}

const OPENING = {
  fr: {
    adviser: 'Sur 100 clients comparables',
    customer: 'Sur 100 clients dont le dossier ressemble au vôtre',
  },
  en: {
    adviser: 'Out of 100 comparable clients',
    customer: 'Out of 100 clients whose file resembles yours',
  },
} as const;

/**
 * The probability of default as one sentence a non-expert understands: "Sur 100 clients
 * comparables, environ 12 ne remboursent pas leur crédit." Below half a client in 100 the count
 * would read "environ 0", which is false: it says "moins d'un" instead.
 */
export function comparableSentence(
  probability: number,
  language: Language,
  audience: Audience = 'adviser',
): string {
  const opening = OPENING[language][audience];
  const exact = 100 * probability;
  const n = outOf100(probability);
  if (language === 'fr') {
    if (exact < 0.5) return `${opening}, moins d'un ne rembourse pas son crédit.`;
    if (n === 1) return `${opening}, environ 1 ne rembourse pas son crédit.`;
    return `${opening}, environ ${n} ne remboursent pas leur crédit.`;
  }
  if (exact < 0.5) return `${opening}, fewer than one fails to repay their loan.`;
  if (n === 1) return `${opening}, about 1 does not repay their loan.`;
  return `${opening}, about ${n} do not repay their loan.`;
}
