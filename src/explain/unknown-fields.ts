/**
 * A new application's unknown fields: the application fields the applicant did not give (absent,
 * null or empty), followed through the one feature SQL to the units they leave missing
 * (src/data/features/row-eval/inputs.ts). A unit whose value is missing because of them is not a
 * fact about the applicant: never a reason, it is information to complete. A value missing for a
 * reason of its own (DAYS_EMPLOYED given as 365243, "no job") is not unknown; nor is a history the
 * applicant does not have.
 */
import type { RawApplication } from '../data/features/application-input.ts';
import { applicationFeatureInputs } from '../data/features/row-eval/index.ts';
import type { Contribution } from './contributions.ts';
import { isHistory, isMissing } from './reasons.ts';

export interface UnknownFields {
  /** The unit's value is missing because fields were not given. */
  has(unit: Contribution): boolean;
  /** The application fields not given behind a unit (none for a history unit). */
  fieldsOf(unit: Contribution): readonly string[];
}

/** The unknown fields of `application` (the fields as validated, before features). */
export function unknownFieldsOf(application: RawApplication): UnknownFields {
  const inputs = applicationFeatureInputs();
  const given = (field: string) => {
    const value = application[field];
    return value !== undefined && value !== null && value !== '';
  };
  const fieldsOf = (unit: Contribution): string[] => {
    if (isHistory(unit)) return [];
    const fields = new Set<string>();
    for (const feature of unit.features) {
      for (const field of inputs.get(feature) ?? []) if (!given(field)) fields.add(field);
    }
    return [...fields];
  };
  return { has: (unit) => isMissing(unit) && fieldsOf(unit).length > 0, fieldsOf };
}
