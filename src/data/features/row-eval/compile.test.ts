import { describe, expect, it } from 'vitest';
import { applicationFeaturesSql, macrosSql } from '../groups.ts';
import { RowSqlError } from './lexer.ts';
import { parseMacros, parseSelect } from './parser.ts';
import { compileSelect, type InputColumn } from './select.ts';
import { RowEvalError, type Value } from './values.ts';

const COLUMNS: InputColumn[] = [
  { name: 'X', type: 'DOUBLE' },
  { name: 'Y', type: 'DOUBLE' },
  { name: 'S', type: 'VARCHAR' },
  { name: 'N', type: 'INTEGER' },
];

/** Evaluates one expression over X, Y, S, N (with the project's macros). */
function evaluate(expr: string, row: Value[]): Value {
  const statement = parseSelect(`SELECT ${expr} AS out FROM t AS a`, parseMacros(macrosSql()));
  return compileSelect(statement, 't', COLUMNS).run(row)[0] ?? null;
}

describe('row evaluator semantics', () => {
  it('propagates NULL through arithmetic and comparisons, and uses three-valued logic', () => {
    expect(evaluate('a.X + a.Y', [1, null, null, null])).toBeNull();
    expect(evaluate('a.X = 1', [null, null, null, null])).toBeNull();
    expect(evaluate('a.X = 1 AND a.Y = 1', [2, null, null, null])).toBe(false);
    expect(evaluate('a.X = 1 OR a.Y = 1', [1, null, null, null])).toBe(true);
    expect(evaluate('a.X = 1 OR a.Y = 1', [2, null, null, null])).toBeNull();
    expect(evaluate('NOT (a.X IS NULL)', [null, null, null, null])).toBe(false);
  });

  it('expands the macros with their SQL meaning', () => {
    expect(evaluate('safe_div(a.X, a.Y)', [1, 0, null, null])).toBeNull();
    expect(evaluate('safe_div(a.X, a.Y)', [1, 4, null, null])).toBe(0.25);
    expect(evaluate('days_to_years(a.X)', [-365.25, null, null, null])).toBe(1);
    expect(evaluate('flag(a.X = 1)', [null, null, null, null])).toBe(0);
    expect(evaluate("flag(a.S = 'b')", [null, null, 'b', null])).toBe(1);
  });

  it('casts as DuckDB does: booleans to 1/0, doubles to INTEGER half to even, range checked', () => {
    expect(
      evaluate('(a.X IS NULL)::INTEGER + (a.Y IS NULL)::INTEGER', [null, null, null, null]),
    ).toBe(2);
    expect(evaluate('CAST(a.X AS INTEGER)', [2.5, null, null, null])).toBe(2);
    expect(evaluate('CAST(a.X AS INTEGER)', [-3.5, null, null, null])).toBe(-4);
    expect(() => evaluate('CAST(a.X AS INTEGER)', [3e9, null, null, null])).toThrow(RowEvalError);
    expect(() => evaluate('a.N + 1', [null, null, null, 2147483647])).toThrow(/overflow/);
  });

  it('orders NaN above every number and equal to itself, as DuckDB does', () => {
    expect(evaluate('a.X / a.Y > 1', [0, 0, null, null])).toBe(true);
    expect(evaluate('a.X / a.Y = a.X / a.Y', [0, 0, null, null])).toBe(true);
  });

  it('evaluates both CASE forms and the list aggregates ignoring NULLs', () => {
    expect(evaluate("CASE a.S WHEN 'p' THEN 0 WHEN 'q' THEN 1 END", [null, null, 'q', null])).toBe(
      1,
    );
    expect(evaluate("CASE a.S WHEN 'p' THEN 0 END", [null, null, null, null])).toBeNull();
    expect(evaluate('CASE WHEN a.X > 1 THEN a.X ELSE -1 END', [0, null, null, null])).toBe(-1);
    expect(evaluate('list_avg([a.X, a.Y, NULL])', [1, null, null, null])).toBe(1);
    expect(evaluate('list_min([a.X, a.Y])', [null, null, null, null])).toBeNull();
    expect(evaluate('list_max([a.X, a.Y])', [3, 5, null, null])).toBe(5);
    expect(evaluate('list_stddev_pop([a.X, a.Y])', [1, 3, null, null])).toBe(1);
  });
});

describe('row evaluator refuses what it cannot copy exactly, at compile time', () => {
  const cases: [string, RegExp][] = [
    ['ln(a.X)', /function ln\/1 at "ln\(a\.X\)/],
    ["a.S < 'b'", /comparison < of VARCHAR and VARCHAR/],
    ['0.1 + 0.2', /DECIMAL arithmetic/],
    ['CAST(a.S AS DOUBLE)', /cast from VARCHAR to DOUBLE/],
    ['a.X + a.S', /arithmetic on DOUBLE and VARCHAR/],
    ['a.Z', /unknown column Z/],
    ['b.X', /unknown relation b/],
    ['a.X BETWEEN 1 AND 2', /unsupported SQL \(expected FROM\) at "BETWEEN/],
    ['1e5', /exponent literals/],
  ];
  for (const [expr, message] of cases) {
    it(expr, () => {
      expect(() => evaluate(expr, [null, null, null, null])).toThrow(RowSqlError);
      expect(() => evaluate(expr, [null, null, null, null])).toThrow(message);
    });
  }

  it('an edit of the application SQL it cannot follow fails when compiled, naming the fragment', () => {
    const edited = applicationFeaturesSql('t').replace(
      'safe_div(a.AMT_CREDIT, a.AMT_INCOME_TOTAL) AS CREDIT_TO_INCOME',
      'ln(a.AMT_CREDIT) AS CREDIT_TO_INCOME',
    );
    expect(() => parseSelect(edited, parseMacros(macrosSql()))).not.toThrow();
    const statement = parseSelect(edited, parseMacros(macrosSql()));
    expect(() => compileSelect(statement, 't', COLUMNS)).toThrow(RowSqlError);
  });

  it('rejects a second relation, a WHERE clause and unknown EXCLUDE columns', () => {
    expect(() => parseSelect('SELECT a.X FROM t AS a WHERE a.X > 1')).toThrow(
      /unsupported SQL at "WHERE/,
    );
    expect(() => compileSelect(parseSelect('SELECT * EXCLUDE (Q) FROM t'), 't', COLUMNS)).toThrow(
      /EXCLUDE of unknown column Q/,
    );
    expect(() => compileSelect(parseSelect('SELECT a.X FROM u AS a'), 't', COLUMNS)).toThrow(
      /FROM t/,
    );
  });
});
