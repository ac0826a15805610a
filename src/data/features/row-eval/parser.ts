/**
 * Parser of the SQL subset the row evaluator follows: one `SELECT … FROM relation AS alias` with
 * `alias.* EXCLUDE (…)`, arithmetic, comparisons, AND / OR / NOT, IS [NOT] NULL, CASE, CAST and
 * `::`, function calls, list literals; and `CREATE MACRO` statements, whose calls are expanded
 * where they occur (as DuckDB expands them). Precedence follows PostgreSQL, as DuckDB's does.
 * Anything else throws RowSqlError naming the SQL fragment.
 */
import type { BinaryOp, Expr, MacroDefinition, SelectItem, SelectStatement } from './ast.ts';
import { fragment, RowSqlError, type Token, tokenize } from './lexer.ts';

const RESERVED = new Set([
  'SELECT',
  'FROM',
  'AS',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'AND',
  'OR',
  'NOT',
  'IS',
  'NULL',
  'TRUE',
  'FALSE',
  'CAST',
  'EXCLUDE',
  'WHERE',
  'GROUP',
  'ORDER',
  'JOIN',
  'LIMIT',
  'CREATE',
  'MACRO',
]);
const COMPARISONS = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);

/** Macros by lower-case name. */
export type Macros = ReadonlyMap<string, MacroDefinition>;

class Parser {
  private readonly tokens: Token[];
  private i = 0;

  constructor(
    private readonly sql: string,
    private readonly macros: Macros,
  ) {
    this.tokens = tokenize(sql);
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.i++;
    return t;
  }

  fail(t: Token, what: string): never {
    throw new RowSqlError(`${what} at "${fragment(this.sql, t.at)}"`);
  }

  private where(t: Token): string {
    return fragment(this.sql, t.at);
  }

  /** True (and consumed) when the next token is keyword `word`. */
  private keyword(word: string): boolean {
    const t = this.peek();
    if (t.kind === 'ident' && t.text.toUpperCase() === word) {
      this.i++;
      return true;
    }
    return false;
  }

  private expectKeyword(word: string): void {
    if (!this.keyword(word)) this.fail(this.peek(), `expected ${word}`);
  }

  private op(text: string): boolean {
    const t = this.peek();
    if (t.kind === 'op' && t.text === text) {
      this.i++;
      return true;
    }
    return false;
  }

  private expectOp(text: string): void {
    if (!this.op(text)) this.fail(this.peek(), `expected "${text}"`);
  }

  /** An identifier (quoted, or unquoted and not reserved). */
  private name(): string {
    const t = this.next();
    if (t.kind === 'quoted') return t.text;
    if (t.kind === 'ident' && !RESERVED.has(t.text.toUpperCase())) return t.text;
    return this.fail(t, 'expected a name');
  }

  end(): void {
    this.op(';');
    if (this.peek().kind !== 'eof') this.fail(this.peek(), 'unsupported SQL');
  }

  select(): SelectStatement {
    this.expectKeyword('SELECT');
    const items: SelectItem[] = [];
    do items.push(this.selectItem());
    while (this.op(','));
    if (!this.keyword('FROM')) this.fail(this.peek(), 'unsupported SQL (expected FROM)');
    const relation = this.name();
    this.keyword('AS');
    const t = this.peek();
    const alias =
      t.kind === 'quoted' || (t.kind === 'ident' && !RESERVED.has(t.text.toUpperCase()))
        ? this.name()
        : null;
    this.end();
    return { items, relation, alias };
  }

  private selectItem(): SelectItem {
    const start = this.peek();
    const qualified =
      (start.kind === 'ident' || start.kind === 'quoted') &&
      this.peek(1).text === '.' &&
      this.peek(2).text === '*';
    if (qualified || (start.kind === 'op' && start.text === '*')) {
      const qualifier = qualified ? this.name() : null;
      if (qualified) this.expectOp('.');
      this.expectOp('*');
      const exclude: string[] = [];
      if (this.keyword('EXCLUDE')) {
        this.expectOp('(');
        do exclude.push(this.name());
        while (this.op(','));
        this.expectOp(')');
      }
      return { kind: 'star', qualifier, exclude, at: this.where(start) };
    }
    const expr = this.expr();
    let alias: string | null = null;
    if (this.keyword('AS')) alias = this.name();
    else if (this.peek().kind === 'quoted') alias = this.name();
    return { kind: 'expr', expr, alias, at: this.where(start) };
  }

  macro(): MacroDefinition {
    this.expectKeyword('CREATE');
    if (this.keyword('OR')) this.expectKeyword('REPLACE');
    if (!this.keyword('TEMP')) this.keyword('TEMPORARY');
    this.expectKeyword('MACRO');
    const name = this.name();
    this.expectOp('(');
    const params: string[] = [];
    if (!this.op(')')) {
      do params.push(this.name());
      while (this.op(','));
      this.expectOp(')');
    }
    this.expectKeyword('AS');
    const body = this.expr();
    if (!this.op(';')) {
      if (this.peek().kind !== 'eof') this.fail(this.peek(), 'unsupported SQL');
    }
    return { name, params, body };
  }

  atEof(): boolean {
    return this.peek().kind === 'eof';
  }

  expr(): Expr {
    return this.or();
  }

  private binaryChain(word: 'OR' | 'AND', operand: () => Expr): Expr {
    const start = this.peek();
    let left = operand();
    while (this.keyword(word)) {
      left = { kind: 'binary', op: word, left, right: operand(), at: this.where(start) };
    }
    return left;
  }

  private or(): Expr {
    return this.binaryChain('OR', () => this.and());
  }

  private and(): Expr {
    return this.binaryChain('AND', () => this.not());
  }

  private not(): Expr {
    const start = this.peek();
    if (this.keyword('NOT')) return { kind: 'not', operand: this.not(), at: this.where(start) };
    return this.is();
  }

  private is(): Expr {
    const start = this.peek();
    let operand = this.comparison();
    while (this.keyword('IS')) {
      const negated = this.keyword('NOT');
      if (!this.keyword('NULL')) this.fail(this.peek(), 'only IS [NOT] NULL is supported');
      operand = { kind: 'isNull', negated, operand, at: this.where(start) };
    }
    return operand;
  }

  private comparison(): Expr {
    const start = this.peek();
    const left = this.additive();
    const t = this.peek();
    if (t.kind === 'op' && COMPARISONS.has(t.text)) {
      this.i++;
      const op = (t.text === '!=' ? '<>' : t.text) as BinaryOp;
      const right = this.additive();
      const after = this.peek();
      if (after.kind === 'op' && COMPARISONS.has(after.text))
        this.fail(after, 'chained comparison');
      return { kind: 'binary', op, left, right, at: this.where(start) };
    }
    return left;
  }

  private additive(): Expr {
    const start = this.peek();
    let left = this.multiplicative();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || (t.text !== '+' && t.text !== '-')) return left;
      this.i++;
      left = {
        kind: 'binary',
        op: t.text,
        left,
        right: this.multiplicative(),
        at: this.where(start),
      };
    }
  }

  private multiplicative(): Expr {
    const start = this.peek();
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || (t.text !== '*' && t.text !== '/')) return left;
      this.i++;
      left = { kind: 'binary', op: t.text, left, right: this.unary(), at: this.where(start) };
    }
  }

  private unary(): Expr {
    const start = this.peek();
    if (this.op('-')) return { kind: 'neg', operand: this.unary(), at: this.where(start) };
    if (this.op('+')) return this.unary();
    return this.postfix();
  }

  private postfix(): Expr {
    const start = this.peek();
    let operand = this.primary();
    while (this.op('::')) {
      operand = { kind: 'cast', operand, type: this.typeName(), at: this.where(start) };
    }
    return operand;
  }

  private typeName(): string {
    const t = this.next();
    if (t.kind !== 'ident') this.fail(t, 'expected a type name');
    if (this.peek().text === '(') this.fail(t, 'parameterised types are not supported');
    return t.text.toUpperCase();
  }

  private primary(): Expr {
    const t = this.peek();
    const at = this.where(t);
    if (t.kind === 'number') {
      this.i++;
      if (/[eE]/.test(t.text)) this.fail(t, 'exponent literals are not supported');
      if (t.text.includes('.'))
        return { kind: 'literal', type: 'DECIMAL', value: Number(t.text), at };
      const n = Number(t.text);
      if (!Number.isSafeInteger(n)) this.fail(t, 'integer literal beyond 2^53');
      return { kind: 'literal', type: n <= 2147483647 ? 'INTEGER' : 'BIGINT', value: n, at };
    }
    if (t.kind === 'string') {
      this.i++;
      return { kind: 'literal', type: 'VARCHAR', value: t.text, at };
    }
    if (this.op('(')) {
      const inner = this.expr();
      this.expectOp(')');
      return inner;
    }
    if (this.op('[')) {
      const items: Expr[] = [];
      if (!this.op(']')) {
        do items.push(this.expr());
        while (this.op(','));
        this.expectOp(']');
      }
      return { kind: 'list', items, at };
    }
    if (t.kind === 'ident') {
      const word = t.text.toUpperCase();
      if (this.keyword('NULL')) return { kind: 'literal', type: 'NULL', value: null, at };
      if (this.keyword('TRUE')) return { kind: 'literal', type: 'BOOLEAN', value: true, at };
      if (this.keyword('FALSE')) return { kind: 'literal', type: 'BOOLEAN', value: false, at };
      if (this.keyword('CASE')) return this.caseRest(at);
      if (this.keyword('CAST')) {
        this.expectOp('(');
        const operand = this.expr();
        this.expectKeyword('AS');
        const type = this.typeName();
        this.expectOp(')');
        return { kind: 'cast', operand, type, at };
      }
      if (RESERVED.has(word)) this.fail(t, 'unsupported SQL');
      if (this.peek(1).text === '(' && this.peek(1).kind === 'op') return this.call();
    }
    if (t.kind === 'ident' || t.kind === 'quoted') {
      const first = this.name();
      if (this.op('.')) return { kind: 'column', qualifier: first, name: this.name(), at };
      return { kind: 'column', qualifier: null, name: first, at };
    }
    return this.fail(t, 'unsupported SQL');
  }

  private caseRest(at: string): Expr {
    const subject = this.peek().text.toUpperCase() === 'WHEN' ? null : this.expr();
    const whens: { when: Expr; result: Expr }[] = [];
    while (this.keyword('WHEN')) {
      const when = this.expr();
      this.expectKeyword('THEN');
      whens.push({ when, result: this.expr() });
    }
    if (whens.length === 0) this.fail(this.peek(), 'CASE without WHEN');
    const otherwise = this.keyword('ELSE') ? this.expr() : null;
    this.expectKeyword('END');
    return { kind: 'case', subject, whens, otherwise, at };
  }

  private call(): Expr {
    const t = this.next();
    const at = this.where(t);
    this.expectOp('(');
    const args: Expr[] = [];
    if (!this.op(')')) {
      do args.push(this.expr());
      while (this.op(','));
      this.expectOp(')');
    }
    const name = t.text.toLowerCase();
    const macro = this.macros.get(name);
    if (macro === undefined) return { kind: 'call', name, args, at };
    if (args.length !== macro.params.length) {
      this.fail(t, `macro ${macro.name} takes ${macro.params.length} arguments`);
    }
    const bound = new Map(macro.params.map((p, i) => [p.toLowerCase(), args[i] as Expr]));
    return substitute(macro.body, bound);
  }
}

/** The macro body with each parameter replaced by its argument (DuckDB expands macros so). */
function substitute(expr: Expr, bound: ReadonlyMap<string, Expr>): Expr {
  const s = (e: Expr): Expr => substitute(e, bound);
  switch (expr.kind) {
    case 'column':
      return (expr.qualifier === null && bound.get(expr.name.toLowerCase())) || expr;
    case 'literal':
      return expr;
    case 'neg':
    case 'not':
      return { ...expr, operand: s(expr.operand) };
    case 'isNull':
    case 'cast':
      return { ...expr, operand: s(expr.operand) };
    case 'binary':
      return { ...expr, left: s(expr.left), right: s(expr.right) };
    case 'case':
      return {
        ...expr,
        subject: expr.subject && s(expr.subject),
        whens: expr.whens.map((w) => ({ when: s(w.when), result: s(w.result) })),
        otherwise: expr.otherwise && s(expr.otherwise),
      };
    case 'call':
      return { ...expr, args: expr.args.map(s) };
    case 'list':
      return { ...expr, items: expr.items.map(s) };
  }
}

/** Parses `CREATE MACRO` statements (a macros.sql file); later ones may call earlier ones. */
export function parseMacros(sql: string): Map<string, MacroDefinition> {
  const macros = new Map<string, MacroDefinition>();
  const parser = new Parser(sql, macros);
  while (!parser.atEof()) {
    const macro = parser.macro();
    macros.set(macro.name.toLowerCase(), macro);
  }
  return macros;
}

/** Parses one SELECT statement, expanding calls of `macros`. */
export function parseSelect(sql: string, macros: Macros = new Map()): SelectStatement {
  return new Parser(sql, macros).select();
}

/** Parses one expression (tests, small helpers). */
export function parseExpression(sql: string, macros: Macros = new Map()): Expr {
  const parser = new Parser(sql, macros);
  const expr = parser.expr();
  parser.end();
  return expr;
}
