/** The probes: the answers of GET /healthz and GET /readyz (src/api/health/routes.ts). */

export const livenessSchema = {
  $id: 'Liveness',
  type: 'object',
  required: ['status'],
  additionalProperties: false,
  properties: { status: { type: 'string', enum: ['ok'] } },
} as const;

export const readinessSchema = {
  $id: 'Readiness',
  type: 'object',
  required: ['status', 'appStore', 'checks'],
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['ok', 'not ready'] },
    appStore: {
      type: 'string',
      enum: ['sqlite', 'postgres'],
      description:
        "where users, sessions and the audit trail live: this server's SQLite file, or the PostgreSQL database the replicas share",
    },
    checks: {
      type: 'object',
      required: ['appStore', 'database', 'model'],
      additionalProperties: false,
      properties: {
        appStore: { type: 'boolean', description: 'the app database (users, audit) answers' },
        database: { type: 'boolean', description: 'the client database answers' },
        model: { type: 'boolean', description: 'a model is served' },
      },
    },
    problem: { type: 'string', description: 'why the server is not ready; absent when it is' },
  },
} as const;
