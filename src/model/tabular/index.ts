/**
 * Generic CSV files as engine matrices: the reader behind `creditlens fit`, `predict` and
 * `explain`. Column kinds and category lists found at training time are recorded in the model
 * (Model.encoding) and reused when scoring, so both sides encode alike.
 */
export { isMissingCell, parseNumberCell } from './cells.ts';
export {
  CategoryCollector,
  type CellEncoder,
  type ColumnEncoding,
  type ColumnKind,
  columnEncoder,
  readTabularEncoding,
  type TabularEncoding,
  type TargetEncoding,
} from './encoding.ts';
export {
  type LoadedModel,
  loadModelFile,
  loadScoringInput,
  type ScoringInput,
} from './load-model.ts';
export { type CsvTable, forEachCsvRecord, type RecordHandler, readCsvTable } from './read-csv.ts';
export {
  readScoringCsv,
  readTrainingCsv,
  type ScoringTable,
  type TrainingCsvOptions,
  type TrainingTable,
} from './tables.ts';
export { type BinaryClasses, binaryClasses } from './target.ts';
export { csvField, csvNumber, writeCsv } from './write-csv.ts';
