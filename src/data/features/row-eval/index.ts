/** In-memory evaluation of the application feature SQL on one row (see application.ts). */
export {
  type ApplicationFeatureProgram,
  applicationFeatureProgram,
  applicationFeatures,
  compileApplicationFeatures,
} from './application.ts';
export { applicationFeatureInputs } from './inputs.ts';
export { RowSqlError } from './lexer.ts';
export { parseExpression, parseMacros, parseSelect } from './parser.ts';
export { compileSelect, type RowProgram } from './select.ts';
export { RowEvalError } from './values.ts';
