import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORDS } from './demo-users.ts';
import {
  assertStrongPassword,
  assessPassword,
  guessableWords,
  MIN_PASSWORD_SCORE,
} from './password-policy.ts';

const adviser = { username: 'jean.dupont', role: 'adviser' } as const;

describe('password policy', () => {
  it('refuses common and guessable passwords that are long enough, saying why', async () => {
    for (const password of ['aaaaaaaaaa', '1234567890', 'password12', 'azertyuiop', '0102199012']) {
      const verdict = await assessPassword(password, adviser);
      expect(verdict.accepted, password).toBe(false);
      expect(verdict.score, password).toBeLessThan(MIN_PASSWORD_SCORE);
      expect(verdict.reason, password).toMatch(/^strength [0-2] of 4, at least 3 needed$/);
      expect(verdict.feedback.length, password).toBeGreaterThan(10);
    }
    expect((await assessPassword('1234567890', adviser)).feedback).toMatch(/frequently used/);
    expect((await assessPassword('aaaaaaaaaa', adviser)).feedback).toMatch(/Repeated characters/);
  });

  it("refuses the user name and the product's name in any spelling, whatever the estimate", async () => {
    for (const password of ['jean.dupont2024', 'Dupont-velvet-orbit!', 'xx-JEAN_tandem-quiz-9']) {
      const verdict = await assessPassword(password, adviser);
      expect([password, verdict.accepted, verdict.reason]).toEqual([
        password,
        false,
        'it contains the user name',
      ]);
    }
    for (const password of [
      'creditlens2025',
      'CreditLens-2025!',
      'Cr3d1t-L3ns-velvet',
      'credit.lens!!',
    ]) {
      const verdict = await assessPassword(password, adviser);
      expect([password, verdict.accepted, verdict.reason]).toEqual([
        password,
        false,
        "it contains the product's name",
      ]);
    }
  });

  it('accepts a strong passphrase', async () => {
    for (const password of ['velvet-orbit-tandem-quiz', 'gentle otter harbour 9', 'jJ8#kq!zW2pL']) {
      const verdict = await assessPassword(password, adviser);
      expect([password, verdict.accepted, verdict.reason]).toEqual([password, true, null]);
      expect(verdict.score).toBeGreaterThanOrEqual(MIN_PASSWORD_SCORE);
    }
  });

  it("counts the owner's words and the product's as the first guesses", () => {
    const words = guessableWords({ username: 'Marie-Curie.2', role: 'customer', clientId: 100042 });
    expect(words).toEqual(expect.arrayContaining(['marie-curie.2', 'marie', 'curie']));
    expect(words).toEqual(expect.arrayContaining(['customer', 'creditlens', '100042']));
  });

  it('throws WEAK_PASSWORD naming the field, with the advice in words', async () => {
    const error = await assertStrongPassword('password12', adviser).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'WEAK_PASSWORD', statusCode: 400, field: 'body.password' });
    expect((error as Error).message).toBe(
      'invalid body.password: too easy to guess (strength 1 of 4, at least 3 needed). ' +
        'This is a commonly used password. Add more words that are less common.',
    );
    await expect(assertStrongPassword('velvet-orbit-tandem-quiz', adviser)).resolves.toBe(
      undefined,
    );
  });

  it('would refuse the demo passwords (they are created by code, not through the policy)', async () => {
    expect(
      (await assessPassword(DEMO_PASSWORDS.adviser, { username: 'adviser', role: 'adviser' }))
        .accepted,
    ).toBe(false);
    expect(
      (await assessPassword(DEMO_PASSWORDS.admin, { username: 'admin', role: 'admin' })).accepted,
    ).toBe(false);
    expect(
      (await assessPassword(DEMO_PASSWORDS.customer, { username: 'customer1', role: 'customer' }))
        .accepted,
    ).toBe(false);
  });

  it('judges a long adversarial password quickly (only its first 64 characters)', async () => {
    await assessPassword('warm-up-velvet-orbit', adviser);
    const started = performance.now();
    const verdict = await assessPassword('a1b2c3d4e5f6g7h8i9j0@$!|'.repeat(10), adviser);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(verdict.accepted).toBe(true);
    expect((await assessPassword('a'.repeat(256), adviser)).accepted).toBe(false);
  });
});
