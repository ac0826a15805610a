/**
 * The record of a champion–challenger comparison, as printed by `train --challenger` and stored
 * as `<data-dir>/challenges/<challenger id>.json` and `.md` beside it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Challenge, ModelOnWindow } from './compare.ts';

export interface ChallengeReport {
  readonly format: 'creditlens-challenge';
  readonly version: 1;
  readonly createdAt: string;
  /** What the challenger learnt from beyond the development data. */
  readonly training: {
    /** The window of stored applications (YYYY-MM-DD, inclusive / exclusive); null: none. */
    readonly windowSince: string | null;
    readonly windowUntil: string | null;
    readonly added: number;
    readonly rejected: number;
  };
  /** Where the compared applications came from, and the rows neither model could read. */
  readonly window: {
    readonly source: string;
    readonly rejected: { readonly where: string; readonly message: string }[];
  };
  readonly challenge: Challenge;
  /** The command that makes the challenger the active model (also when not recommended). */
  readonly promoteCommand: string;
}

const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '—');
const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

function row(label: string, m: ModelOnWindow): string {
  const auc = m.auc === null ? '—' : `${f3(m.auc.auc)} [${f3(m.auc.lower)}, ${f3(m.auc.upper)}]`;
  return `| ${label} | \`${m.id}\` (${m.chosen}) | ${auc} | ${f3(m.threshold)} | ${f3(m.cost)} | ${f3(m.normalisedCost)} | ${m.brier.toFixed(4)} | ${pct(m.refusedShare)} |`;
}

/** The comparison in Markdown: the table, the paired test, the recommendation and the command. */
export function challengeMarkdown(report: ChallengeReport): string {
  const c = report.challenge;
  const t = report.training;
  const test = c.aucTest;
  return [
    `# Champion and challenger`,
    '',
    `Compared on ${c.rows} applications with an outcome (${c.defaults} defaults) from ${report.window.source}` +
      (report.window.rejected.length > 0
        ? `; ${report.window.rejected.length} rows left out (a field neither model could read, e.g. ${report.window.rejected[0]?.where}: ${report.window.rejected[0]?.message})`
        : '') +
      '.',
    `The challenger learnt from the development data` +
      (t.windowSince === null
        ? ' alone (no window).'
        : ` and ${t.added} stored applications with an outcome received from ${t.windowSince} to ${t.windowUntil ?? 'now'}${t.rejected > 0 ? ` (${t.rejected} unreadable, left out)` : ''}.`),
    '',
    `| model | run | AUC [95 % DeLong] | threshold | cost | normalised cost | Brier | refused |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('champion', c.champion),
    row('challenger', c.challenger),
    '',
    `Costs: a missed default ${c.costs.falseNegative}, a refused good client ${c.costs.falsePositive} (the champion's), each model at its own threshold.`,
    test === null
      ? 'Paired AUC test: not possible (the window lacks defaults or repayments).'
      : `Paired DeLong test, challenger − champion: ΔAUC ${test.difference >= 0 ? '+' : ''}${f3(test.difference)} (SE ${f3(test.standardError)}, z ${test.statistic.toFixed(2)}, two-sided p = ${test.pValue.toPrecision(2)}).`,
    '',
    `**Recommendation: ${c.recommendation.promote ? 'promote the challenger' : 'keep the champion'}.** ${c.recommendation.reason[0]?.toUpperCase()}${c.recommendation.reason.slice(1)}.`,
    '',
    `To promote it${c.recommendation.promote ? '' : ' anyway'}: \`${report.promoteCommand}\``,
    '',
  ].join('\n');
}

/** Writes the report as JSON and Markdown; returns the JSON file's path. */
export async function saveChallenge(dir: string, report: ChallengeReport): Promise<string> {
  await mkdir(dir, { recursive: true });
  const base = join(dir, report.challenge.challenger.id);
  await writeFile(`${base}.md`, challengeMarkdown(report));
  await writeFile(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  return `${base}.json`;
}
