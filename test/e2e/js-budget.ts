/**
 * The dashboard's JavaScript budgets, read from Vite's build manifest (`vite build --manifest`):
 * - the first route (login and client search: the entry chunk and everything it imports
 *   statically) ≤ 150 kB gzipped;
 * - each lazily loaded page (a dynamic import under src/pages/) with the chunks it imports
 *   statically that the first route has not loaded already ≤ 120 kB gzipped: what opening that
 *   page first downloads. Chunks shared between pages count in full for each of them;
 * - every other lazily loaded chunk (a library a page fetches on demand, ECharts) is measured on
 *   its own, against its own budget, and named beside the pages that reach it.
 * Sizes are gzip level 9 of the built files, in kB of 1,000 bytes as Vite prints them.
 */

/** One entry of .vite/manifest.json (the fields used here). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface ChunkCost {
  /** The manifest key: "index.html", "src/pages/ClientPage.tsx"… */
  name: string;
  /** The JavaScript files it downloads, its own first. */
  files: string[];
  gzipBytes: number;
  /** The lazily loaded libraries (manifest keys) these files may fetch later. */
  lazy: string[];
}

export interface JsCosts {
  firstRoute: ChunkCost;
  pages: ChunkCost[];
  libraries: ChunkCost[];
}

export interface JsBudgets {
  firstRoute: number;
  page: number;
  library: number;
}

/** The issue's budgets (bytes): 150 kB first route, 120 kB a page; ECharts (180 kB) with ≈5 % room. */
export const JS_BUDGETS: JsBudgets = { firstRoute: 150_000, page: 120_000, library: 190_000 };

/** `key` and every chunk it imports statically, transitively. */
function staticClosure(manifest: Manifest, key: string): string[] {
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k)) return;
    const chunk = manifest[k];
    if (!chunk) throw new Error(`the manifest names ${k} but has no entry for it`);
    seen.add(k);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(key);
  return [...seen];
}

function costOf(
  manifest: Manifest,
  name: string,
  keys: string[],
  gzipSize: (file: string) => number,
): ChunkCost {
  const chunks = keys.map((k) => manifest[k] as ManifestChunk);
  const files = chunks.map((c) => c.file).filter((f) => f.endsWith('.js'));
  const lazy = [...new Set(chunks.flatMap((c) => c.dynamicImports ?? []))];
  return { name, files, gzipBytes: files.reduce((sum, f) => sum + gzipSize(f), 0), lazy };
}

/** What the first route, each lazy page and each lazy library download, from the manifest. */
export function measureJs(manifest: Manifest, gzipSize: (file: string) => number): JsCosts {
  const entries = Object.keys(manifest).filter((k) => manifest[k]?.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry chunk, found ${entries.length}`);
  const entry = entries[0] as string;
  const first = staticClosure(manifest, entry);
  const loaded = new Set(first);
  const firstRoute = costOf(manifest, entry, first, gzipSize);
  const pages: ChunkCost[] = [];
  const libraries: ChunkCost[] = [];
  for (const key of Object.keys(manifest).filter((k) => manifest[k]?.isDynamicEntry)) {
    const own = staticClosure(manifest, key).filter((k) => !loaded.has(k));
    const cost = costOf(manifest, key, own, gzipSize);
    (key.startsWith('src/pages/') ? pages : libraries).push(cost);
  }
  // A page reaches a library through its own chunks, or through the entry's; pages are no library.
  const isLibrary = (k: string) => libraries.some((l) => l.name === k);
  for (const page of pages)
    page.lazy = [...new Set([...page.lazy, ...firstRoute.lazy])].filter(isLibrary);
  firstRoute.lazy = firstRoute.lazy.filter(isLibrary);
  return { firstRoute, pages, libraries };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** One line per chunk: its name, files and size against its budget. */
export function describeJs(costs: JsCosts, budgets: JsBudgets = JS_BUDGETS): string[] {
  const line = (what: string, c: ChunkCost, budget: number) =>
    `${what} ${c.name}: ${kB(c.gzipBytes)} gzipped of ${kB(budget)} (${c.files.join(', ')})${
      c.lazy.length > 0 ? `; fetches on demand ${c.lazy.join(', ')}` : ''
    }`;
  return [
    line('first route', costs.firstRoute, budgets.firstRoute),
    ...costs.pages.map((p) => line('page', p, budgets.page)),
    ...costs.libraries.map((l) => line('lazy library', l, budgets.library)),
  ];
}

/** Each chunk over its budget, named with its size and files (empty: every budget is kept). */
export function overBudget(costs: JsCosts, budgets: JsBudgets = JS_BUDGETS): string[] {
  const over = (what: string, c: ChunkCost, budget: number) =>
    c.gzipBytes > budget
      ? [
          `${what} ${c.name} is ${kB(c.gzipBytes)} gzipped, over its ${kB(budget)} budget (${c.files.join(', ')})`,
        ]
      : [];
  return [
    ...over('the first route', costs.firstRoute, budgets.firstRoute),
    ...costs.pages.flatMap((p) => over('the page', p, budgets.page)),
    ...costs.libraries.flatMap((l) => over('the lazily loaded library', l, budgets.library)),
  ];
}
