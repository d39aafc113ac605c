import type { LintResult } from '../types.js';

export interface FormatterContext {
  /** Paths are shown relative to it, with `/`. */
  cwd: string;
  /** Use ANSI colours. */
  color: boolean;
  /** Show the source line and a caret under each finding (text formats). */
  codeFrame: boolean;
}

/** A formatter is a pure function of the results: it neither filters nor re-sorts them. */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;
