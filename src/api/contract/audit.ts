/** The audit trail: the answer of GET /api/audit (src/api/audit/routes.ts). */
import { ROLES } from '../store/types.ts';

export const auditRecordSchema = {
  $id: 'AuditRecord',
  type: 'object',
  required: [
    'id',
    'at',
    'userId',
    'username',
    'role',
    'action',
    'clientId',
    'modelVersion',
    'inputsFingerprint',
    'outputSummary',
    'requestId',
  ],
  additionalProperties: false,
  properties: {
    id: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    userId: { type: ['integer', 'null'], description: 'null before a session exists (a login)' },
    username: {
      type: ['string', 'null'],
      description: 'the user, or the name tried by a failed login',
    },
    role: { type: ['string', 'null'], enum: [...ROLES, null] },
    action: { type: 'string', description: 'e.g. auth.login, client.view, client.score' },
    clientId: { type: ['integer', 'null'], description: 'SK_ID_CURR' },
    modelVersion: { type: ['string', 'null'] },
    inputsFingerprint: { type: 'string', description: 'SHA-256 of the canonical JSON inputs' },
    outputSummary: { type: 'string', description: 'JSON summary of the output' },
    requestId: { type: 'string' },
  },
} as const;

/** A page of the audit trail, newest first. */
export const auditPageSchema = {
  $id: 'AuditPage',
  type: 'object',
  required: ['total', 'page', 'pageSize', 'records'],
  additionalProperties: false,
  properties: {
    total: { type: 'integer', description: 'records passing the filters, over every page' },
    page: { type: 'integer' },
    pageSize: { type: 'integer' },
    records: { type: 'array', items: { $ref: 'AuditRecord#' } },
  },
} as const;
