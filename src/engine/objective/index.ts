import type { ObjectiveName } from '../params.ts';
import { binaryLogistic } from './binary-logistic.ts';
import type { Objective } from './objective.ts';
import { squaredError } from './squared-error.ts';

export type { Objective } from './objective.ts';

const OBJECTIVES: Record<ObjectiveName, Objective> = {
  'binary:logistic': binaryLogistic,
  'reg:squarederror': squaredError,
};

/** The objective of a name (names are validated by resolveParams). */
export function getObjective(name: ObjectiveName): Objective {
  return OBJECTIVES[name];
}
