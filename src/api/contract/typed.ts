/**
 * The API's type provider: every route's request and reply types are derived from its JSON
 * schemas (json-schema-to-ts), so a handler that returns a field its response schema does not
 * declare, or reads a query field the schema does not allow, fails to compile. Shared schemas are
 * registered once by $id (see ./components.ts) and referenced as "Name#".
 */
import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyInstance } from 'fastify';
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { ComponentSchemas } from './components.ts';

interface ContractOptions {
  references: ComponentSchemas;
  // Request fields with a default are present once validated (ajv fills them in).
  keepDefaultedPropertiesOptional: false;
}

export type ApiTypeProvider = JsonSchemaToTsProvider<{
  ValidatorSchemaOptions: ContractOptions;
  SerializerSchemaOptions: ContractOptions;
}>;

/** The same instance, seen through the schema-derived types. */
export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ApiTypeProvider>();
}

/** The TypeScript type a schema describes, with the shared components resolved. */
export type Infer<S extends JSONSchema> = FromSchema<S, ContractOptions>;
