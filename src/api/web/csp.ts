/**
 * The Content-Security-Policy of every answer, as strict as the dashboard allows: scripts, styles,
 * fetches and images from this origin only. Two allowances, each for a reason:
 * - style-src 'unsafe-inline': ECharts' SVG renderer writes style attributes on its elements;
 * - img-src data:: ECharts' "save as image" and small inline icons.
 * No upgrade-insecure-requests: the server also runs over plain http on a LAN address, where the
 * browser would upgrade the asset requests to an https port nobody listens on.
 * The Swagger UI at /api/docs sets its own policy on its routes (staticCSP).
 */
import type { FastifyHelmetOptions } from '@fastify/helmet';

export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
} as const satisfies Record<string, readonly string[]>;

/** Options of @fastify/helmet: helmet's defaults except the policy above. */
export const helmetOptions: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: Object.fromEntries(
      Object.entries(CSP_DIRECTIVES).map(([name, values]) => [name, [...values]]),
    ),
  },
};
