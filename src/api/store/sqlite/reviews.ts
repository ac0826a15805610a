/**
 * The clients' human review requests (CCD 2023/2225 Art. 18): the `reviews` table behind the
 * ReviewStore interface (a synchronous driver: the methods answer settled Promises). A request is
 * created by ../../reviews/routes.ts, taken in review by an adviser, and closed by the decision
 * that answers it (../../decisions/routes.ts). Rows are never deleted: the request is part of the
 * client's file.
 */
import type { Review, ReviewOutcome, ReviewQuery, ReviewStatus, ReviewStore } from '../types.ts';
import type { Sqlite } from './schema.ts';

/** The table (migration version 2 of ./schema.ts). */
export const REVIEWS_SCHEMA = `
CREATE TABLE IF NOT EXISTS reviews (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  client_id INTEGER NOT NULL,
  user_id INTEGER NOT NULL,
  username TEXT NOT NULL,
  role TEXT NOT NULL,
  point_of_view TEXT NOT NULL,
  corrections TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('received', 'in-review', 'decided')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  outcome TEXT
);
CREATE INDEX IF NOT EXISTS reviews_client ON reviews(client_id);
CREATE INDEX IF NOT EXISTS reviews_status ON reviews(status);
`;

interface ReviewRow {
  id: number;
  client_id: number;
  user_id: number;
  username: string;
  role: string;
  point_of_view: string;
  corrections: string;
  status: string;
  created_at: number;
  updated_at: number;
  outcome: string | null;
}

function reviewOf(row: ReviewRow): Review {
  return {
    id: row.id,
    clientId: row.client_id,
    userId: row.user_id,
    username: row.username,
    role: row.role as Review['role'],
    pointOfView: row.point_of_view,
    corrections: JSON.parse(row.corrections) as Review['corrections'],
    status: row.status as ReviewStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    outcome: row.outcome === null ? null : (JSON.parse(row.outcome) as ReviewOutcome),
  };
}

export class SqliteReviews implements ReviewStore {
  private readonly insert;
  private readonly one;
  private readonly setStatusStmt;
  private readonly closeStmt;
  private readonly db: Sqlite;
  constructor(db: Sqlite) {
    this.db = db;
    this.insert = db.prepare(
      `INSERT INTO reviews (client_id, user_id, username, role, point_of_view, corrections, status,
        created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'received', ?, ?)`,
    );
    this.one = db.prepare<[number], ReviewRow>('SELECT * FROM reviews WHERE id = ?');
    this.setStatusStmt = db.prepare(
      "UPDATE reviews SET status = ?, updated_at = ? WHERE id = ? AND status <> 'decided'",
    );
    this.closeStmt = db.prepare(
      "UPDATE reviews SET status = 'decided', outcome = ?, updated_at = ? WHERE id = ? AND status <> 'decided'",
    );
  }

  async create(r: Omit<Review, 'id' | 'status' | 'outcome' | 'updatedAt'>): Promise<Review> {
    const info = this.insert.run(
      r.clientId,
      r.userId,
      r.username,
      r.role,
      r.pointOfView,
      JSON.stringify(r.corrections),
      r.createdAt,
      r.createdAt,
    );
    return (await this.get(Number(info.lastInsertRowid))) as Review;
  }

  async get(id: number): Promise<Review | undefined> {
    const row = this.one.get(id);
    return row ? reviewOf(row) : undefined;
  }

  async list(q: ReviewQuery): Promise<Review[]> {
    const where: string[] = [];
    const values: (string | number)[] = [];
    if (q.clientId !== undefined) {
      where.push('client_id = ?');
      values.push(q.clientId);
    }
    if (q.status !== undefined) {
      where.push('status = ?');
      values.push(q.status);
    }
    if (q.open) where.push("status <> 'decided'");
    const sql = `SELECT * FROM reviews ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY id ${q.oldestFirst ? 'ASC' : 'DESC'} LIMIT ?`;
    return this.db
      .prepare<(string | number)[], ReviewRow>(sql)
      .all(...values, q.limit)
      .map(reviewOf);
  }

  async setStatus(
    id: number,
    status: Exclude<ReviewStatus, 'decided'>,
    at: number,
  ): Promise<boolean> {
    return this.setStatusStmt.run(status, at, id).changes === 1;
  }

  async close(id: number, outcome: ReviewOutcome, at: number): Promise<boolean> {
    return this.closeStmt.run(JSON.stringify(outcome), at, id).changes === 1;
  }
}
