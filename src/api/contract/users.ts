/**
 * Who is logged in and the accounts: the answers of /api/auth/* (src/api/auth/routes.ts) and of
 * /api/admin/users (src/api/admin/users.ts).
 */
import { ROLES } from '../store/types.ts';

export const roleSchema = {
  $id: 'Role',
  type: 'string',
  enum: ROLES,
  description:
    'adviser: every client; admin: as an adviser, plus audit, users and models; customer: their own file',
} as const;

const userProperties = {
  id: { type: 'integer' },
  username: { type: 'string' },
  role: { $ref: 'Role#' },
  clientId: { type: ['integer', 'null'], description: "The customer's own SK_ID_CURR" },
} as const;

export const userSchema = {
  $id: 'User',
  type: 'object',
  required: ['id', 'username', 'role', 'clientId'],
  additionalProperties: false,
  properties: userProperties,
} as const;

/** An account as the admin sees it: the user with the account's state (never a password hash). */
export const userAccountSchema = {
  $id: 'UserAccount',
  type: 'object',
  required: ['id', 'username', 'role', 'clientId', 'disabled', 'createdAt'],
  additionalProperties: false,
  properties: {
    ...userProperties,
    disabled: {
      type: 'boolean',
      description: 'a disabled account can neither log in nor use a session',
    },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;

/** The answer of POST /api/auth/login and GET /api/auth/me. */
export const currentUserSchema = {
  $id: 'CurrentUser',
  type: 'object',
  required: ['user'],
  additionalProperties: false,
  properties: { user: { $ref: 'User#' } },
} as const;

/** The answer of GET /api/auth/session: the user, or null when nobody is logged in. */
export const sessionSchema = {
  $id: 'Session',
  type: 'object',
  required: ['user'],
  additionalProperties: false,
  properties: {
    // A User, or null: written out (not `anyOf` with User), as OpenAPI 3.0 has no null schema.
    user: {
      type: ['object', 'null'],
      description: 'The logged-in user (a User); null when the request has no valid session',
      required: userSchema.required,
      additionalProperties: false,
      properties: userProperties,
    },
  },
} as const;

/** The answer of GET /api/admin/users. */
export const userAccountListSchema = {
  $id: 'UserAccountList',
  type: 'object',
  required: ['users'],
  additionalProperties: false,
  properties: { users: { type: 'array', items: { $ref: 'UserAccount#' } } },
} as const;

/** The answer of POST /api/admin/users and PATCH /api/admin/users/:id: the account as it now is. */
export const userAccountAnswerSchema = {
  $id: 'UserAccountAnswer',
  type: 'object',
  required: ['user'],
  additionalProperties: false,
  properties: { user: { $ref: 'UserAccount#' } },
} as const;
