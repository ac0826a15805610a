/**
 * The clients' review requests in the PostgreSQL store: the `reviews` table (migration version 2
 * of ./schema.ts, REVIEWS_TABLE_PG) behind the ReviewStore interface, as ../sqlite/reviews.ts is
 * for the embedded file. BIGINT columns arrive as strings from `pg`: converted on the way out.
 */
import type { Pool } from 'pg';
import type { Review, ReviewOutcome, ReviewQuery, ReviewStatus, ReviewStore } from '../types.ts';

/** The table, in PostgreSQL's dialect. */
export const REVIEWS_TABLE_PG = `
CREATE TABLE reviews (
  id BIGSERIAL PRIMARY KEY,
  client_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  username TEXT NOT NULL,
  role TEXT NOT NULL,
  point_of_view TEXT NOT NULL,
  corrections TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('received', 'in-review', 'decided')),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  outcome TEXT
);
CREATE INDEX reviews_client ON reviews(client_id);
CREATE INDEX reviews_status ON reviews(status);
`;

interface ReviewRow {
  id: string;
  client_id: string;
  user_id: string;
  username: string;
  role: string;
  point_of_view: string;
  corrections: string;
  status: string;
  created_at: string;
  updated_at: string;
  outcome: string | null;
}

function reviewOf(row: ReviewRow): Review {
  return {
    id: Number(row.id),
    clientId: Number(row.client_id),
    userId: Number(row.user_id),
    username: row.username,
    role: row.role as Review['role'],
    pointOfView: row.point_of_view,
    corrections: JSON.parse(row.corrections) as Review['corrections'],
    status: row.status as ReviewStatus,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    outcome: row.outcome === null ? null : (JSON.parse(row.outcome) as ReviewOutcome),
  };
}

export class PostgresReviews implements ReviewStore {
  constructor(private readonly pool: Pool) {}

  async create(r: Omit<Review, 'id' | 'status' | 'outcome' | 'updatedAt'>): Promise<Review> {
    const { rows } = await this.pool.query<ReviewRow>(
      `INSERT INTO reviews (client_id, user_id, username, role, point_of_view, corrections, status,
        created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'received', $7, $7) RETURNING *`,
      [
        r.clientId,
        r.userId,
        r.username,
        r.role,
        r.pointOfView,
        JSON.stringify(r.corrections),
        r.createdAt,
      ],
    );
    return reviewOf(rows[0] as ReviewRow);
  }

  async get(id: number): Promise<Review | undefined> {
    const { rows } = await this.pool.query<ReviewRow>('SELECT * FROM reviews WHERE id = $1', [id]);
    return rows[0] ? reviewOf(rows[0]) : undefined;
  }

  async list(q: ReviewQuery): Promise<Review[]> {
    const where: string[] = [];
    const values: (string | number)[] = [];
    if (q.clientId !== undefined) {
      values.push(q.clientId);
      where.push(`client_id = $${values.length}`);
    }
    if (q.status !== undefined) {
      values.push(q.status);
      where.push(`status = $${values.length}`);
    }
    if (q.open) where.push("status <> 'decided'");
    values.push(q.limit);
    const { rows } = await this.pool.query<ReviewRow>(
      `SELECT * FROM reviews ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY id ${q.oldestFirst ? 'ASC' : 'DESC'} LIMIT $${values.length}`,
      values,
    );
    return rows.map(reviewOf);
  }

  async setStatus(
    id: number,
    status: Exclude<ReviewStatus, 'decided'>,
    at: number,
  ): Promise<boolean> {
    const result = await this.pool.query(
      "UPDATE reviews SET status = $1, updated_at = $2 WHERE id = $3 AND status <> 'decided'",
      [status, at, id],
    );
    return result.rowCount === 1;
  }

  async close(id: number, outcome: ReviewOutcome, at: number): Promise<boolean> {
    const result = await this.pool.query(
      "UPDATE reviews SET status = 'decided', outcome = $1, updated_at = $2 WHERE id = $3 AND status <> 'decided'",
      [JSON.stringify(outcome), at, id],
    );
    return result.rowCount === 1;
  }
}
