/**
 * The model registry: save, list, load, promote training runs under `<data-dir>/models`.
 * See registry.ts for the layout.
 */
export { codeVersion } from './code-version.ts';
export {
  type LoadedRun,
  listRuns,
  loadActiveRun,
  loadRun,
  promoteRun,
  RUN_FILES,
  type SavableRun,
  type SaveOptions,
  saveRun,
} from './registry.ts';
export type { RunSummary } from './registry-file.ts';
export { isRunId, newRunId } from './run-id.ts';
