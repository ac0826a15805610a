/**
 * Which application fields each application feature reads, found in the one SQL text (the
 * ingestion cleaning, then application.sql with its macros expanded): EMPLOYED_YEARS reads
 * DAYS_EMPLOYED, ANNUITY_TO_INCOME reads AMT_ANNUITY and AMT_INCOME_TOTAL, a one-hot column its
 * categorical. Explanations use it to tell a value missing because a field was not given (to
 * complete) from one missing for a reason of its own (no job: DAYS_EMPLOYED = 365243).
 */
import { cleanSelectList, storedColumns } from '../../stored-schema.ts';
import { applicationFeaturesSql, macrosSql } from '../groups.ts';
import type { Expr, SelectStatement } from './ast.ts';
import { parseMacros, parseSelect } from './parser.ts';

const RELATION = 'application_row';

/** Column names an expression reads, upper-cased. */
function columnsOf(expr: Expr, into: Set<string>): Set<string> {
  switch (expr.kind) {
    case 'column':
      into.add(expr.name.toUpperCase());
      break;
    case 'literal':
      break;
    case 'neg':
    case 'not':
    case 'isNull':
    case 'cast':
      columnsOf(expr.operand, into);
      break;
    case 'binary':
      columnsOf(expr.left, into);
      columnsOf(expr.right, into);
      break;
    case 'case':
      if (expr.subject) columnsOf(expr.subject, into);
      for (const { when, result } of expr.whens) {
        columnsOf(when, into);
        columnsOf(result, into);
      }
      if (expr.otherwise) columnsOf(expr.otherwise, into);
      break;
    case 'call':
      for (const a of expr.args) columnsOf(a, into);
      break;
    case 'list':
      for (const i of expr.items) columnsOf(i, into);
      break;
  }
  return into;
}

/** Output name → the input columns it reads (upper-cased), for one SELECT over `columns`. */
function readsOf(statement: SelectStatement, columns: readonly string[]): Map<string, Set<string>> {
  const reads = new Map<string, Set<string>>();
  for (const item of statement.items) {
    if (item.kind === 'star') {
      const excluded = new Set(item.exclude.map((n) => n.toUpperCase()));
      for (const c of columns) {
        if (!excluded.has(c.toUpperCase())) reads.set(c, new Set([c.toUpperCase()]));
      }
      continue;
    }
    const name = item.alias ?? (item.expr.kind === 'column' ? item.expr.name : null);
    if (name !== null) reads.set(name, columnsOf(item.expr, new Set()));
  }
  return reads;
}

let inputs: ReadonlyMap<string, readonly string[]> | null = null;

/**
 * Application feature → the raw application fields (as in application_test.csv) it reads, in
 * the fields' file order. Built once from the SQL; SK_ID_CURR is not a feature and is left out.
 */
export function applicationFeatureInputs(): ReadonlyMap<string, readonly string[]> {
  if (inputs) return inputs;
  // The stored columns are the raw ones (same names, same order) plus the sentinel flags.
  const stored = storedColumns('application_test').map((c) => c.name);
  const cleaning = readsOf(
    parseSelect(`SELECT ${cleanSelectList('application_test', 'raw')} FROM ${RELATION} AS raw`),
    [],
  );
  const features = readsOf(
    parseSelect(applicationFeaturesSql(RELATION), parseMacros(macrosSql())),
    stored,
  );
  const order = new Map(stored.map((name, i) => [name.toUpperCase(), i]));
  const byUpper = new Map(stored.map((name) => [name.toUpperCase(), name]));
  const result = new Map<string, readonly string[]>();
  for (const [feature, columns] of features) {
    if (feature === 'SK_ID_CURR') continue;
    const fields = new Set<string>();
    for (const column of columns) {
      const storedName = byUpper.get(column);
      for (const rawColumn of (storedName && cleaning.get(storedName)) || [column]) {
        const name = byUpper.get(rawColumn);
        if (name !== undefined) fields.add(name);
      }
    }
    result.set(
      feature,
      [...fields].sort(
        (a, b) => (order.get(a.toUpperCase()) ?? 0) - (order.get(b.toUpperCase()) ?? 0),
      ),
    );
  }
  inputs = result;
  return inputs;
}
