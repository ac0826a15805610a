/**
 * Where monitoring reports live: `<data>/monitoring/<YYYYMMDD-HHMMSS>/` (report.json, report.md and
 * the charts the Markdown links to, report.html with the charts inline), and `<data>/monitoring/latest.json`, the last report, which
 * `GET /api/monitoring` serves. Both written atomically (a reader never sees half a report).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeDirectoryAtomic, writeFileAtomic } from '../registry/atomic-write.ts';
import { reportHtml } from './html.ts';
import { reportCharts, reportMarkdown } from './markdown.ts';
import type { MonitoringReport } from './report.ts';

/** The monitoring directory of a data directory. */
export function monitoringDir(dataDir: string): string {
  return join(dataDir, 'monitoring');
}

/** The file of the last report. */
export const LATEST_REPORT = 'latest.json';
/** The last report as a page, which the model card links to. */
export const LATEST_HTML = 'latest.html';

function stamp(iso: string): string {
  return iso.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Stores a report; returns the directory written. */
export async function saveReport(dir: string, report: MonitoringReport): Promise<string> {
  await mkdir(dir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  let target = join(dir, stamp(report.createdAt));
  for (let n = 2; existsSync(target); n++) target = join(dir, `${stamp(report.createdAt)}-${n}`);
  const files: Record<string, () => string> = {
    'report.json': () => json,
    'report.md': () => reportMarkdown(report),
    'report.html': () => reportHtml(report),
  };
  for (const [name, svg] of Object.entries(reportCharts(report))) files[name] = () => svg;
  await writeDirectoryAtomic(target, files);
  await writeFileAtomic(join(dir, LATEST_REPORT), json);
  // The model card links here (../../monitoring/latest.html from models/<run>/card.html).
  await writeFileAtomic(join(dir, LATEST_HTML), reportHtml(report));
  return target;
}

/** The last stored report, or null when none was computed yet. */
export async function loadLatestReport(dir: string): Promise<MonitoringReport | null> {
  try {
    const report = JSON.parse(await readFile(join(dir, LATEST_REPORT), 'utf8')) as MonitoringReport;
    // Reports written before the window was kept as days name no period.
    return { ...report, source: { ...report.source, period: report.source.period ?? null } };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
