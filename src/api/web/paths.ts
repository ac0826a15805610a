/** Where the dashboard's sources and build live, relative to this package (not the cwd). */
import { join, resolve } from 'node:path';

/** web/: the Vite project (index.html, vite.config.ts, src/). */
export const WEB_DIR = resolve(import.meta.dirname, '../../../web');

/** web/dist: the built dashboard that `creditlens serve` serves at `/`. */
export const WEB_DIST = join(WEB_DIR, 'dist');
