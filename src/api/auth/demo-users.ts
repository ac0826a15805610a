/**
 * Demo users, created on first run (an empty user table) so the product can be shown at once.
 * The passwords are fixed and documented (docs/api.md): demo data only, never a real deployment.
 */
import type { ClientRepository } from '../clients/repository.ts';
import type { Role, UserStore } from '../store/types.ts';
import { hashPassword } from './password.ts';

export interface DemoUser {
  username: string;
  password: string;
  role: Role;
  clientId: number | null;
}

export const DEMO_PASSWORDS = {
  adviser: 'adviser-demo',
  admin: 'admin-demo',
  customer: 'customer-demo',
} as const;

/**
 * Creates adviser, admin, customer1 and customer2 when there is no user yet; the customers are
 * linked to the two lowest SK_ID_CURR of the test split. Returns the users it created. Safe when
 * several servers start at once on one store: a name another one created meanwhile is skipped
 * (createIfAbsent), never an error.
 */
export async function createDemoUsers(
  users: UserStore,
  clients: ClientRepository | null,
): Promise<DemoUser[]> {
  if ((await users.count()) > 0) return [];
  const customerIds = clients ? await clients.lowestIds('test', 2) : [];
  const demo: DemoUser[] = [
    { username: 'adviser', password: DEMO_PASSWORDS.adviser, role: 'adviser', clientId: null },
    { username: 'admin', password: DEMO_PASSWORDS.admin, role: 'admin', clientId: null },
    ...customerIds.map((id, i) => ({
      username: `customer${i + 1}`,
      password: DEMO_PASSWORDS.customer,
      role: 'customer' as const,
      clientId: id,
    })),
  ];
  const created: DemoUser[] = [];
  for (const u of demo) {
    const user = await users.createIfAbsent({
      username: u.username,
      role: u.role,
      clientId: u.clientId,
      passwordHash: await hashPassword(u.password),
    });
    if (user) created.push(u);
  }
  return created;
}
