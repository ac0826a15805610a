/** The JavaScript budget arithmetic on a hand-made manifest: what counts where, and the failures. */
import { describe, expect, it } from 'vitest';
import { describeJs, type Manifest, measureJs, overBudget } from '../e2e/js-budget.ts';

const manifest: Manifest = {
  'index.html': {
    file: 'assets/index.js',
    isEntry: true,
    imports: ['_react.js'],
    dynamicImports: ['src/pages/A.tsx', 'src/pages/B.tsx'],
  },
  '_react.js': { file: 'assets/react.js' },
  '_shared.js': {
    file: 'assets/shared.js',
    imports: ['index.html'],
    dynamicImports: ['src/charts/lib.ts'],
  },
  'src/pages/A.tsx': {
    file: 'assets/A.js',
    isDynamicEntry: true,
    imports: ['index.html', '_shared.js'],
  },
  'src/pages/B.tsx': { file: 'assets/B.js', isDynamicEntry: true, imports: ['_react.js'] },
  'src/charts/lib.ts': { file: 'assets/lib.js', isDynamicEntry: true, imports: ['index.html'] },
  '_style.css': { file: 'assets/style.css' },
};

const sizes: Record<string, number> = {
  'assets/index.js': 100_000,
  'assets/react.js': 40_000,
  'assets/shared.js': 30_000,
  'assets/A.js': 95_000,
  'assets/B.js': 10_000,
  'assets/lib.js': 180_000,
};
const gzipSize = (file: string) => {
  const size = sizes[file];
  if (size === undefined) throw new Error(`no size for ${file}`);
  return size;
};

describe('JavaScript budgets from the manifest', () => {
  it('counts the entry with its static imports, and each page with what the entry has not loaded', () => {
    const costs = measureJs(manifest, gzipSize);
    expect(costs.firstRoute).toMatchObject({
      files: ['assets/index.js', 'assets/react.js'],
      gzipBytes: 140_000,
    });
    const [a, b] = costs.pages;
    expect(a).toMatchObject({
      name: 'src/pages/A.tsx',
      files: ['assets/A.js', 'assets/shared.js'],
    });
    expect(a?.gzipBytes).toBe(125_000);
    expect(a?.lazy).toEqual(['src/charts/lib.ts']);
    // B imports only what the first route loaded already.
    expect(b).toMatchObject({ files: ['assets/B.js'], gzipBytes: 10_000, lazy: [] });
    expect(costs.libraries).toMatchObject([{ name: 'src/charts/lib.ts', gzipBytes: 180_000 }]);
  });

  it('names every chunk over its budget with its size and files, and nothing when all fit', () => {
    const costs = measureJs(manifest, gzipSize);
    expect(overBudget(costs)).toEqual([
      'the page src/pages/A.tsx is 125.0 kB gzipped, over its 120.0 kB budget (assets/A.js, assets/shared.js)',
    ]);
    expect(
      overBudget(costs, { firstRoute: 139_999, page: 125_000, library: 179_999 }).map(
        (p) => p.split(' is ')[0],
      ),
    ).toEqual(['the first route index.html', 'the lazily loaded library src/charts/lib.ts']);
    expect(overBudget(costs, { firstRoute: 140_000, page: 125_000, library: 180_000 })).toEqual([]);
    expect(describeJs(costs)[1]).toBe(
      'page src/pages/A.tsx: 125.0 kB gzipped of 120.0 kB (assets/A.js, assets/shared.js); fetches on demand src/charts/lib.ts',
    );
  });

  it('refuses a manifest that names a chunk it lacks, or has no entry', () => {
    const broken: Manifest = {
      ...manifest,
      'src/pages/B.tsx': { file: 'assets/B.js', isDynamicEntry: true, imports: ['_gone.js'] },
    };
    expect(() => measureJs(broken, gzipSize)).toThrow('the manifest names _gone.js');
    expect(() => measureJs({ '_react.js': { file: 'assets/react.js' } }, gzipSize)).toThrow(
      'expected one entry chunk, found 0',
    );
  });
});
