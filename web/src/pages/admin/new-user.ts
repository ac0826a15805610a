/**
 * The admin's new-account form checked before it is sent, with the API's own rules
 * (src/api/admin/users.ts): a user name of 3–64 letters, digits, dots, dashes or underscores; a
 * customer tied to a client number, staff to none; a password of at least 10 characters. How hard
 * the password is to guess is the API's to judge (zxcvbn, ≈20 MB of dictionaries the browser does
 * not load): the page only flags early what the API refuses anyway, never more.
 */
import type { AdminUsersCreatePayload } from '../../api/generated/api-types.ts';

export type Role = AdminUsersCreatePayload['role'];
export const ROLES: readonly Role[] = ['adviser', 'admin', 'customer'];

/** The API's minimum (MIN_PASSWORD_LENGTH in src/api/admin/users.ts). */
export const MIN_PASSWORD_LENGTH = 10;
const USERNAME = /^[A-Za-z0-9._-]{3,64}$/;
/** The product's name, refused in any password by the API. */
const PRODUCT_NAME = 'creditlens';

export interface NewUserValues {
  username: string;
  role: Role;
  /** As typed: digits for a customer, ignored for staff. */
  clientId: string;
  password: string;
}

export type NewUserField = 'username' | 'clientId' | 'password';
export type NewUserProblem =
  | 'usernameShape'
  | 'clientIdMissing'
  | 'clientIdShape'
  | 'passwordShort'
  | 'passwordHasUsername'
  | 'passwordHasProduct';

/** What the API would refuse in these values, by field (empty: send it). */
export function newUserProblems(
  values: NewUserValues,
): Partial<Record<NewUserField, NewUserProblem>> {
  const problems: Partial<Record<NewUserField, NewUserProblem>> = {};
  if (!USERNAME.test(values.username)) problems.username = 'usernameShape';
  if (values.role === 'customer') {
    const id = values.clientId.trim();
    if (id === '') problems.clientId = 'clientIdMissing';
    else if (!/^[1-9][0-9]{0,8}$/.test(id)) problems.clientId = 'clientIdShape';
  }
  const password = passwordProblem(values.password, values.username);
  if (password) problems.password = password;
  return problems;
}

/** Digits and symbols read as letters, as the API reads them ("Cr3d1t" → "credit"). */
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

/** The password in lower-case letters and digits, each reading of its l33t symbols (as the API). */
function skeletons(text: string): string[] {
  const lower = text.toLowerCase();
  const read = (one: string) =>
    lower.replace(/[0134578@$!|+]/g, (c) => L33T[c] ?? one).replace(/[^a-z0-9]/g, '');
  return [...new Set([read('i'), read('l')])];
}

/**
 * The password's first problem the page can see, by the API's own rules
 * (src/api/auth/password-policy.ts; test/web/admin-password.test.ts holds the two together): too short, or containing the user name or a part of it of 4
 * letters or more, or the product's name, in any spelling. The strength estimate stays the API's
 * answer, shown beside the field.
 */
export function passwordProblem(
  password: string,
  username: string,
): Extract<NewUserProblem, `password${string}`> | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'passwordShort';
  const seen = skeletons(password);
  const name = username.toLowerCase();
  const words = [name, ...name.split(/[._-]+/)]
    .map((w) => w.replace(/[^a-z0-9]/g, ''))
    .filter((w) => w.length >= 4);
  if (seen.some((s) => s.includes(PRODUCT_NAME))) return 'passwordHasProduct';
  if (words.some((w) => seen.some((s) => s.includes(w)))) return 'passwordHasUsername';
  return null;
}

/** The body of POST /api/admin/users: a client number for a customer only. */
export function newUserBody(values: NewUserValues): AdminUsersCreatePayload {
  const body: AdminUsersCreatePayload = {
    username: values.username,
    role: values.role,
    password: values.password,
  };
  if (values.role === 'customer') body.clientId = Number(values.clientId.trim());
  return body;
}

/** The form field an API refusal names ("body.clientId" → clientId), or null. */
export function fieldOfFailure(field: string | undefined, code: string): NewUserField | null {
  if (code === 'USERNAME_TAKEN') return 'username';
  const name = field?.replace(/^body\./, '');
  return name === 'username' || name === 'clientId' || name === 'password' ? name : null;
}
