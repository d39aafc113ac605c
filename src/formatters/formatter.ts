import type { EnabledRule } from '../engine/lint-source.js';
import type { LintResult } from '../types.js';

export interface FormatterContext {
  /** Paths are shown relative to it, with `/`. */
  cwd: string;
  /** Use ANSI colours (text formats only). */
  color: boolean;
  /** Show the source line and a caret under each finding (text formats). */
  codeFrame: boolean;
  /** The rules that ran, with the severity they ran at: SARIF lists them in `tool.driver.rules`. */
  rules: readonly EnabledRule[];
  /**
   * Where repository-relative paths start (SARIF, which GitHub resolves against the repository root): the git
   * work tree that holds `cwd`, or `--sarif-root`. Default: `cwd`.
   */
  repositoryRoot?: string;
  /** SARIF `automationDetails.id` is written only when this is given (`--sarif-category`). */
  sarifCategory?: string;
  /** sagelint's version, for the tool's description in machine-readable formats. */
  toolVersion: string;
}

/** A formatter is a pure function of the results: it neither filters nor re-sorts them. */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;
