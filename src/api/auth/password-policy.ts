/**
 * The password policy: a new password must be hard to guess, not merely long. Its strength is
 * estimated by zxcvbn-ts (the TypeScript port of Dropbox's zxcvbn): the guesses an attacker
 * needs, trying common passwords, English and French words, names and Wikipedia terms, keyboard
 * rows, repeats, sequences, dates and l33t substitutions first — and the account's own words (its
 * user name and the parts of it, its role, a customer's client number) and the product's, which
 * count as the easiest guesses of all.
 *
 * Two rules, each a 400 `WEAK_PASSWORD` naming the field, with the reason and advice in words:
 * - the estimate is below score 3 of 4, that is under about 10^8 guesses: the accounts open every
 *   client's financial file, and a copy of the user table must not give up a password in an
 *   afternoon of offline guessing against its scrypt hashes (score 2, 10^6 guesses, would);
 * - the password contains the user name (or a part of it of 4 letters or more) or the product's
 *   name, even capitalised, with separators or with l33t digits ("Cr3dit-Lens!"): the attacker's
 *   first guesses, which NIST SP 800-63B asks to refuse outright, whatever the estimate.
 *
 * The estimator (≈20 MB of dictionaries in memory, ≈0.6 s to build) is loaded on the first
 * password set, not when the server starts.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { apiError } from '../errors.ts';
import type { Role } from '../store/types.ts';

/** The lowest zxcvbn score accepted (0–4; 3 = at least ≈10^8 guesses). */
export const MIN_PASSWORD_SCORE = 3;

/** Words of the product and its domain, as guessable as the user name. */
export const PRODUCT_WORDS = [
  'creditlens',
  'credit',
  'lens',
  'homecredit',
  'home',
  'scoring',
  'adviser',
  'advisor',
  'conseiller',
  'admin',
  'administrator',
  'customer',
  'client',
  'demo',
] as const;

/** The product's name: never part of a password, in any spelling. */
const PRODUCT_NAME = 'creditlens';
/** Parts of a user name shorter than this are too common to forbid ("bob" in "bobsleigh"). */
const MIN_FORBIDDEN_PART = 4;

/** Who the password is for: their words are the attacker's first guesses. */
export interface PasswordOwner {
  username: string;
  role: Role;
  /** A customer's SK_ID_CURR. */
  clientId?: number | null;
}

export interface PasswordAssessment {
  /** The estimator's score: 0 (too guessable) to 4 (very unguessable). */
  score: number;
  /** Whether the policy accepts it. */
  accepted: boolean;
  /** Why it is refused, in words (null when accepted). */
  reason: string | null;
  /** Advice: the estimator's warning and suggestions, or ours ('' when accepted). */
  feedback: string;
}

/**
 * Only the first 64 characters are analysed and at most 12 l33t substitutions tried: the
 * matching is polynomial in both, and a 256-character password of digits and symbols takes
 * seconds with the library's defaults (256, 100). 64 characters of anything the estimator
 * cannot explain are far above the threshold anyway.
 */
const ANALYSED_LENGTH = 64;
const L33T_SUBSTITUTIONS = 12;

let estimator: Promise<ZxcvbnFactory> | undefined;

async function loadEstimator(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory }, common, en, fr] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
    import('@zxcvbn-ts/language-fr'),
  ]);
  return new ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
    maxLength: ANALYSED_LENGTH,
    l33tMaxSubstitutions: L33T_SUBSTITUTIONS,
  });
}

/** The owner's words and the product's: the user name whole and in parts, role, client number. */
export function guessableWords(owner: PasswordOwner): string[] {
  const name = owner.username.toLowerCase();
  const parts = name.split(/[._-]+/).filter((p) => p.length >= 3);
  const words = [name, ...parts, owner.role, ...PRODUCT_WORDS];
  if (owner.clientId !== undefined && owner.clientId !== null) words.push(String(owner.clientId));
  return [...new Set(words)];
}

/** Digits and symbols read as letters ("Cr3d1t" → "credit"); 1, ! and | as i, then as l. */
const L33T: Record<string, string> = {
  '0': 'o',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '+': 't',
};

/** The password in lower-case letters and digits only, each reading of its l33t symbols. */
function skeletons(text: string): string[] {
  const lower = text.toLowerCase();
  const read = (one: string) =>
    lower.replace(/[0134578@$!|+]/g, (c) => L33T[c] ?? one).replace(/[^a-z0-9]/g, '');
  return [...new Set([read('i'), read('l')])];
}

/** Which forbidden word the password contains: the user name, a long part of it, the product. */
function forbiddenWordIn(password: string, owner: PasswordOwner): string | null {
  const seen = skeletons(password);
  const name = owner.username.toLowerCase();
  const parts = name.split(/[._-]+/).filter((p) => p.length >= MIN_FORBIDDEN_PART);
  const words: [string, string][] = [
    [PRODUCT_NAME, "the product's name"],
    ...[name, ...parts]
      .map((w) => w.replace(/[^a-z0-9]/g, ''))
      .filter((w) => w.length >= MIN_FORBIDDEN_PART)
      .map((w): [string, string] => [w, 'the user name']),
  ];
  for (const [word, what] of words) {
    if (seen.some((s) => s.includes(word))) return what;
  }
  return null;
}

/** How guessable `password` is for this owner, and whether the policy accepts it. */
export async function assessPassword(
  password: string,
  owner: PasswordOwner,
): Promise<PasswordAssessment> {
  estimator ??= loadEstimator();
  const result = (await estimator).check(password, guessableWords(owner));
  const { score } = result;
  const forbidden = forbiddenWordIn(password, owner);
  if (forbidden !== null) {
    return {
      score,
      accepted: false,
      reason: `it contains ${forbidden}`,
      feedback:
        "Leave out the user name and the product's name: a few uncommon words are stronger.",
    };
  }
  if (score < MIN_PASSWORD_SCORE) {
    const { warning, suggestions } = result.feedback;
    return {
      score,
      accepted: false,
      reason: `strength ${score} of 4, at least ${MIN_PASSWORD_SCORE} needed`,
      feedback:
        [warning, ...suggestions].filter((s): s is string => !!s).join(' ') ||
        'Use a longer passphrase of several uncommon words.',
    };
  }
  return { score, accepted: true, reason: null, feedback: '' };
}

/** Throws `400 WEAK_PASSWORD` naming `field` when the policy refuses `password`. */
export async function assertStrongPassword(
  password: string,
  owner: PasswordOwner,
  field = 'body.password',
): Promise<void> {
  const { accepted, reason, feedback } = await assessPassword(password, owner);
  if (accepted) return;
  throw apiError('WEAK_PASSWORD', { field, reason: reason ?? '', feedback });
}
