/**
 * A parsed SELECT over one relation compiled into a row program: output names and types, and a
 * function from an input row (values in the relation's column order) to the output row.
 */
import type { SelectStatement } from './ast.ts';
import {
  type ColumnBinding,
  type Compiled,
  compile,
  type RowValues,
  type Scope,
} from './compile.ts';
import { RowSqlError } from './lexer.ts';
import type { SqlType, Value } from './values.ts';

export interface InputColumn {
  readonly name: string;
  readonly type: SqlType;
}

export interface RowProgram {
  readonly names: readonly string[];
  readonly types: readonly SqlType[];
  /** The output row of one input row. */
  run(row: RowValues): Value[];
}

/**
 * Compiles `statement` over an input relation named `relation` with `columns`. Throws RowSqlError
 * when the statement reads another relation, an unknown column, or repeats an output name.
 */
export function compileSelect(
  statement: SelectStatement,
  relation: string,
  columns: readonly InputColumn[],
): RowProgram {
  if (statement.relation !== relation) {
    throw new RowSqlError(`expected FROM ${relation}, got FROM ${statement.relation}`);
  }
  const bindings = new Map<string, ColumnBinding>();
  columns.forEach((c, index) => {
    bindings.set(c.name.toUpperCase(), { name: c.name, index, type: c.type });
  });
  const scope: Scope = { alias: statement.alias ?? relation, columns: bindings };
  const names: string[] = [];
  const parts: Compiled[] = [];
  for (const item of statement.items) {
    if (item.kind === 'star') {
      if (item.qualifier !== null && item.qualifier.toUpperCase() !== scope.alias?.toUpperCase()) {
        throw new RowSqlError(`unknown relation ${item.qualifier} at "${item.at}"`);
      }
      const excluded = new Set(item.exclude.map((n) => n.toUpperCase()));
      for (const name of excluded) {
        if (!bindings.has(name))
          throw new RowSqlError(`EXCLUDE of unknown column ${name} at "${item.at}"`);
      }
      for (const c of columns) {
        if (excluded.has(c.name.toUpperCase())) continue;
        const binding = bindings.get(c.name.toUpperCase()) as ColumnBinding;
        names.push(c.name);
        parts.push({ type: c.type, run: (row) => row[binding.index] as Value });
      }
      continue;
    }
    const compiled = compile(item.expr, scope);
    const name = item.alias ?? (item.expr.kind === 'column' ? item.expr.name : null);
    if (name === null) throw new RowSqlError(`select item without a name at "${item.at}"`);
    names.push(name);
    parts.push(compiled);
  }
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n.toUpperCase())) throw new RowSqlError(`output column ${n} defined twice`);
    seen.add(n.toUpperCase());
  }
  const runs = parts.map((p) => p.run);
  return {
    names,
    types: parts.map((p) => p.type),
    run: (row) => {
      const out = new Array<Value>(runs.length);
      for (let i = 0; i < runs.length; i++) out[i] = (runs[i] as Compiled['run'])(row);
      return out;
    },
  };
}
