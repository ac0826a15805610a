/**
 * Request validators: query strings and path params arrive as text, so they are coerced ("5" → 5);
 * JSON bodies are not, so `{ "username": 12 }` is a 400 rather than the string "12". Unknown fields
 * are refused, never silently dropped; the first error is reported (see error-handler.ts).
 */
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

// ajv-formats is CommonJS with a default export; under nodenext it arrives one level down.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerce: boolean): Ajv {
  const options: Options = {
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: false,
    strict: false,
  };
  const ajv = new Ajv(options);
  addFormats(ajv);
  return ajv;
}

export function installValidators(app: FastifyInstance): void {
  const coercing = makeAjv(true);
  const strict = makeAjv(false);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema),
  );
}
