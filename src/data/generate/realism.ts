/**
 * The realism report: per application column, generated vs real — missing-rate difference
 * (points), total variation distance of categories, Kolmogorov–Smirnov distance of numbers —
 * flagged when over the aims. By default the generated side is a fresh test-sized sample made in
 * memory with the default seed (the same rows as the default data set's application_test.csv).
 */
import { DataError } from '../errors.ts';
import { APPLICATION_TEST_COLUMNS } from '../schema.ts';
import { generateApplication } from './application-row.ts';
import { FIRST_SK_ID_CURR } from './block.ts';
import { type CsvColumns, columnsFromLines, readCsvColumns } from './csv-read.ts';
import { DEFAULT_CLIENTS, DEFAULT_SEED, DEFAULT_TEST_CLIENTS } from './defaults.ts';
import { Random } from './random.ts';

/** The aims a generated column must meet. */
export const REALISM_AIMS = {
  /** Largest missing-rate difference, in percentage points. */
  missingPoints: 3,
  /** Largest total variation distance between category frequencies. */
  tvd: 0.1,
  /** Largest Kolmogorov–Smirnov distance between number distributions. */
  ks: 0.1,
} as const;

/** Share of empty cells. */
export function missingRate(cells: readonly string[]): number {
  if (cells.length === 0) return 0;
  let missing = 0;
  for (const c of cells) if (c === '') missing++;
  return missing / cells.length;
}

/** Total variation distance between the category frequencies of two samples (missing ignored). */
export function totalVariationDistance(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, [number, number]>();
  let na = 0;
  let nb = 0;
  for (const v of a) {
    if (v === '') continue;
    const e = counts.get(v) ?? [0, 0];
    e[0]++;
    counts.set(v, e);
    na++;
  }
  for (const v of b) {
    if (v === '') continue;
    const e = counts.get(v) ?? [0, 0];
    e[1]++;
    counts.set(v, e);
    nb++;
  }
  if (na === 0 || nb === 0) return na === nb ? 0 : 1;
  let sum = 0;
  for (const [x, y] of counts.values()) sum += Math.abs(x / na - y / nb);
  return sum / 2;
}

/** Two-sample Kolmogorov–Smirnov distance: the largest gap between the empirical CDFs. */
export function ksDistance(a: Float64Array, b: Float64Array): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 0 : 1;
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i] as number, y[j] as number);
    while (i < x.length && (x[i] as number) <= v) i++;
    while (j < y.length && (y[j] as number) <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/** The non-empty cells of a column as numbers; a non-number is a DataError naming the cell. */
function numbers(cells: readonly string[], where: string, column: string): Float64Array {
  const out = new Float64Array(cells.length);
  let n = 0;
  for (let r = 0; r < cells.length; r++) {
    const c = cells[r] as string;
    if (c === '') continue;
    const v = Number(c);
    if (!Number.isFinite(v)) {
      throw new DataError('BAD_VALUE', {
        at: `${where}, row ${r + 1}`,
        file: where,
        line: r + 2,
        column,
        value: c,
        shown: c,
        expected: 'a number',
      });
    }
    out[n++] = v;
  }
  return out.subarray(0, n);
}

export interface ColumnRealism {
  column: string;
  /** How the distributions are compared: TVD for categories, KS for numbers. */
  metric: 'tvd' | 'ks';
  missingReal: number;
  missingGenerated: number;
  /** |generated − real| missing rate, in percentage points. */
  missingDiffPoints: number;
  /** TVD or KS distance between the non-missing values. */
  distance: number;
  /** What is over the aims (empty when the column meets them). */
  problems: string[];
}

export interface RealismReport {
  realFile: string;
  generatedFile: string;
  rowsReal: number;
  rowsGenerated: number;
  columns: ColumnRealism[];
  /** Columns with at least one problem. */
  flagged: string[];
}

/** Compares every application column present in both tables (keys and TARGET excluded). */
export function compareApplications(
  real: CsvColumns,
  generated: CsvColumns,
  names: { real: string; generated: string } = { real: 'real', generated: 'generated' },
): RealismReport {
  if (!real.header.includes('SK_ID_CURR')) {
    throw new DataError('NOT_APPLICATION_FILE', { file: names.real });
  }
  const columns: ColumnRealism[] = [];
  for (const spec of APPLICATION_TEST_COLUMNS) {
    if (spec.kind === 'key') continue;
    const ri = real.header.indexOf(spec.name);
    const gi = generated.header.indexOf(spec.name);
    if (ri < 0 || gi < 0) continue;
    const r = real.columns[ri] as string[];
    const g = generated.columns[gi] as string[];
    const missingReal = missingRate(r);
    const missingGenerated = missingRate(g);
    const metric = spec.kind === 'cat' ? 'tvd' : 'ks';
    const distance =
      metric === 'tvd'
        ? totalVariationDistance(r, g)
        : ksDistance(numbers(r, names.real, spec.name), numbers(g, names.generated, spec.name));
    const missingDiffPoints = Math.abs(missingGenerated - missingReal) * 100;
    const problems: string[] = [];
    if (missingDiffPoints > REALISM_AIMS.missingPoints) {
      problems.push(`missing ${missingDiffPoints.toFixed(1)} pts apart`);
    }
    const aim = metric === 'tvd' ? REALISM_AIMS.tvd : REALISM_AIMS.ks;
    if (distance > aim) problems.push(`${metric.toUpperCase()} ${distance.toFixed(3)} > ${aim}`);
    columns.push({
      column: spec.name,
      metric,
      missingReal,
      missingGenerated,
      missingDiffPoints,
      distance,
      problems,
    });
  }
  return {
    realFile: names.real,
    generatedFile: names.generated,
    rowsReal: real.rows,
    rowsGenerated: generated.rows,
    columns,
    flagged: columns.filter((c) => c.problems.length > 0).map((c) => c.column),
  };
}

/**
 * A test-sized sample of application_test rows generated in memory: the test clients of the
 * default data set (indices after the default train clients), with their header.
 */
export function sampleTestApplications(
  rows = DEFAULT_TEST_CLIENTS,
  seed = DEFAULT_SEED,
): CsvColumns {
  const lines = [APPLICATION_TEST_COLUMNS.map((c) => c.name).join(',')];
  for (let k = 0; k < rows; k++) {
    const index = DEFAULT_CLIENTS + k;
    lines.push(
      generateApplication(index, FIRST_SK_ID_CURR + index, true, new Random(seed, index)).line,
    );
  }
  return columnsFromLines(lines, 'generated sample');
}

/** Builds the report for a real file against a generated file (or a fresh in-memory sample). */
export async function realismReport(
  realFile: string,
  generatedFile?: string,
): Promise<RealismReport> {
  const real = await readCsvColumns(realFile);
  const generated = generatedFile
    ? await readCsvColumns(generatedFile)
    : sampleTestApplications(Math.max(1, real.rows));
  return compareApplications(real, generated, {
    real: realFile,
    generated: generatedFile ?? `generated sample (${real.rows} test clients, seed 42)`,
  });
}

/** The report as a text table with a summary line. */
export function formatRealismReport(report: RealismReport): string {
  const out: string[] = [];
  out.push(`real:      ${report.realFile} (${report.rowsReal} rows)`);
  out.push(`generated: ${report.generatedFile} (${report.rowsGenerated} rows)`);
  out.push(
    `aims: missing within ${REALISM_AIMS.missingPoints} pts, TVD ≤ ${REALISM_AIMS.tvd}, KS ≤ ${REALISM_AIMS.ks}`,
  );
  out.push('');
  out.push(
    `${'column'.padEnd(30)} ${'miss real'.padStart(9)} ${'miss gen'.padStart(9)} ${'metric'.padStart(6)} ${'dist'.padStart(6)}  flag`,
  );
  for (const c of report.columns) {
    out.push(
      `${c.column.padEnd(30)} ${(c.missingReal * 100).toFixed(1).padStart(8)}% ${(c.missingGenerated * 100).toFixed(1).padStart(8)}% ${c.metric.toUpperCase().padStart(6)} ${c.distance.toFixed(3).padStart(6)}  ${c.problems.join('; ')}`,
    );
  }
  out.push('');
  const n = report.columns.length;
  out.push(
    report.flagged.length === 0
      ? `summary: all ${n} columns within the aims`
      : `summary: ${n - report.flagged.length} of ${n} columns within the aims; over: ${report.flagged.join(', ')}`,
  );
  return out.join('\n');
}
