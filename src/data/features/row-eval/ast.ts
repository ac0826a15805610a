/** Syntax tree of the SQL subset the row evaluator reads; `at` is the node's SQL excerpt. */

export type BinaryOp = '+' | '-' | '*' | '/' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'AND' | 'OR';

export type Expr =
  | {
      readonly kind: 'column';
      readonly qualifier: string | null;
      readonly name: string;
      readonly at: string;
    }
  | {
      readonly kind: 'literal';
      readonly type: 'INTEGER' | 'BIGINT' | 'DECIMAL' | 'VARCHAR' | 'BOOLEAN' | 'NULL';
      readonly value: number | string | boolean | null;
      readonly at: string;
    }
  | { readonly kind: 'neg' | 'not'; readonly operand: Expr; readonly at: string }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly at: string;
    }
  | {
      readonly kind: 'isNull';
      readonly negated: boolean;
      readonly operand: Expr;
      readonly at: string;
    }
  | { readonly kind: 'cast'; readonly operand: Expr; readonly type: string; readonly at: string }
  | {
      readonly kind: 'case';
      /** `CASE x WHEN v …` compares x = v; null for `CASE WHEN cond …`. */
      readonly subject: Expr | null;
      readonly whens: readonly { readonly when: Expr; readonly result: Expr }[];
      readonly otherwise: Expr | null;
      readonly at: string;
    }
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly args: readonly Expr[];
      readonly at: string;
    }
  | { readonly kind: 'list'; readonly items: readonly Expr[]; readonly at: string };

export type SelectItem =
  | {
      readonly kind: 'star';
      readonly qualifier: string | null;
      readonly exclude: readonly string[];
      readonly at: string;
    }
  | {
      readonly kind: 'expr';
      readonly expr: Expr;
      readonly alias: string | null;
      readonly at: string;
    };

/** `SELECT items FROM relation [AS] alias`. */
export interface SelectStatement {
  readonly items: readonly SelectItem[];
  readonly relation: string;
  readonly alias: string | null;
}

/** `CREATE [OR REPLACE] [TEMP] MACRO name(params) AS body`. */
export interface MacroDefinition {
  readonly name: string;
  readonly params: readonly string[];
  readonly body: Expr;
}
