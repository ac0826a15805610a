/** Small JSON schemas shared by the routes (the shared answers are in ./contract/). */

/** The error responses a route can give, all with the catalogue's body. */
export function errorResponses(...statuses: number[]): Record<number, { $ref: string }> {
  return Object.fromEntries(statuses.map((s) => [s, { $ref: 'ErrorBody#' }]));
}

/** SK_ID_CURR in a path: digits only, so "../" and SQL never reach a handler. */
export const clientIdParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', pattern: '^[0-9]{1,9}$', description: 'SK_ID_CURR' } },
} as const;
