/**
 * Monitoring a served model over time: stability of the score and of each feature between the
 * development population and a window of applications (PSI on bins fixed on the development
 * data), the performance the probabilities imply, and the back-test once outcomes exist (AUC with
 * its DeLong interval, Jeffreys test per band, Brier, reliability). See docs/monitoring.md.
 */
export {
  type AucDropTest,
  type AucInterval,
  aucDropTest,
  aucWithInterval,
} from './auc-interval.ts';
export { type BackTest, type BandBackTest, backTest, JEFFREYS_THRESHOLDS } from './back-test.ts';
export { betaCdf, betaQuantile, normalCdf, normalQuantile } from './beta.ts';
export { type Bins, binCounts, binLabels, fitBins, MAX_CATEGORIES } from './bins.ts';
export { type ExpectedPerformance, expectedPerformance } from './expected.ts';
export { reportHtml } from './html.ts';
export { type JeffreysTest, jeffreysTest } from './jeffreys.ts';
export { reportCharts, reportMarkdown } from './markdown.ts';
export { type MonitorOptions, monitor } from './monitor.ts';
export { monitorStored, monitorWindow, type WindowSource } from './monitor-stored.ts';
export { PSI_FLOOR, PSI_THRESHOLDS, psi, type TrafficLight, trafficLight } from './psi.ts';
export {
  buildReport,
  type MonitoringInput,
  type MonitoringReport,
  type RejectedRow,
  type ScoredRows,
  type UnseenCategories,
} from './report.ts';
export { type VariableStability, variableStability } from './stability.ts';
export { LATEST_REPORT, loadLatestReport, monitoringDir, saveReport } from './store.ts';
