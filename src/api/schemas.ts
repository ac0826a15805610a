/** Small JSON schemas shared by the routes. */
import { ROLES } from './store/types.ts';

/** The error responses a route can give, all with the catalogue's body. */
export function errorResponses(...statuses: number[]): Record<number, { $ref: string }> {
  return Object.fromEntries(statuses.map((s) => [s, { $ref: 'ErrorBody#' }]));
}

export const userSchema = {
  type: 'object',
  required: ['id', 'username', 'role', 'clientId'],
  properties: {
    id: { type: 'integer' },
    username: { type: 'string' },
    role: { type: 'string', enum: ROLES },
    clientId: { type: ['integer', 'null'], description: "The customer's own SK_ID_CURR" },
  },
} as const;

/** SK_ID_CURR in a path: digits only, so "../" and SQL never reach a handler. */
export const clientIdParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', pattern: '^[0-9]{1,9}$', description: 'SK_ID_CURR' } },
} as const;
