/**
 * The application fields of POST /api/score as JSON schema properties, generated from the one
 * table of src/data/features/application-fields.ts: a numeric field as an integer or a number with
 * its minimum and maximum (DAYS_EMPLOYED also its "no employment" sentinel), a categorical as its
 * values, each or null (missing). The OpenAPI document thus gives every field's range; the
 * validator refuses what the table refuses, and its errors are reworded from the table
 * ("must be a number between 0 and 100,000,000; got -1e308"), naming the field.
 */
import type { FastifySchemaValidationError } from 'fastify';
import {
  APPLICATION_FIELDS,
  type ApplicationField,
  applicationField,
  DERIVED_INPUTS,
  type NumberField,
  refusalOf,
} from '../../data/features/application-fields.ts';

interface RangeSchema {
  readonly type: readonly ['number' | 'integer', 'null'];
  readonly minimum: number;
  readonly maximum: number;
  readonly description?: string;
}
interface SpecialSchema {
  readonly anyOf: readonly [
    RangeSchema,
    { readonly type: 'integer'; readonly enum: readonly [number] },
  ];
  readonly description?: string;
}
interface CategorySchema {
  readonly type: readonly ['string', 'null'];
  readonly enum: readonly (string | null)[];
}
export type FieldSchema = RangeSchema | SpecialSchema | CategorySchema;

function rangeSchema(field: NumberField): RangeSchema {
  return {
    type: [field.integer ? 'integer' : 'number', 'null'],
    minimum: field.min,
    maximum: field.max,
  };
}

function fieldSchema(field: ApplicationField): FieldSchema {
  if (field.kind === 'category') return { type: ['string', 'null'], enum: [...field.values, null] };
  const described = field.label === null ? {} : { description: field.label };
  const special = field.special;
  if (!special) return { ...rangeSchema(field), ...described };
  const meaning = `${special.value}: ${special.meaning}`;
  return {
    anyOf: [rangeSchema(field), { type: 'integer', enum: [special.value] }],
    description: field.label === null ? meaning : `${field.label}; ${meaning}`,
  };
}

/** Every application field but `omit`, by name, as the properties of a closed object. */
export function fieldProperties(omit: readonly string[] = []): {
  readonly [name: string]: FieldSchema;
} {
  return Object.fromEntries(
    APPLICATION_FIELDS.filter((f) => !omit.includes(f.name)).map((f) => [f.name, fieldSchema(f)]),
  );
}

/** Why a field given that is not among the properties is refused. */
function notAField(part: string, name: string): string {
  const source = DERIVED_INPUTS[name];
  if (source) return `derived at ingestion: pass ${source} instead`;
  if (part === 'changes' && name === 'SK_ID_CURR') {
    return "cannot be changed in a what-if: the client's history stays theirs";
  }
  return 'unknown application field (see docs/application-fields.md)';
}

const unescapePointer = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

function valueAt(body: unknown, part: string, name: string): unknown {
  const fields = (body as Record<string, unknown> | null)?.[part];
  return typeof fields === 'object' && fields !== null
    ? (fields as Record<string, unknown>)[name]
    : undefined;
}

/**
 * A validation error on an application field reworded from the table: the range or the values the
 * field takes and the value given, or why a field is not one. Other errors are kept.
 */
export function rewordFieldError(
  error: FastifySchemaValidationError,
  body: unknown,
): FastifySchemaValidationError {
  const path = error.instancePath.split('/').slice(1).map(unescapePointer);
  const [part, name] = path;
  if ((part !== 'changes' && part !== 'application') || path.length > 2) return error;
  if (name === undefined) {
    const extra = error.params.additionalProperty;
    if (error.keyword !== 'additionalProperties' || typeof extra !== 'string') return error;
    return { ...error, keyword: 'applicationField', message: notAField(part, extra) };
  }
  const field = applicationField(name);
  const reason = field && refusalOf(field, valueAt(body, part, name));
  return reason ? { ...error, keyword: 'applicationField', message: reason } : error;
}
