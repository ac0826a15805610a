/**
 * The `applications` row both engines read and the StoredApplication it becomes: the application
 * and the feature vector are kept as JSON text (read whole, never queried by field).
 */
import type { StoredApplication } from './types.ts';

export interface ApplicationRow {
  client_id: number;
  created_at: number;
  created_by: number | null;
  source: string;
  application: string;
  model_version: string;
  features: string;
  probability: number;
  decision: string;
}

export function toStoredApplication(row: ApplicationRow): StoredApplication {
  return {
    clientId: Number(row.client_id),
    createdAt: Number(row.created_at),
    createdBy: row.created_by === null ? null : Number(row.created_by),
    source: row.source as StoredApplication['source'],
    application: JSON.parse(row.application) as StoredApplication['application'],
    modelVersion: row.model_version,
    features: JSON.parse(row.features) as StoredApplication['features'],
    probability: Number(row.probability),
    decision: row.decision as StoredApplication['decision'],
  };
}

/** The column values to insert, in the order of APPLICATION_COLUMNS. */
export function applicationValues(
  a: Omit<StoredApplication, 'clientId'>,
): (string | number | null)[] {
  return [
    a.createdAt,
    a.createdBy,
    a.source,
    JSON.stringify(a.application),
    a.modelVersion,
    JSON.stringify(a.features),
    a.probability,
    a.decision,
  ];
}

export const APPLICATION_COLUMNS =
  'created_at, created_by, source, application, model_version, features, probability, decision';

/** The WHERE clause of a time window, with `placeholder(i)` naming the i-th value (1-based). */
export function windowClause(
  q: { since?: number; until?: number },
  placeholder: (i: number) => string,
): { sql: string; values: number[] } {
  const where: string[] = [];
  const values: number[] = [];
  if (q.since !== undefined) {
    values.push(q.since);
    where.push(`created_at >= ${placeholder(values.length)}`);
  }
  if (q.until !== undefined) {
    values.push(q.until);
    where.push(`created_at < ${placeholder(values.length)}`);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', values };
}
