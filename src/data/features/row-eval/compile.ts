/**
 * Binds a parsed expression to the columns of one relation and compiles it into a closure over a
 * row (an array in column order), with SQL NULL semantics. Types are checked here, once: a
 * construct whose DuckDB meaning the evaluator does not copy exactly (string ordering, DECIMAL
 * arithmetic, text to number casts, unknown functions) throws RowSqlError naming the fragment.
 */
import type { Expr } from './ast.ts';
import { RowSqlError } from './lexer.ts';
import {
  checkInt32,
  isNumeric,
  listAvg,
  listExtreme,
  listStddevPop,
  numberEquals,
  numberLess,
  type SqlType,
  toInt32,
  toSafeInteger,
  type Value,
} from './values.ts';

export type RowValues = readonly Value[];

export interface Compiled {
  readonly type: SqlType;
  readonly run: (row: RowValues) => Value;
}

/** A column of the relation: its position in the row and its type. */
export interface ColumnBinding {
  readonly name: string;
  readonly index: number;
  readonly type: SqlType;
}

/** The relation an expression reads: its alias and its columns by upper-case name. */
export interface Scope {
  readonly alias: string | null;
  readonly columns: ReadonlyMap<string, ColumnBinding>;
}

const TYPE_NAMES: Readonly<Record<string, SqlType>> = {
  DOUBLE: 'DOUBLE',
  FLOAT8: 'DOUBLE',
  INTEGER: 'INTEGER',
  INT: 'INTEGER',
  INT4: 'INTEGER',
  BIGINT: 'BIGINT',
  INT8: 'BIGINT',
  VARCHAR: 'VARCHAR',
  TEXT: 'VARCHAR',
  BOOLEAN: 'BOOLEAN',
  BOOL: 'BOOLEAN',
};

function unsupported(expr: { at: string }, what: string): never {
  throw new RowSqlError(`${what} at "${expr.at}"`);
}

/** The common type of CASE branches or COALESCE arguments (NULL-typed ones do not count). */
function unify(parts: readonly Compiled[], at: { at: string }): SqlType {
  const types = new Set(parts.map((p) => p.type).filter((t) => t !== 'NULL'));
  if (types.size === 0) return 'NULL';
  if (types.size === 1) return [...types][0] as SqlType;
  if ([...types].every(isNumeric)) {
    if (types.has('DOUBLE')) return 'DOUBLE';
    if (!types.has('DECIMAL')) return 'BIGINT';
  }
  return unsupported(at, `mixed types ${[...types].join(', ')}`);
}

/** Arithmetic result type; DECIMAL only next to a DOUBLE (DuckDB keeps DECIMAL sums exact). */
function arithmeticType(op: string, l: SqlType, r: SqlType, at: { at: string }): SqlType {
  if (!(isNumeric(l) || l === 'NULL') || !(isNumeric(r) || r === 'NULL')) {
    return unsupported(at, `arithmetic on ${l} and ${r}`);
  }
  if (l === 'DECIMAL' || r === 'DECIMAL') {
    if (l !== 'DOUBLE' && r !== 'DOUBLE') return unsupported(at, 'DECIMAL arithmetic');
  }
  if (op === '/' || l === 'DOUBLE' || r === 'DOUBLE') return 'DOUBLE';
  if (l === 'BIGINT' || r === 'BIGINT') return 'BIGINT';
  if (l === 'NULL' && r === 'NULL') return 'NULL';
  return 'INTEGER';
}

function compileCast(expr: Expr & { kind: 'cast' }, scope: Scope): Compiled {
  const inner = compile(expr.operand, scope);
  const target = TYPE_NAMES[expr.type];
  if (target === undefined) return unsupported(expr, `cast to ${expr.type}`);
  const from = inner.type;
  const run = inner.run;
  const at = expr.at;
  if (from === 'NULL' || from === target) return { type: target, run };
  if (target === 'DOUBLE') {
    if (isNumeric(from)) return { type: target, run };
    if (from === 'BOOLEAN') return { type: target, run: (row) => bool01(run(row)) };
  }
  if (target === 'INTEGER' || target === 'BIGINT') {
    if (from === 'BOOLEAN') return { type: target, run: (row) => bool01(run(row)) };
    if (from === 'INTEGER') return { type: target, run };
    if (isNumeric(from)) {
      const convert = target === 'INTEGER' ? toInt32 : toSafeInteger;
      return {
        type: target,
        run: (row) => {
          const v = run(row);
          return v === null ? null : convert(v as number, at);
        },
      };
    }
  }
  if (target === 'BOOLEAN' && (from === 'INTEGER' || from === 'BIGINT')) {
    return {
      type: target,
      run: (row) => {
        const v = run(row);
        return v === null ? null : v !== 0;
      },
    };
  }
  return unsupported(expr, `cast from ${from} to ${target}`);
}

function bool01(v: Value): Value {
  return v === null ? null : v ? 1 : 0;
}

function compileArithmetic(expr: Expr & { kind: 'binary' }, scope: Scope): Compiled {
  const l = compile(expr.left, scope);
  const r = compile(expr.right, scope);
  const type = arithmeticType(expr.op, l.type, r.type, expr);
  const a = l.run;
  const b = r.run;
  const at = expr.at;
  const op = expr.op;
  const apply =
    op === '+'
      ? (x: number, y: number) => x + y
      : op === '-'
        ? (x: number, y: number) => x - y
        : op === '*'
          ? (x: number, y: number) => x * y
          : (x: number, y: number) => x / y;
  const check =
    type === 'INTEGER'
      ? (v: number) => checkInt32(v, at)
      : type === 'BIGINT' && op !== '/'
        ? (v: number) => toSafeInteger(v, at)
        : null;
  return {
    type,
    run: (row) => {
      const x = a(row);
      if (x === null) return null;
      const y = b(row);
      if (y === null) return null;
      const v = apply(x as number, y as number);
      return check === null ? v : check(v);
    },
  };
}

/** x = y etc. as a closure over two compiled sides (shared with the simple CASE). */
function comparator(op: string, l: Compiled, r: Compiled, at: { at: string }): Compiled['run'] {
  const a = l.run;
  const b = r.run;
  const lt = l.type;
  const rt = r.type;
  if (lt === 'NULL' || rt === 'NULL') return () => null;
  let test: (x: Value, y: Value) => boolean;
  if (isNumeric(lt) && isNumeric(rt)) {
    const less = numberLess;
    test =
      op === '='
        ? (x, y) => numberEquals(x as number, y as number)
        : op === '<>'
          ? (x, y) => !numberEquals(x as number, y as number)
          : op === '<'
            ? (x, y) => less(x as number, y as number)
            : op === '>'
              ? (x, y) => less(y as number, x as number)
              : op === '<='
                ? (x, y) => !less(y as number, x as number)
                : (x, y) => !less(x as number, y as number);
  } else if (lt === rt && (lt === 'VARCHAR' || lt === 'BOOLEAN') && (op === '=' || op === '<>')) {
    test = op === '=' ? (x, y) => x === y : (x, y) => x !== y;
  } else {
    return unsupported(at, `comparison ${op} of ${lt} and ${rt}`);
  }
  return (row) => {
    const x = a(row);
    if (x === null) return null;
    const y = b(row);
    if (y === null) return null;
    return test(x, y);
  };
}

function requireBoolean(c: Compiled, at: { at: string }): void {
  if (c.type !== 'BOOLEAN' && c.type !== 'NULL') unsupported(at, `${c.type} used as a condition`);
}

function compileLogic(expr: Expr & { kind: 'binary' }, scope: Scope): Compiled {
  const l = compile(expr.left, scope);
  const r = compile(expr.right, scope);
  requireBoolean(l, expr.left);
  requireBoolean(r, expr.right);
  const a = l.run;
  const b = r.run;
  // Three-valued logic: FALSE AND NULL = FALSE, TRUE OR NULL = TRUE.
  const run =
    expr.op === 'AND'
      ? (row: RowValues) => {
          const x = a(row);
          if (x === false) return false;
          const y = b(row);
          if (y === false) return false;
          return x === null || y === null ? null : true;
        }
      : (row: RowValues) => {
          const x = a(row);
          if (x === true) return true;
          const y = b(row);
          if (y === true) return true;
          return x === null || y === null ? null : false;
        };
  return { type: 'BOOLEAN', run };
}

function compileCase(expr: Expr & { kind: 'case' }, scope: Scope): Compiled {
  const subject = expr.subject && compile(expr.subject, scope);
  const conditions = expr.whens.map((w) => {
    const when = compile(w.when, scope);
    if (subject === null) {
      requireBoolean(when, w.when);
      return when.run;
    }
    // CASE x WHEN v: x = v (x is pure, so reading it once per WHEN changes nothing).
    return comparator('=', subject, when, w.when);
  });
  const thens = expr.whens.map((w) => compile(w.result, scope));
  const otherwise = expr.otherwise && compile(expr.otherwise, scope);
  const type = unify(otherwise ? [...thens, otherwise] : thens, expr);
  const results = thens.map((t) => t.run);
  const fallback = otherwise?.run ?? null;
  return {
    type,
    run: (row) => {
      for (let i = 0; i < conditions.length; i++) {
        if ((conditions[i] as Compiled['run'])(row) === true) {
          return (results[i] as Compiled['run'])(row);
        }
      }
      return fallback === null ? null : fallback(row);
    },
  };
}

function compileList(expr: Expr, scope: Scope, fn: string): Compiled[] {
  if (expr.kind !== 'list') return unsupported(expr, `${fn} of anything but a list literal`);
  const items = expr.items.map((e) => compile(e, scope));
  for (const item of items) {
    if (!isNumeric(item.type) && item.type !== 'NULL') unsupported(expr, `${fn} of ${item.type}`);
    if (item.type === 'DECIMAL') unsupported(expr, `${fn} of DECIMAL`);
  }
  return items;
}

function compileCall(expr: Expr & { kind: 'call' }, scope: Scope): Compiled {
  const at = expr.at;
  if (expr.name === 'coalesce') {
    if (expr.args.length === 0) return unsupported(expr, 'coalesce without arguments');
    const args = expr.args.map((e) => compile(e, scope));
    const runs = args.map((a) => a.run);
    return {
      type: unify(args, expr),
      run: (row) => {
        for (const run of runs) {
          const v = run(row);
          if (v !== null) return v;
        }
        return null;
      },
    };
  }
  const aggregate = LIST_FUNCTIONS[expr.name];
  if (aggregate === undefined || expr.args.length !== 1) {
    return unsupported(expr, `function ${expr.name}/${expr.args.length}`);
  }
  const items = compileList(expr.args[0] as Expr, scope, expr.name);
  const runs = items.map((i) => i.run);
  const type = aggregate.type ?? unify(items, expr);
  const reduce = aggregate.reduce;
  return {
    type: type === 'NULL' ? 'DOUBLE' : type,
    run: (row) =>
      reduce(
        runs.map((run) => run(row)),
        at,
      ),
  };
}

const LIST_FUNCTIONS: Readonly<
  Record<string, { type: SqlType | null; reduce: (items: Value[], at: string) => Value }>
> = {
  list_avg: { type: 'DOUBLE', reduce: (items) => listAvg(items) },
  list_min: { type: null, reduce: (items) => listExtreme(items, false) },
  list_max: { type: null, reduce: (items) => listExtreme(items, true) },
  list_stddev_pop: { type: 'DOUBLE', reduce: (items, at) => listStddevPop(items, at) },
};

function compileColumn(expr: Expr & { kind: 'column' }, scope: Scope): Compiled {
  if (expr.qualifier !== null && expr.qualifier.toUpperCase() !== scope.alias?.toUpperCase()) {
    return unsupported(expr, `unknown relation ${expr.qualifier}`);
  }
  const column = scope.columns.get(expr.name.toUpperCase());
  if (column === undefined) return unsupported(expr, `unknown column ${expr.name}`);
  const { index } = column;
  return { type: column.type, run: (row) => row[index] as Value };
}

/** Compiles `expr` over `scope`; throws RowSqlError for anything it cannot copy exactly. */
export function compile(expr: Expr, scope: Scope): Compiled {
  switch (expr.kind) {
    case 'column':
      return compileColumn(expr, scope);
    case 'literal': {
      const { value } = expr;
      return { type: expr.type, run: () => value };
    }
    case 'neg': {
      const inner = compile(expr.operand, scope);
      if (!isNumeric(inner.type) && inner.type !== 'NULL') unsupported(expr, `-${inner.type}`);
      const run = inner.run;
      const check = inner.type === 'INTEGER' ? (v: number) => checkInt32(v, expr.at) : null;
      return {
        type: inner.type,
        run: (row) => {
          const v = run(row);
          if (v === null) return null;
          return check === null ? -(v as number) : check(-(v as number));
        },
      };
    }
    case 'not': {
      const inner = compile(expr.operand, scope);
      requireBoolean(inner, expr);
      const run = inner.run;
      return {
        type: 'BOOLEAN',
        run: (row) => {
          const v = run(row);
          return v === null ? null : !v;
        },
      };
    }
    case 'isNull': {
      const run = compile(expr.operand, scope).run;
      const negated = expr.negated;
      return { type: 'BOOLEAN', run: (row) => (run(row) === null) !== negated };
    }
    case 'cast':
      return compileCast(expr, scope);
    case 'binary':
      if (expr.op === 'AND' || expr.op === 'OR') return compileLogic(expr, scope);
      if (expr.op === '+' || expr.op === '-' || expr.op === '*' || expr.op === '/') {
        return compileArithmetic(expr, scope);
      }
      return {
        type: 'BOOLEAN',
        run: comparator(expr.op, compile(expr.left, scope), compile(expr.right, scope), expr),
      };
    case 'case':
      return compileCase(expr, scope);
    case 'call':
      return compileCall(expr, scope);
    case 'list':
      return unsupported(expr, 'a list outside list_avg / list_min / list_max / list_stddev_pop');
  }
}
