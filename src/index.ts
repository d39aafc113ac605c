/**
 * sagelint's programmatic API. The CLI is a thin layer over it: every flag is an option here first.
 *
 * ```ts
 * import { lint, loadFormatter } from 'sagelint';
 * const results = await lint(['monitors/']);
 * const formatter = await loadFormatter('json');
 * console.log(formatter.format(results));
 * ```
 */
import { getFormatter } from './formatters/index.js';
import type { FormatterContext } from './formatters/formatter.js';
import type { LintResult } from './types.js';

export { lint, lintText, errorResults } from './lint.js';
export type { LintOptions, LintTextOptions } from './lint.js';
export { builtinRules as rules } from './rules/index.js';
export type { Rule, RuleContext, RuleDocs, Report, SchemaViolation } from './rule-support/define-rule.js';
export { SagelintError } from './errors.js';
export type { SagelintErrorCode } from './errors.js';
export { FORMATTER_NAMES } from './formatters/index.js';
export type { Formatter, FormatterContext } from './formatters/formatter.js';
export { RESERVED_RULE_IDS } from './types.js';
export type { DefinitionKind, Finding, LintResult, Severity } from './types.js';

export interface LoadedFormatter {
  /** Formats results; by default without colour and without code frames, paths relative to `process.cwd()`. */
  format(results: readonly LintResult[], context?: Partial<FormatterContext>): string;
}

/** A built-in formatter by name (`stylish` or `text`, `json`); throws `SagelintError` for an unknown name. */
export async function loadFormatter(name: string): Promise<LoadedFormatter> {
  const formatter = getFormatter(name);
  return {
    format: (results, context = {}) =>
      formatter(results, { cwd: process.cwd(), color: false, codeFrame: false, ...context }),
  };
}
