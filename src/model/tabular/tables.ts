import { basename } from 'node:path';
import { type ProgressFactory, type ProgressSink, silentProgress } from '../../data/progress.ts';
import { type DenseMatrix, denseMatrix } from '../../engine/index.ts';
import { ModelError } from '../errors.ts';
import { isMissingCell, parseNumberCell } from './cells.ts';
import {
  CategoryCollector,
  type CellEncoder,
  type ColumnEncoding,
  columnEncoder,
  numericEncoder,
  type TabularEncoding,
  type TargetEncoding,
} from './encoding.ts';
import { forEachCsvRecord, type RecordHandler } from './read-csv.ts';
import { binaryClasses, numericTarget } from './target.ts';

/** What `readTrainingCsv` needs to know about the file. */
export interface TrainingCsvOptions {
  readonly target: string;
  /** Identifier column: kept out of the features, echoed by predict and explain. */
  readonly id?: string;
  /** Binary target: the label read as 1 (see binaryClasses for the default). */
  readonly positive?: string;
  /** 'binary' (default) or 'numeric' (regression). */
  readonly targetKind?: 'binary' | 'numeric';
  /** Reports rows read, once per pass over the file (the CLI passes bars). */
  readonly progress?: ProgressFactory;
}

const ROWS_PER_REPORT = 8192;

/** `handler` that also reports its record count to a progress sink now and then. */
function counted(handler: RecordHandler, sink: ProgressSink): RecordHandler {
  let count = 0;
  return (fields, line) => {
    handler(fields, line);
    if (++count % ROWS_PER_REPORT === 0) sink.update(count);
  };
}

/** Runs one pass over `file` under a progress sink labelled `label`. */
async function pass(
  file: string,
  label: string,
  progress: ProgressFactory,
  total: number,
  handler: RecordHandler,
  onHeader?: (header: readonly string[]) => void,
): Promise<{ header: readonly string[]; numRows: number }> {
  const sink = progress(`${label} ${basename(file)}`, total, 'rows');
  const result = await forEachCsvRecord(file, counted(handler, sink), onHeader);
  sink.update(result.numRows);
  sink.finish();
  return result;
}

/** A training file as the engine wants it, with the encoding to store in the model. */
export interface TrainingTable {
  readonly features: DenseMatrix;
  readonly labels: Float64Array;
  readonly featureNames: readonly string[];
  readonly encoding: TabularEncoding;
}

function requireColumn(
  file: string,
  header: readonly string[],
  column: string,
  role: string,
): number {
  const index = header.indexOf(column);
  if (index === -1) {
    throw new ModelError('MISSING_COLUMN', { file, column, role, columns: header.join(', ') });
  }
  return index;
}

/** First pass over a training file: row count, numeric columns, distinct target labels. */
async function scanTrainingFile(file: string, options: TrainingCsvOptions) {
  let targetIndex = -1;
  let numeric: boolean[] = [];
  const labels = new Set<string>();
  const { header, numRows } = await pass(
    file,
    'scan',
    options.progress ?? silentProgress,
    0,
    (fields, line) => {
      const target = fields[targetIndex] as string;
      if (isMissingCell(target)) {
        throw new ModelError('MISSING_TARGET', { file, line, column: options.target });
      }
      if (options.targetKind !== 'numeric') labels.add(target.trim());
      for (let c = 0; c < fields.length; c++) {
        const cell = fields[c] as string;
        if (numeric[c] && !isMissingCell(cell) && parseNumberCell(cell) === undefined) {
          numeric[c] = false;
        }
      }
    },
    (names) => {
      targetIndex = requireColumn(file, names, options.target, 'target');
      if (options.id !== undefined) requireColumn(file, names, options.id, 'id');
      if (options.id === options.target) {
        throw new ModelError('SAME_COLUMN', { column: options.id });
      }
      numeric = names.map(() => true);
    },
  );
  return { header, numRows, targetIndex, numeric, labels };
}

/**
 * Reads a training CSV in two streaming passes: every column but the target and the id is a
 * feature, numeric when all its non-missing cells are numbers, else categorical (sorted
 * categories → 0..k−1). Missing cells (empty, NA, NaN, null, any case) become NaN. Throws a
 * ModelError for an empty file, a file without data rows, a missing target or id column, or a
 * target that is not binary (or, for targetKind 'numeric', not numbers).
 */
export async function readTrainingCsv(
  file: string,
  options: TrainingCsvOptions,
): Promise<TrainingTable> {
  const scan = await scanTrainingFile(file, options);
  const { header, numRows, targetIndex } = scan;
  if (numRows === 0) {
    throw new ModelError('NO_DATA_ROWS', { file });
  }
  const classes =
    options.targetKind === 'numeric'
      ? null
      : binaryClasses(file, options.target, scan.labels, options.positive);
  const featureIndex = header
    .map((name, c) => (name === options.target || name === options.id ? -1 : c))
    .filter((c) => c !== -1);
  if (featureIndex.length === 0) {
    throw new ModelError('NO_FEATURES', { file });
  }
  const collectors = featureIndex.map((c) => (scan.numeric[c] ? null : new CategoryCollector()));
  const encoders: CellEncoder[] = featureIndex.map(
    (c, j) => collectors[j]?.encode ?? numericEncoder(file, header[c] as string),
  );

  const values = new Float64Array(numRows * featureIndex.length);
  const labels = new Float64Array(numRows);
  let r = 0;
  await pass(file, 'read', options.progress ?? silentProgress, numRows, (fields, line) => {
    for (let j = 0; j < featureIndex.length; j++) {
      values[j * numRows + r] = (encoders[j] as CellEncoder)(
        fields[featureIndex[j] as number] as string,
        line,
      );
    }
    const target = fields[targetIndex] as string;
    labels[r] =
      classes === null ? numericTarget(file, options.target, target, line) : classes.label(target);
    r++;
  });
  if (r !== numRows) {
    throw new ModelError('CHANGED_FILE', { file });
  }

  const columns: ColumnEncoding[] = featureIndex.map((c, j) => {
    const name = header[c] as string;
    const collector = collectors[j];
    if (collector === null || collector === undefined) return { name, kind: 'numeric' };
    return {
      name,
      kind: 'categorical',
      categories: collector.finish(values, j * numRows, numRows),
    };
  });
  const target: TargetEncoding = {
    column: options.target,
    positive: classes?.positive ?? null,
    negative: classes?.negative ?? null,
  };
  return {
    features: denseMatrix(values, numRows, columns.length, 'column-major'),
    labels,
    featureNames: columns.map((column) => column.name),
    encoding: {
      format: 'creditlens-tabular',
      version: 1,
      columns,
      idColumn: options.id ?? null,
      target,
    },
  };
}

/** A file to score: the model's feature matrix, the ids and the columns not used. */
export interface ScoringTable {
  readonly features: DenseMatrix;
  /** The id column's cells, when the file has one. */
  readonly ids: readonly string[] | null;
  readonly idColumn: string | null;
  /** Input columns that are neither features nor the id (ignored). */
  readonly extraColumns: readonly string[];
}

/**
 * Reads a CSV to score with a model of features `featureNames` in two streaming passes: columns
 * are found by name (any order), encoded as at training time when `encoding` is given, else read
 * as numbers. Model features absent from the file throw a ModelError naming them all.
 */
export async function readScoringCsv(
  file: string,
  featureNames: readonly string[],
  encoding: TabularEncoding | undefined,
  id?: string,
  progress: ProgressFactory = silentProgress,
): Promise<ScoringTable> {
  let header: readonly string[] = [];
  // First pass: check the header (fails fast) and count the rows.
  const { numRows } = await pass(
    file,
    'scan',
    progress,
    0,
    () => {},
    (names) => {
      header = names;
      const missing = featureNames.filter((name) => !names.includes(name));
      if (missing.length > 0) {
        throw new ModelError('MISSING_FEATURES', {
          file,
          column: missing[0] as string,
          count: missing.length,
          total: featureNames.length,
          names: missing.join(', '),
        });
      }
      if (id !== undefined) requireColumn(file, names, id, 'id');
    },
  );
  const idColumn = id ?? encoding?.idColumn ?? null;
  const idIndex = idColumn === null ? -1 : header.indexOf(idColumn);
  const columns: readonly ColumnEncoding[] =
    encoding?.columns ?? featureNames.map((name) => ({ name, kind: 'numeric' }));
  const indices = columns.map((column) => header.indexOf(column.name));
  const encoders = columns.map((column) => columnEncoder(file, column));

  const values = new Float64Array(numRows * columns.length);
  const ids: string[] | null = idIndex === -1 ? null : [];
  let r = 0;
  await pass(file, 'read', progress, numRows, (fields, line) => {
    for (let j = 0; j < indices.length; j++) {
      values[j * numRows + r] = (encoders[j] as CellEncoder)(
        fields[indices[j] as number] as string,
        line,
      );
    }
    ids?.push(fields[idIndex] as string);
    r++;
  });
  if (r !== numRows) {
    throw new ModelError('CHANGED_FILE', { file });
  }
  const used = new Set<string>(featureNames);
  if (idIndex !== -1 && idColumn !== null) used.add(idColumn);
  if (encoding !== undefined) used.add(encoding.target.column);
  return {
    features: denseMatrix(values, numRows, columns.length, 'column-major'),
    ids,
    idColumn: idIndex === -1 ? null : idColumn,
    extraColumns: header.filter((name) => !used.has(name)),
  };
}
