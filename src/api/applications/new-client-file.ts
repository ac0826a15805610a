/**
 * A new applicant's descriptive file (GET /api/clients/:id for an id of the app store): the same
 * sections as a stored client's (../clients/repository.ts), the categories from the application as
 * received and the numeric features from the row evaluator of the training feature SQL; the
 * history sections are empty values (a new applicant has no credit history).
 */
import type { RawApplication } from '../../data/features/application-input.ts';
import { featuresInMemory } from '../../data/features/what-if.ts';
import { CATEGORICAL_FIELDS, SHOWN_FEATURES } from '../clients/groups.ts';
import { type ClientFile, groupedFile, numberOrNull } from '../clients/repository.ts';
import type { StoredApplication } from '../store/types.ts';

const SHOWN_NAMES: readonly string[] = Object.freeze(SHOWN_FEATURES.map((e) => e.name));

export function newClientFile(stored: StoredApplication): ClientFile {
  const application = stored.application as RawApplication;
  const values = featuresInMemory(application, SHOWN_NAMES, () => null);
  return groupedFile(
    stored.clientId,
    'new',
    (i) => {
      const raw = application[CATEGORICAL_FIELDS[i]?.name ?? ''];
      return typeof raw === 'string' ? raw : null;
    },
    (j) => numberOrNull(values[j]),
  );
}
