import { describe, expect, it } from 'vitest';
import type { IngestReport } from '../../data/ingest/index.ts';
import { formatIngestReport } from './ingest.ts';

describe('formatIngestReport', () => {
  it('prints one aligned line per file, the total and the warnings', () => {
    const report: IngestReport = {
      dbPath: '/tmp/x.duckdb',
      seconds: 75.2,
      warnings: ['bureau.csv: 3 row(s) (0.0%) refer to an unknown client'],
      tables: [
        {
          table: 'application_train',
          file: 'application_train.csv',
          present: true,
          rows: 307511,
          orphans: 0,
          extraColumns: [],
          seconds: 4.25,
        },
        {
          table: 'bureau',
          file: 'bureau.csv',
          present: true,
          rows: 1716428,
          orphans: 3,
          extraColumns: ['NOTE', 'SOURCE'],
          seconds: 12,
        },
        {
          table: 'bureau_balance',
          file: 'bureau_balance.csv',
          present: false,
          rows: 0,
          orphans: 0,
          extraColumns: [],
          seconds: 0,
        },
      ],
    };
    const lines = formatIngestReport(report).split('\n');
    expect(lines[0]).toMatch(/^file\s+rows\s+orphans\s+extra columns\s+time$/);
    expect(lines[1]).toMatch(/^application_train\.csv\s+307,511\s+0\s+4\.3s$/);
    expect(lines[2]).toMatch(/^bureau\.csv\s+1,716,428\s+3\s+NOTE, SOURCE\s+12\.0s$/);
    expect(lines[3]).toMatch(/^bureau_balance\.csv\s+absent$/);
    // Right-aligned counts end in the same column.
    const end = (line: string | undefined, text: string): number =>
      (line ?? '').indexOf(text) + text.length;
    expect(end(lines[1], '307,511')).toBe(end(lines[2], '1,716,428'));
    expect(lines).toContain('2,023,939 rows into /tmp/x.duckdb in 1m15s');
    expect(lines).toContain('warning: bureau.csv: 3 row(s) (0.0%) refer to an unknown client');
  });
});
