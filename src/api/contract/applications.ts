/**
 * The answer of POST /api/applications: a new applicant's application stored (its client id
 * allocated), scored and explained with the active model, the decision pending (issue 15). The
 * score and explanation are those of POST /api/score's new application (NewApplicationAnswer).
 */
import { newApplicationAnswerSchema } from './what-if.ts';

const { clientId: _given, ...scoredParts } = newApplicationAnswerSchema.properties;

export const savedApplicationSchema = {
  $id: 'SavedApplication',
  type: 'object',
  description:
    "a new application stored and scored: its client id opens the client's file (GET /api/clients/{id}); the final decision is pending (POST /api/clients/{id}/decisions); `contributions` and `themes` are absent with detail: 'reasons'",
  required: ['clientId', 'createdAt', 'status', ...newApplicationAnswerSchema.required.slice(1)],
  additionalProperties: false,
  properties: {
    clientId: {
      type: 'integer',
      description:
        'the new client id, allocated from 900 000 000 (never a feature-store SK_ID_CURR)',
    },
    createdAt: { type: 'string', format: 'date-time' },
    status: {
      type: 'string',
      enum: ['pending'],
      description: 'no final decision yet: an adviser records it on the client file',
    },
    ...scoredParts,
  },
} as const;
