/**
 * The audit page's filters in the URL (/audit?user=adviser&from=2026-12-01&page=2). Dates are days
 * in the browser's time zone, both ends included; the API wants instants, end excluded.
 */
export interface AuditQuery {
  user?: string;
  client?: number;
  action?: string;
  /** yyyy-mm-dd, the first day shown. */
  from?: string;
  /** yyyy-mm-dd, the last day shown. */
  to?: string;
  page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseAuditQuery(search: string): AuditQuery {
  const p = new URLSearchParams(search);
  const user = p.get('user')?.trim();
  const client = p.get('client') ?? '';
  const action = p.get('action') ?? '';
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  const page = p.get('page') ?? '';
  return {
    user: user && user.length <= 64 ? user : undefined,
    client: /^\d{1,9}$/.test(client) ? Number(client) : undefined,
    action: /^[a-z.]{1,64}$/.test(action) ? action : undefined,
    from: DAY.test(from) && validDay(from) ? from : undefined,
    to: DAY.test(to) && validDay(to) ? to : undefined,
    page: /^\d{1,7}$/.test(page) && Number(page) >= 1 ? Number(page) : undefined,
  };
}

export function validDay(day: string): boolean {
  return Number.isFinite(startOfDay(day).getTime());
}

/** Local midnight of a yyyy-mm-dd day. */
export function startOfDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d);
  return date.getMonth() === m - 1 ? date : new Date(Number.NaN);
}

export function auditQueryString(q: AuditQuery): string {
  const p = new URLSearchParams();
  if (q.user) p.set('user', q.user);
  if (q.client !== undefined) p.set('client', String(q.client));
  if (q.action) p.set('action', q.action);
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  if (q.page !== undefined && q.page > 1) p.set('page', String(q.page));
  const text = p.toString();
  return text ? `?${text}` : '';
}

/** GET /api/audit for the filters: days become instants (the "to" day included). */
export function auditPath(q: AuditQuery): `/api/audit?${string}` {
  const p = new URLSearchParams();
  if (q.user) p.set('user', q.user);
  if (q.client !== undefined) p.set('client', String(q.client));
  if (q.action) p.set('action', q.action);
  if (q.from) p.set('from', startOfDay(q.from).toISOString());
  if (q.to) {
    const end = startOfDay(q.to);
    end.setDate(end.getDate() + 1);
    p.set('to', end.toISOString());
  }
  p.set('page', String(q.page ?? 1));
  p.set('pageSize', String(AUDIT_PAGE_SIZE));
  return `/api/audit?${p.toString()}`;
}
