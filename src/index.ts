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
import { createRequire } from 'node:module';
import { resolveRuleSettings } from './config/rule-settings.js';
import { findRepositoryRoot } from './files/repository-root.js';
import { getFormatter } from './formatters/index.js';
import { builtinRules } from './rules/index.js';
import type { FormatterContext } from './formatters/formatter.js';
import type { LintResult } from './types.js';

export { calculateConfigForFile, lint, lintText, errorResults } from './lint.js';
export type { FileConfig } from './config/resolve-config.js';
export { CONFIG_FILE_NAMES } from './config/config-file.js';
export { resolveRuleSettings } from './config/rule-settings.js';
export type { RuleSetting } from './config/rule-settings.js';
export type { EnabledRule } from './engine/lint-source.js';
export type { LintOptions, LintTextOptions } from './lint.js';
export { builtinRules as rules } from './rules/index.js';
export { defineRule } from './rule-support/define-rule.js';
export type {
  AnyRule,
  Rule,
  RuleContext,
  RuleDocs,
  RuleInput,
  RuleOptionsSpec,
  RulePlugin,
  Report,
  SchemaViolation,
} from './rule-support/define-rule.js';
export { definePlugin } from './plugins/plugin.js';
export { renderRulesDoc } from './docs/rules-doc.js';
export { DEFAULT_BASELINE_FILE, recordBaseline } from './baseline.js';
export type { Baseline } from './baseline.js';
export type { RulesDocOptions } from './docs/rules-doc.js';
export type { Plugin, PluginMeta } from './plugins/plugin.js';
export { SagelintError } from './errors.js';
export type { SagelintErrorCode } from './errors.js';
export { FORMATTER_NAMES } from './formatters/index.js';
export type { Formatter, FormatterContext } from './formatters/formatter.js';
export { RESERVED_RULE_IDS } from './types.js';
export type { DefinitionKind, Finding, LintResult, Severity } from './types.js';

export interface LoadedFormatter {
  /**
   * Formats results; by default without colour and without code frames, paths relative to `process.cwd()`, the
   * rules at their default settings, and repository paths relative to the git work tree that holds the cwd.
   */
  format(results: readonly LintResult[], context?: Partial<FormatterContext>): string;
}

/** sagelint's own version, from its package.json. */
export const version: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** A built-in formatter by name (see `FORMATTER_NAMES`); throws `SagelintError` for an unknown name. */
export async function loadFormatter(name: string): Promise<LoadedFormatter> {
  const formatter = getFormatter(name);
  const rules = await resolveRuleSettings(builtinRules);
  return {
    format: (results, context = {}) => {
      const cwd = context.cwd ?? process.cwd();
      return formatter(results, {
        cwd,
        color: false,
        codeFrame: false,
        rules,
        repositoryRoot: findRepositoryRoot(cwd) ?? cwd,
        toolVersion: version,
        ...context,
      });
    },
  };
}
