/**
 * What the error catalogues' tests compare with their catalogue: the rows of the layer's section of
 * docs/errors.md, and the codes the layer's error class is thrown with in the source.
 * (src/engine/errors.test.ts has its own copy: the engine imports nothing of ours.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** A row of docs/errors.md: the message template and the meaning. */
export interface DocumentedError {
  readonly message: string;
  readonly doc: string;
}

/**
 * The rows "| `CODE` | message | meaning |" of the docs/errors.md section whose "## " heading
 * names `className` (e.g. "## Data (`DataError`)"), by code. A code listed twice is kept twice
 * under a "#2" suffix, so that the comparison with the catalogue fails.
 */
export function documentedErrors(className: string): Map<string, DocumentedError> {
  const text = readFileSync(join(ROOT, 'docs/errors.md'), 'utf8');
  const section = text
    .split(/^## /m)
    .slice(1)
    .find((s) => (s.split('\n')[0] as string).includes(`\`${className}\``));
  const rows = new Map<string, DocumentedError>();
  if (section === undefined) return rows;
  for (const match of section.matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|(.*)\|(.*)\|\s*$/gm)) {
    const code = match[1] as string;
    const key = rows.has(code) ? `${code}#2` : code;
    rows.set(key, { message: (match[2] as string).trim(), doc: (match[3] as string).trim() });
  }
  return rows;
}

function sourceFiles(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => {
    const child = join(path, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(child);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [child] : [];
  });
}

/**
 * The codes of every `new ClassName('CODE'` in the non-test .ts files under `paths` (files or
 * directories, relative to the repository root).
 */
export function thrownCodes(className: string, paths: readonly string[]): Set<string> {
  const pattern = new RegExp(`new ${className}\\(\\s*'([A-Z0-9_]+)'`, 'g');
  const codes = new Set<string>();
  for (const file of paths.flatMap((p) => sourceFiles(join(ROOT, p)))) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) codes.add(match[1] as string);
  }
  return codes;
}
