/**
 * The eval bootstrap of the engine's worker threads. Node 20 loads a worker's entry before any
 * `--import` hook (tsx) is active in it, so a .ts entry first registers tsx, resolved from the
 * entry's own location; a built .js entry is imported directly.
 */
export function bootstrapCode(entry: string): string {
  const url = JSON.stringify(entry);
  if (!entry.endsWith('.ts')) return `import(${url});`;
  return [
    `const tsx = require('node:module').createRequire(${url}).resolve('tsx/esm/api');`,
    `import(require('node:url').pathToFileURL(tsx).href)`,
    `  .then((m) => { m.register(); return import(${url}); });`,
  ].join('\n');
}

/** The URL of worker entry `name` (`name.ts` when running from sources, else `name.js`). */
export function workerEntry(name: string): string {
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  return new URL(`./${name}.${extension}`, import.meta.url).href;
}
