/** The admin area: users (./users.ts) and models (./models.ts), admin role only. */
import type { FastifyInstance } from 'fastify';
import { modelAdminRoutes } from './models.ts';
import { userAdminRoutes } from './users.ts';

export async function adminRoutes(app: FastifyInstance): Promise<void> {
  await app.register(userAdminRoutes);
  await app.register(modelAdminRoutes);
}
