/**
 * Tokens of the small SQL subset the row evaluator reads (the application feature SQL, its
 * macros and the ingestion cleaning). Anything the lexer does not know throws, naming the text.
 */

export type TokenKind = 'ident' | 'quoted' | 'number' | 'string' | 'op' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Identifier (as written, without quotes), number text, string value or operator. */
  readonly text: string;
  /** Offset in the source, for error messages. */
  readonly at: number;
}

/** Error of the row evaluator's reader: the SQL uses something it cannot follow. */
export class RowSqlError extends Error {
  override readonly name = 'RowSqlError';
}

/** A short excerpt of `sql` at `at`, on one line, for error messages. */
export function fragment(sql: string, at: number): string {
  const text = sql.slice(at, at + 60).replace(/\s+/g, ' ');
  return at + 60 < sql.length ? `${text}…` : text;
}

const OPERATORS = [
  '::',
  '<>',
  '!=',
  '<=',
  '>=',
  '(',
  ')',
  ',',
  '[',
  ']',
  '.',
  '*',
  '+',
  '-',
  '/',
  '=',
  '<',
  '>',
  ';',
];

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      if (end === -1) throw new RowSqlError(`unterminated comment at "${fragment(sql, i)}"`);
      i = end + 2;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'ident', text: m[0], at: i });
      i += m[0].length;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(sql.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'number', text: m[0], at: i });
      i += m[0].length;
    } else if (c === '"' || c === "'") {
      // Quoted identifier or string literal; a doubled quote stands for itself.
      let j = i + 1;
      let text = '';
      for (;;) {
        const k = sql.indexOf(c, j);
        if (k === -1) throw new RowSqlError(`unterminated quote at "${fragment(sql, i)}"`);
        text += sql.slice(j, k);
        if (sql[k + 1] === c) {
          text += c;
          j = k + 2;
        } else {
          j = k + 1;
          break;
        }
      }
      tokens.push({ kind: c === '"' ? 'quoted' : 'string', text, at: i });
      i = j;
    } else {
      const op = OPERATORS.find((o) => sql.startsWith(o, i));
      if (op === undefined) throw new RowSqlError(`unsupported character at "${fragment(sql, i)}"`);
      tokens.push({ kind: 'op', text: op, at: i });
      i += op.length;
    }
  }
  tokens.push({ kind: 'eof', text: '', at: sql.length });
  return tokens;
}
