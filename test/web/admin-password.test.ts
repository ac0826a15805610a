/**
 * The admin page's early password check (web/src/pages/admin/new-user.ts) against the API's policy
 * (src/api/auth/password-policy.ts): whatever the page flags, the API refuses for the same reason —
 * the page never refuses a password the API would take.
 */
import { describe, expect, it } from 'vitest';
import { assessPassword } from '../../src/api/auth/password-policy.ts';
import { passwordProblem } from '../../web/src/pages/admin/new-user.ts';

const CASES: [password: string, username: string][] = [
  ['dupont-marie-2026', 'marie.dupont'],
  ['ciao-MARIE-1987', 'marie'],
  ['M4r1e-quiet-river', 'marie'],
  ['Cr3dit-Lens!-river', 'marie'],
  ['my-CreditLens-key', 'marie'],
  ['customer1-spring-rain', 'customer1'],
  ['bobsleigh-pluie-orange', 'bob'],
  ['orange-violon-tempete', 'marie'],
  ['short', 'marie'],
  ['adviser-violon-tempete', 'adviser'],
];

describe('the admin page flags only what the API refuses', () => {
  it.each(CASES)('%s for %s', async (password, username) => {
    const page = passwordProblem(password, username);
    const api = await assessPassword(password, { username, role: 'adviser' });
    if (page === 'passwordShort') expect([...password].length).toBeLessThan(10);
    if (page === 'passwordHasUsername') expect(api.reason).toBe('it contains the user name');
    if (page === 'passwordHasProduct') expect(api.reason).toBe("it contains the product's name");
    // And the other way for the words: a name or product the API names, the page names too.
    if (api.reason === 'it contains the user name') expect(page).toBe('passwordHasUsername');
    if (api.reason === "it contains the product's name") expect(page).toBe('passwordHasProduct');
  });
});
