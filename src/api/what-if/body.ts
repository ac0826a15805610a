/**
 * The body of POST /api/score: either `{ clientId, changes, loan }` (a stored client's application
 * edited, the loan rule's options in `loan`) or `{ application }` (a new one), each with `detail`
 * — a `oneOf` of the two shapes, which exclude each other. The fields of `changes` and `application` are the closed set of
 * application fields, each with its range or values (./field-schemas.ts, from the one table of
 * src/data/features/application-fields.ts). Its validator names the faulty field as every other
 * route's does, with the field's range; the what-if's own checks (src/explain) are turned into
 * 400s naming `body.changes.FIELD` or `body.application.FIELD` too.
 */
import type { FastifyInstance, FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { DataError } from '../../data/errors.ts';
import { RowEvalError } from '../../data/features/row-eval/index.ts';
import { LoanOptionError, NEW_APPLICATION_REQUIRED } from '../../explain/index.ts';
import type { Infer } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { fieldProperties, rewordFieldError } from './field-schemas.ts';

const detail = {
  type: 'string',
  enum: ['full', 'reasons'],
  default: 'full',
  description:
    "'reasons': the score and the reasons only, without contributions and themes (what a form that re-scores as the person types shows; ≈5× smaller)",
} as const;

/** How the loan's other fields follow a change of the amount or the term (src/explain/loan-terms.ts). */
const loan = {
  type: 'object',
  description:
    "the loan rule: a new AMT_CREDIT keeps the term (the instalment is recomputed, A′ = A · C′ / C) and a goods loan's price follows it (G′ = G · C′ / C); fields given in `changes` are never overwritten; every derived field is listed in the answer's `changed`",
  additionalProperties: false,
  properties: {
    term: {
      type: 'number',
      minimum: 1,
      maximum: 600,
      description:
        "a new term, from 1 to 600 monthly instalments (the data's term, AMT_CREDIT / AMT_ANNUITY): the instalment is recomputed for it (A′ = C′ / term); not with an AMT_ANNUITY change, which sets the term itself",
    },
    goodsPrice: {
      type: 'string',
      enum: ['follow', 'keep'],
      default: 'follow',
      description:
        "'follow': a goods loan's price follows the amount at the stored ratio (the share financed kept); 'keep': unlocked by the adviser, it stays as stored (or as `changes` give it)",
    },
  },
} as const;

const storedClientBody = {
  type: 'object',
  description: "what-if: a stored client's application with some fields changed",
  required: ['clientId', 'changes'],
  additionalProperties: false,
  properties: {
    clientId: { type: 'integer', minimum: 1, maximum: 999_999_999 },
    changes: {
      type: 'object',
      maxProperties: 40,
      description:
        'application fields (as in application_train.csv) and their new values (null: missing), each within its range or values (docs/application-fields.md); numbers as JSON numbers, never texts; the identifier cannot change',
      properties: fieldProperties(['SK_ID_CURR']),
      additionalProperties: false,
    },
    loan,
    detail,
  },
} as const;

export const newApplicationBody = {
  type: 'object',
  description: 'a new application (advisers and admins)',
  required: ['application'],
  additionalProperties: false,
  properties: {
    application: {
      type: 'object',
      required: [...NEW_APPLICATION_REQUIRED],
      maxProperties: 150,
      description:
        'a whole new application: fields as in application_test.csv, each within its range or values as `changes` are; absent or null fields are missing; no credit history',
      properties: fieldProperties(),
      additionalProperties: false,
    },
    detail,
  },
} as const;

export const scoreBody = { oneOf: [storedClientBody, newApplicationBody] } as const;

/** A what-if on a stored client, as validated. */
export type StoredClientBody = Infer<typeof storedClientBody>;
/** A new application, as validated. */
export type NewApplicationBody = Infer<typeof newApplicationBody>;

const isRecord = (body: unknown): body is Record<string, unknown> =>
  typeof body === 'object' && body !== null && !Array.isArray(body);

type Validate = ReturnType<FastifySchemaCompiler<unknown>>;

/** Both shapes in one body: neither branch would name the field, so this error does. */
const MIXED: FastifySchemaValidationError = {
  keyword: 'oneOf',
  instancePath: '/application',
  schemaPath: '#/oneOf',
  params: {},
  message: 'give either clientId and changes, or application',
};

/**
 * The server's validator, run on the branch of the `oneOf` the body means (with an `application`
 * or without), so its first error names the faulty field — Ajv's errors for a failed `oneOf` begin
 * with the first branch's, whatever the body meant. The same verdict as the `oneOf`, whose
 * branches exclude each other.
 */
export function scoreBodyValidator(server: FastifyInstance): FastifySchemaCompiler<unknown> {
  return (route) => {
    const compile = server.validatorCompiler;
    if (!compile) throw new Error('POST /api/score: the server has no validator compiler');
    if (route.httpPart !== 'body') return compile(route);
    const storedClient = compile({ ...route, schema: storedClientBody });
    const newApplication = compile({ ...route, schema: newApplicationBody });
    const validate: Validate = (body: unknown) => {
      const has = (field: string) => isRecord(body) && Object.hasOwn(body, field);
      if (has('application') && (has('clientId') || has('changes'))) {
        validate.errors = [MIXED];
        return false;
      }
      const branch = has('application') ? newApplication : storedClient;
      const result = branch(body);
      validate.errors = branch.errors?.map((error) => rewordFieldError(error, body)) ?? null;
      return result;
    };
    return validate;
  };
}

/** A DataError (or an overflow the SQL would raise too) of a what-if as a 400 naming the field. */
export function badField(part: 'changes' | 'application', error: unknown): unknown {
  if (error instanceof DataError) {
    const field = error.where.column ?? part;
    return apiError('BAD_REQUEST', { field: `body.${part}.${field}`, reason: error.message });
  }
  if (error instanceof RowEvalError) {
    return apiError('BAD_REQUEST', { field: `body.${part}`, reason: error.message });
  }
  if (error instanceof LoanOptionError) {
    return apiError('BAD_REQUEST', { field: `body.loan.${error.option}`, reason: error.message });
  }
  return error;
}
