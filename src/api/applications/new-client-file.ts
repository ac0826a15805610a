/**
 * A new applicant's descriptive file (GET /api/clients/:id for an id of the app store): the same
 * sections as a stored client's (../clients/repository.ts), the categories from the application as
 * received and the numeric features from the row evaluator of the training feature SQL; the
 * history sections are empty values (a new applicant has no credit history).
 */
import type { RawApplication } from '../../data/features/application-input.ts';
import { featuresInMemory } from '../../data/features/what-if.ts';
import { categoryLabel } from '../../explain/index.ts';
import {
  CATEGORICAL_FIELDS,
  CLIENT_SECTIONS,
  SHOWN_FEATURES,
  sectionOf,
} from '../clients/groups.ts';
import type { ClientFile, ClientValue } from '../clients/repository.ts';
import type { StoredApplication } from '../store/types.ts';

const SHOWN_NAMES: readonly string[] = Object.freeze(SHOWN_FEATURES.map((e) => e.name));

export function newClientFile(stored: StoredApplication): ClientFile {
  const application = stored.application as RawApplication;
  const values = featuresInMemory(application, SHOWN_NAMES, () => null);
  const sections = CLIENT_SECTIONS.map((s) => ({
    key: s.key,
    label_fr: s.label_fr,
    label_en: s.label_en,
    values: [] as ClientValue[],
  }));
  const byKey = new Map(sections.map((s) => [s.key, s.values]));
  for (const field of CATEGORICAL_FIELDS) {
    const raw = application[field.name];
    const category = typeof raw === 'string' ? raw : null;
    const words = category === null ? null : categoryLabel(field.name, category);
    byKey.get(sectionOf(field.theme))?.push({
      name: field.name,
      label_fr: field.label_fr,
      label_en: field.label_en,
      unit: null,
      value: null,
      category,
      category_fr: words?.fr ?? null,
      category_en: words?.en ?? null,
    });
  }
  SHOWN_FEATURES.forEach((entry, j) => {
    const value = values[j];
    byKey.get(sectionOf(entry.theme))?.push({
      name: entry.name,
      label_fr: entry.label_fr,
      label_en: entry.label_en,
      unit: entry.unit,
      value: typeof value === 'number' && Number.isFinite(value) ? value : null,
    });
  });
  return { id: stored.clientId, split: 'new', sections };
}
