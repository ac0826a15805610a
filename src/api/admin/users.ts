/**
 * User administration (admin only): list the accounts, create an adviser, admin or customer (a
 * customer is tied to an existing client), disable or enable an account and reset its password.
 * Disabling ends the account's sessions at once (and the store no longer resolves a disabled
 * account, so a session that escaped would not work either); a new password ends them too. An
 * admin cannot disable their own account. Every password set here passes the password policy
 * (../auth/password-policy.ts; 400 WEAK_PASSWORD otherwise). Every action is audited; passwords
 * never are.
 */
import type { FastifyInstance } from 'fastify';
import { isNewClientId, newClientExists } from '../applications/new-clients.ts';
import { recordAudit } from '../audit/record.ts';
import { hashPassword } from '../auth/password.ts';
import { assertStrongPassword, MIN_PASSWORD_SCORE } from '../auth/password-policy.ts';
import { currentUser, requireRole } from '../auth/session.ts';
import { typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { errorResponses } from '../schemas.ts';
import { ROLES, type UserAccount } from '../store/types.ts';

export const MIN_PASSWORD_LENGTH = 10;

const password = {
  type: 'string',
  minLength: MIN_PASSWORD_LENGTH,
  maxLength: 256,
  description: `at least ${MIN_PASSWORD_LENGTH} characters, and hard to guess: a strength of at least ${MIN_PASSWORD_SCORE} of 4 (not a common password, a keyboard pattern or the user's own words)`,
} as const;

const createBody = {
  type: 'object',
  required: ['username', 'password', 'role'],
  additionalProperties: false,
  properties: {
    username: { type: 'string', pattern: '^[A-Za-z0-9._-]{3,64}$' },
    password,
    role: { type: 'string', enum: ROLES },
    clientId: {
      type: ['integer', 'null'],
      minimum: 1,
      maximum: 999_999_999,
      description: 'required for a customer (SK_ID_CURR), absent for staff',
    },
  },
} as const;

const updateBody = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: { disabled: { type: 'boolean' }, password },
} as const;

const userIdParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', pattern: '^[0-9]{1,9}$' } },
} as const;

function view(account: UserAccount) {
  return { ...account, createdAt: new Date(account.createdAt).toISOString() };
}

export async function userAdminRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);
  const users = () => fastify.ctx.store.users;
  /** The account as it now is (it exists: checked or just created in this request). */
  async function account(id: number): Promise<UserAccount> {
    const found = await users().account(id);
    if (!found) throw apiError('USER_NOT_FOUND', { id });
    return found;
  }

  app.get(
    '/api/admin/users',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Every account, enabled or not',
        response: {
          200: { $ref: 'UserAccountList#' },
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const list = await users().list();
      await recordAudit(app, request, {
        action: 'admin.users.list',
        inputs: {},
        output: { count: list.length },
      });
      return { users: list.map(view) };
    },
  );

  app.post(
    '/api/admin/users',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Creates an adviser, an admin or a customer (tied to an existing client)',
        body: createBody,
        response: {
          201: { $ref: 'UserAccountAnswer#' },
          ...errorResponses(400, 401, 403, 404, 409, 503),
        },
      },
    },
    async (request, reply) => {
      const { username, role } = request.body;
      const clientId = request.body.clientId ?? null;
      if (role === 'customer') {
        if (clientId === null) {
          throw apiError('BAD_REQUEST', {
            field: 'body.clientId',
            reason: 'a customer needs their client (SK_ID_CURR)',
          });
        }
        // A new applicant (saved through POST /api/applications) may get an account too.
        if (isNewClientId(clientId)) {
          if (!(await newClientExists(fastify, clientId))) {
            throw apiError('CLIENT_NOT_FOUND', { id: clientId, field: 'body.clientId' });
          }
        } else {
          const { clients, clientsProblem } = fastify.ctx;
          if (!clients) throw apiError('NOT_READY', { reason: clientsProblem ?? 'no client data' });
          if (!clients.exists(clientId)) {
            throw apiError('CLIENT_NOT_FOUND', { id: clientId, field: 'body.clientId' });
          }
        }
      } else if (clientId !== null) {
        throw apiError('BAD_REQUEST', {
          field: 'body.clientId',
          reason: `only a customer has a client, not the ${role} role`,
        });
      }
      await assertStrongPassword(request.body.password, { username, role, clientId });
      const passwordHash = await hashPassword(request.body.password);
      // One statement checks and creates (ON CONFLICT DO NOTHING): no race, even across replicas.
      const created = await users().createIfAbsent({ username, role, clientId, passwordHash });
      if (!created) throw apiError('USERNAME_TAKEN', { username });
      await recordAudit(app, request, {
        action: 'admin.user.create',
        clientId,
        inputs: { username, role, clientId },
        output: { id: created.id, role },
      });
      void reply.code(201);
      return { user: view(await account(created.id)) };
    },
  );

  app.patch(
    '/api/admin/users/:id',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Disables or enables an account, or resets its password (ends its sessions)',
        params: userIdParams,
        body: updateBody,
        response: {
          200: { $ref: 'UserAccountAnswer#' },
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const admin = currentUser(request);
      const id = Number(request.params.id);
      const { disabled } = request.body;
      const target = await account(id);
      if (disabled === true && id === admin.id) {
        throw apiError('BAD_REQUEST', {
          field: 'body.disabled',
          reason: 'an admin cannot disable their own account',
        });
      }
      if (request.body.password !== undefined) {
        await assertStrongPassword(request.body.password, target);
      }
      const passwordHash =
        request.body.password === undefined ? null : await hashPassword(request.body.password);
      if (passwordHash !== null) await users().setPasswordHash(id, passwordHash);
      if (disabled !== undefined) await users().setDisabled(id, disabled);
      const sessionsEnded =
        disabled === true || passwordHash !== null
          ? await fastify.ctx.store.sessions.deleteForUser(id)
          : 0;
      const updated = await account(id);
      await recordAudit(app, request, {
        action: 'admin.user.update',
        clientId: updated.clientId,
        inputs: { id, disabled: disabled ?? null, passwordReset: passwordHash !== null },
        output: { disabled: updated.disabled, sessionsEnded },
      });
      return { user: view(updated) };
    },
  );
}
