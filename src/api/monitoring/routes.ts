/**
 * GET /api/monitoring (admin): the last monitoring report `creditlens monitor` stored under
 * <data>/monitoring/latest.json (src/model/monitoring/store.ts), as it was computed; 404
 * REPORT_NOT_FOUND before the first one.
 */
import type { FastifyInstance } from 'fastify';
import { loadLatestReport, monitoringDir } from '../../model/monitoring/store.ts';
import { recordAudit } from '../audit/record.ts';
import { requireRole } from '../auth/session.ts';
import { typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { errorResponses } from '../schemas.ts';

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
      // The stored report is the schema's shape; only the read-only arrays need copying.
      return { ...report, model: { ...report.model, bands: [...report.model.bands] } };
    },
  );
}
