/**
 * GET /api/monitoring/latest (admin): what the model card says of the last report (when, which
 * model, its overall light), or null before the first one: always 200, so a page that only
 * mentions the report neither downloads it nor logs a failed request.
 *
 * GET /api/monitoring (admin): the last monitoring report `creditlens monitor` (or the route
 * below) stored under <data>/monitoring/latest.json (src/model/monitoring/store.ts), as it was
 * computed; 404 REPORT_NOT_FOUND before the first one.
 *
 * POST /api/monitoring/reports (admin, expensive): computes the report of the applications stored
 * over a period with their stored outcomes, against the served model's development population
 * (src/model/monitoring/monitor-stored.ts, as `creditlens monitor --since`), stores it as the
 * latest and answers it. It reads the development features through the one DuckDB connection, so
 * it holds the connection's queue while it runs (about a second on the demo data; on the full
 * Kaggle data the CLI is the better place).
 */
import type { FastifyInstance } from 'fastify';
import { ModelError } from '../../model/errors.ts';
import { monitorWindow } from '../../model/monitoring/monitor-stored.ts';
import type { MonitoringReport } from '../../model/monitoring/report.ts';
import { loadLatestReport, monitoringDir, saveReport } from '../../model/monitoring/store.ts';
import { recordAudit } from '../audit/record.ts';
import { requireRole } from '../auth/session.ts';
import { typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { parseOutcomeDate } from '../outcomes/outcome-date.ts';
import { errorResponses } from '../schemas.ts';

const windowBody = {
  type: 'object',
  required: ['since'],
  additionalProperties: false,
  properties: {
    since: {
      type: 'string',
      format: 'date',
      description: 'the first day of the window (inclusive), on the applications’ creation time',
    },
    until: {
      type: 'string',
      format: 'date',
      description: 'the day after the window (exclusive); default: now',
    },
  },
} as const;

/** The stored report as served: only the read-only arrays need copying for the schema's type. */
function served(report: MonitoringReport) {
  return { ...report, model: { ...report.model, bands: [...report.model.bands] } };
}

function day(field: string, text: string): number {
  const ms = parseOutcomeDate(text);
  if (ms === null) throw apiError('BAD_REQUEST', { field, reason: `not a real day: '${text}'` });
  return ms;
}

export async function monitoringRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);
  const dir = monitoringDir(fastify.ctx.config.dataDir);

  app.get(
    '/api/monitoring',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary:
          'The last monitoring report: drift of the score and features (PSI), band mix, expected and back-tested performance',
        response: {
          200: { $ref: 'MonitoringReport#' },
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const report = await loadLatestReport(dir);
      if (report === null) throw apiError('REPORT_NOT_FOUND', {});
      await recordAudit(app, request, {
        action: 'admin.monitoring.read',
        modelVersion: report.model.id,
        inputs: {},
        output: { createdAt: report.createdAt, status: report.summary.status },
      });
      return served(report);
    },
  );

  app.get(
    '/api/monitoring/latest',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary:
          'When the last monitoring report was computed, for which model, and its overall light (null before the first)',
        response: {
          200: {
            type: 'object',
            required: ['latest'],
            additionalProperties: false,
            properties: {
              latest: {
                type: ['object', 'null'],
                required: ['createdAt', 'modelId', 'status'],
                additionalProperties: false,
                properties: {
                  createdAt: { type: 'string', format: 'date-time' },
                  modelId: { type: 'string' },
                  status: { type: 'string', enum: ['green', 'amber', 'red'] },
                },
              },
            },
          },
          ...errorResponses(401, 403),
        },
      },
    },
    async () => {
      const report = await loadLatestReport(dir);
      if (report === null) return { latest: null };
      const { createdAt, model, summary } = report;
      return { latest: { createdAt, modelId: model.id, status: summary.status } };
    },
  );

  app.post(
    '/api/monitoring/reports',
    {
      onRequest: requireRole('admin'),
      config: { expensive: true },
      schema: {
        tags: ['admin'],
        summary:
          'Computes the monitoring report of the applications stored over a period (and their stored outcomes) with the served model, stores it as the latest and answers it',
        body: windowBody,
        response: {
          201: { $ref: 'MonitoringReport#' },
          ...errorResponses(400, 401, 403, 413, 422, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const since = day('body.since', request.body.since);
      const until =
        request.body.until === undefined ? undefined : day('body.until', request.body.until);
      if (until !== undefined && until <= since) {
        throw apiError('BAD_REQUEST', { field: 'body.until', reason: 'must come after since' });
      }
      const { clients, scores, clientsProblem, modelProblem } = fastify.ctx;
      if (clients === null)
        throw apiError('NOT_READY', { reason: clientsProblem ?? 'no client data' });
      if (scores === null)
        throw apiError('NOT_READY', { reason: modelProblem ?? 'no active model' });
      const run = { record: scores.record, model: scores.model };
      let report: MonitoringReport;
      try {
        ({ report } = await clients.withDb((db) =>
          monitorWindow({
            db,
            run,
            store: fastify.ctx.store,
            since,
            ...(until === undefined ? {} : { until }),
          }),
        ));
      } catch (error) {
        if (error instanceof ModelError && error.code === 'NO_STORED_APPLICATIONS') {
          throw apiError('NO_APPLICATIONS_IN_WINDOW', { window: error.message });
        }
        throw error;
      }
      await saveReport(dir, report);
      await recordAudit(app, request, {
        action: 'admin.monitoring.compute',
        modelVersion: report.model.id,
        inputs: request.body,
        output: { createdAt: report.createdAt, status: report.summary.status, rows: report.rows },
      });
      void reply.code(201);
      return served(report);
    },
  );
}
