/**
 * Applications whose outcome is known — what a challenger is compared (and optionally trained)
 * on: an applications file (Kaggle application schema) with an outcomes file (SK_ID_CURR, TARGET),
 * as `monitor` reads them, or the applications stored in the app store joined with the outcomes
 * stored for them. Each row keeps where it came from, so a row that cannot be read is named.
 */

import { DataError } from '../../data/errors.ts';
import type { RawApplication } from '../../data/features/application-input.ts';
import { readCsvColumns } from '../../data/generate/csv-read.ts';
import { readOutcomes } from '../monitoring/monitor.ts';

export interface LabelledApplication {
  /** SK_ID_CURR (a file's) or the stored client id. */
  readonly id: number;
  /** Where the row comes from, e.g. "apps.csv, line 12" or "stored client 900000004". */
  readonly where: string;
  readonly application: RawApplication;
  /** 1 = defaulted, 0 = repaid. */
  readonly defaulted: 0 | 1;
  /** When it was received (stored applications), epoch milliseconds; null for a file's. */
  readonly receivedAt: number | null;
}

/**
 * The rows of `applications` that have an outcome in `outcomes` (a bad outcome line stops with a
 * DataError naming file, line, column and value, as `monitor` does).
 */
export async function labelledFromFiles(
  applications: string,
  outcomes: string,
): Promise<{ rows: LabelledApplication[]; withoutOutcome: number; unmatched: number }> {
  const csv = await readCsvColumns(applications);
  const idAt = csv.header.indexOf('SK_ID_CURR');
  if (idAt < 0) throw new DataError('NOT_APPLICATION_FILE', { file: applications });
  const rowOfId = new Map<number, number>();
  for (let r = 0; r < csv.rows; r++) rowOfId.set(Number(csv.columns[idAt]?.[r]), r);
  const read = await readOutcomes(outcomes, rowOfId);
  const rows = Array.from(read.rows, (r, k): LabelledApplication => {
    const application: RawApplication = {};
    csv.header.forEach((column, c) => {
      if (column === 'TARGET') return; // the outcome comes from the outcomes file only
      const cell = csv.columns[c]?.[r] as string;
      application[column] = cell === '' ? null : cell;
    });
    return {
      id: Number(csv.columns[idAt]?.[r]),
      where: `${applications}, line ${r + 2}`,
      application,
      defaulted: read.labels[k] === 1 ? 1 : 0,
      receivedAt: null,
    };
  });
  return { rows, withoutOutcome: csv.rows - rows.length, unmatched: read.unmatched };
}

/** A stored application as read here (the app store's StoredApplication). */
export interface StoredApplicationLike {
  readonly clientId: number;
  readonly createdAt: number;
  readonly application: RawApplication;
}

/** Stored applications that have a stored outcome, in the applications' order. */
export function labelledFromStore(
  applications: readonly StoredApplicationLike[],
  outcomes: readonly { readonly clientId: number; readonly defaulted: 0 | 1 }[],
): LabelledApplication[] {
  const outcomeOf = new Map(outcomes.map((o) => [o.clientId, o.defaulted]));
  return applications.flatMap((a) => {
    const defaulted = outcomeOf.get(a.clientId);
    return defaulted === undefined
      ? []
      : [
          {
            id: a.clientId,
            where: `stored client ${a.clientId}`,
            application: { ...a.application },
            defaulted,
            receivedAt: a.createdAt,
          },
        ];
  });
}
