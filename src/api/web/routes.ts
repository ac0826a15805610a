/**
 * The dashboard at `/`: files of web/dist, and index.html for every other page path (the router in
 * the browser reads the path), so a reload or a pasted /clients/123 opens the same page.
 * Never for /api/*: an unknown API path stays a JSON 404. Hashed files under /assets/ are cached for
 * a year (their name changes with their content); index.html is revalidated on every load so a new
 * build is picked up at once. Without a build, page paths answer a short page saying how to make one.
 */
import { statSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HINT_PAGE } from './hint-page.ts';

export interface WebRoutesOptions {
  /** The built dashboard (web/dist); its index.html is looked for on each page request. */
  distDir: string;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Whether `path` is a regular file (false for directories, missing files, unreadable ones). */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The decoded path of a request, or null when it must not reach the disk: undecodable, a NUL or a
 * backslash, or a segment that is empty, "." , ".." or hidden (".env").
 */
export function safePath(url: string): string | null {
  const pathname = url.split('?', 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded === '/') return decoded;
  const segments = decoded.slice(1).split('/');
  // A trailing slash (/clients/) is a page path; any other empty segment (//x) is refused.
  if (segments.at(-1) === '') segments.pop();
  if (segments.some((s) => s === '' || s.startsWith('.'))) return null;
  return decoded;
}

/** /api and /api/…, also when spelled with escapes (/%61pi/…). */
function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

export async function webRoutes(app: FastifyInstance, options: WebRoutesOptions): Promise<void> {
  const { distDir } = options;
  const indexFile = join(distDir, 'index.html');
  // Only the reply.sendFile decorator: the routes below choose what each path gets.
  await app.register(fastifyStatic, { serve: false });

  const page = (reply: FastifyReply) => {
    void reply.header('cache-control', 'no-cache');
    if (!isFile(indexFile)) return reply.type('text/html; charset=utf-8').send(HINT_PAGE);
    return reply.sendFile('index.html', distDir, { cacheControl: false });
  };

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = safePath(request.url);
    if (path === null || isApiPath(path)) return reply.callNotFound();
    const last = path.slice(path.lastIndexOf('/') + 1);
    // No dot in the last segment: a page of the app (/clients/123/compare).
    if (!last.includes('.')) return page(reply);
    if (path === '/index.html') return page(reply);
    const file = join(distDir, path);
    if (!file.startsWith(distDir + sep) || !isFile(file)) return reply.callNotFound();
    const relative = path.slice(1);
    if (relative.startsWith('assets/')) {
      return reply.sendFile(relative, distDir, { maxAge: YEAR_MS, immutable: true });
    }
    void reply.header('cache-control', 'no-cache');
    return reply.sendFile(relative, distDir, { cacheControl: false });
  };

  app.get('/', { schema: { hide: true } }, handler);
  app.get('/*', { schema: { hide: true } }, handler);
}
