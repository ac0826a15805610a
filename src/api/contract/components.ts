/**
 * The shared schemas of the API contract, registered once with app.addSchema and referenced by
 * "$id#". They become the OpenAPI document's components (named by $id), from which the
 * dashboard's types are generated (web/src/api/generated/).
 */
import { errorBodySchema } from '../errors.ts';
import { binaryMetricsSchema, modelCardSchema } from './model-card.ts';
import {
  bandNameSchema,
  decisionSchema,
  scoreBandSchema,
  scoreScaleSchema,
  scoreSchema,
} from './score.ts';

export const COMPONENT_SCHEMAS = [
  errorBodySchema,
  bandNameSchema,
  decisionSchema,
  scoreScaleSchema,
  scoreBandSchema,
  scoreSchema,
  binaryMetricsSchema,
  modelCardSchema,
] as const;

export type ComponentSchemas = typeof COMPONENT_SCHEMAS extends readonly [...infer T] ? T : never;
