import { resolve } from 'node:path';
import { resolveRuleSettings, type RuleSetting } from './config/rule-settings.js';
import { extractFromSource, type ExtractOptions } from './definitions/extract.js';
import { lintSource, type EnabledRule, type LintSourceOptions } from './engine/lint-source.js';
import { expandPatterns, sortByRelativePath } from './files/expand-patterns.js';
import { loadFile, loadText, unreadable } from './loaders/load.js';
import type { SourceDocument } from './loaders/source-document.js';
import { builtinRules } from './rules/index.js';
import type { LintResult } from './types.js';

export interface LintOptions {
  /** Where relative patterns are resolved. Default: `process.cwd()`. */
  cwd?: string;
  /** A pattern that matches no file throws a `SagelintError` (`no-files-matched`). Default: true. */
  errorOnUnmatchedPattern?: boolean;
  /** The region templates deploy to: makes `AWS::Region` and `AWS::Partition` known. Default: unknown. */
  region?: string;
  /**
   * Severity and options by rule id, over the rules' defaults: `{ 'require-tag-keys': ['error', { keys: ['team'] }] }`.
   * An unknown id or bad options throw a `SagelintError` before any file is read.
   */
  rules?: Readonly<Record<string, RuleSetting>>;
}

export interface LintTextOptions {
  /** The file the text belongs to: decides JSON or YAML by its extension, and names the result. */
  filePath: string;
  /** Where a relative `filePath` is resolved. Default: `process.cwd()`. */
  cwd?: string;
  /** As in `lint`. */
  region?: string;
  /** As in `lint`. */
  rules?: Readonly<Record<string, RuleSetting>>;
}

/** How many files are read at once: enough to overlap disk waits, few enough to bound memory. */
const READ_CONCURRENCY = 16;

/**
 * Lints the files that patterns name (files, directories, globs). Resolves to one result per file, sorted by
 * path; files that hold no definition get a result with no findings. Throws `SagelintError` for bad usage only:
 * a file that cannot be read or parsed is a finding in its result, and the other files are linted regardless.
 */
export async function lint(patterns: string | readonly string[], options: LintOptions = {}): Promise<LintResult[]> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const rules = await resolveRuleSettings(builtinRules, options.rules);
  const { files, problems, stacks } = await expandPatterns(typeof patterns === 'string' ? [patterns] : patterns, {
    cwd,
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern ?? true,
  });
  const results: LintResult[] = [];
  for (let start = 0; start < files.length; start += READ_CONCURRENCY) {
    const batch = files.slice(start, start + READ_CONCURRENCY);
    const sources = await Promise.all(batch.map(loadFile));
    for (const source of sources) {
      const cdkStack = stacks.get(source.filePath);
      const fileProblems = problems.filter((problem) => problem.filePath === source.filePath && problem.pointer !== undefined);
      results.push(
        await lintLoadedSource(source, rules, {
          ...regionOption(options),
          ...(cdkStack !== undefined && { cdkStack }),
          fileProblems: fileProblems.map(({ pointer = '', message }) => ({ pointer, message })),
        }),
      );
    }
  }
  // Directories that could not be walked (a loop, no permission) are reported like files that cannot be read.
  for (const problem of problems) {
    if (problem.pointer === undefined) results.push(lintSource(unreadable(problem.filePath, problem.message), [], rules));
  }
  return sortByRelativePath(results, cwd, (result) => result.filePath);
}

/** Lints text as the content of `filePath`, without reading the disk (editors, stdin). */
export async function lintText(text: string, options: LintTextOptions): Promise<LintResult> {
  const filePath = resolve(options.cwd ?? process.cwd(), options.filePath);
  const rules = await resolveRuleSettings(builtinRules, options.rules);
  return lintLoadedSource(await loadText(filePath, text), rules, regionOption(options));
}

/** Finds a loaded file's definitions and lints them: the part of `lint` after reading, shared with the tools. */
export async function lintLoadedSource(
  source: SourceDocument,
  rules: readonly EnabledRule[],
  options: ExtractOptions & LintSourceOptions = {},
): Promise<LintResult> {
  return lintSource(source, await extractFromSource(source, options), rules, options);
}

function regionOption(options: { region?: string }): { region?: string } {
  return options.region === undefined ? {} : { region: options.region };
}

/** The results with errors only, as `--quiet` shows them (ESLint's `getErrorResults`). */
export function errorResults(results: readonly LintResult[]): LintResult[] {
  return results.map((result) => {
    const findings = result.findings.filter((finding) => finding.severity === 'error');
    const { source, ...rest } = result;
    return {
      ...rest,
      findings,
      warningCount: 0,
      infoCount: 0,
      ...(findings.length > 0 && source !== undefined && { source }),
    };
  });
}
