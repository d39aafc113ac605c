import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { ConfigResolver, type FileConfig } from './config/resolve-config.js';
import type { RuleSetting } from './config/rule-settings.js';
import { extractFromSource, type ExtractOptions } from './definitions/extract.js';
import { lintSource, type EnabledRule, type LintSourceOptions } from './engine/lint-source.js';
import type { SuppressionOptions } from './engine/suppressions.js';
import { applyBaseline, readBaseline, type BaselineOutcome } from './baseline.js';
import { expandPatterns, sortByRelativePath, type ExpandedFiles } from './files/expand-patterns.js';
import { loadFile, loadText, unreadable } from './loaders/load.js';
import type { SourceDocument } from './loaders/source-document.js';
import type { LintWorkers } from './parallel/pool.js';
import type { Plugin } from './plugins/plugin.js';
import { builtinRules } from './rules/index.js';
import type { LintResult } from './types.js';
import { compareText } from './values.js';

export interface LintOptions {
  /** Where relative patterns are resolved. Default: `process.cwd()`. */
  cwd?: string;
  /** Files over this many bytes are not read (one `read-error` each). Default: the configuration's, else 10 MiB. */
  maxFileSize?: number;
  /** A pattern that matches no file throws a `SagelintError` (`no-files-matched`). Default: true. */
  errorOnUnmatchedPattern?: boolean;
  /** The region templates deploy to: makes `AWS::Region` and `AWS::Partition` known. Default: unknown. */
  region?: string;
  /**
   * Severity and options by rule id, over the rules' defaults and the configuration files:
   * `{ 'require-tag-keys': ['error', { keys: ['team'] }] }`. An unknown id or bad options throw a `SagelintError`
   * before any file is read.
   */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** A configuration file for every file, instead of looking for `sagelint.config.*` (relative to `cwd`). */
  config?: string;
  /** Look for `sagelint.config.{yaml,json,mjs}` from each file's folder upward. Default: true. */
  configLookup?: boolean;
  /** Globs relative to `cwd` of files not to lint, besides the configuration's `ignores`. */
  ignorePatterns?: readonly string[];
  /** Honour in-file suppressions (comment directives, `Metadata.sagelint`). Default: the configuration's, else true. */
  inlineConfig?: boolean;
  /** Report suppressions that suppress nothing, at this severity. Default: the configuration's, else off. */
  reportUnusedDirectives?: 'off' | 'warning' | 'error';
  /**
   * Plugins for every file, besides those the configuration files name: paths or package names (resolved from
   * `cwd`), or plugin objects. Their rules are set as `name/rule-id`.
   */
  plugins?: readonly (string | Plugin)[];
  /**
   * How many threads lint: a number (the calling thread and worker threads beside it), `'off'` (the calling thread
   * only, as 1), or `'auto'` (default: with many files, one per core, up to 4). The results are the same whatever
   * it is. Plugins given as objects keep a run on the calling thread: functions cannot go to a worker.
   */
  concurrency?: number | 'auto' | 'off';
  /**
   * A baseline file (relative to `cwd`; see `--write-baseline`): the findings it holds are moved to
   * `suppressedFindings` (kind `external`), so only new ones are reported. A missing file is an empty baseline.
   */
  baseline?: string;
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
  /** As in `lint`. */
  config?: string;
  /** As in `lint`. */
  configLookup?: boolean;
  /** As in `lint`. */
  inlineConfig?: boolean;
  /** As in `lint`. */
  reportUnusedDirectives?: 'off' | 'warning' | 'error';
  /** As in `lint`. */
  plugins?: readonly (string | Plugin)[];
  /** As in `lint`. */
  baseline?: string;
}

/** A whole run, as the CLI reports it. */
export interface LintRun {
  results: LintResult[];
  /** Every rule some linted file ran, once (built-in rules first, then plugins', by id): what SARIF lists. */
  rules: EnabledRule[];
  /** `maxWarnings` of the configuration that applies in `cwd`, if it sets one. */
  maxWarnings?: number;
  /** How many worker threads linted files: 0 when the calling thread linted them all. */
  workerThreads: number;
  /** With a baseline: how many of its findings for the linted files no longer occur. */
  unmatchedBaselineFindings?: number;
}

/** From how many files `concurrency: 'auto'` lints in worker threads: below, starting them costs more than it saves. */
const AUTO_CONCURRENCY_MIN_FILES = 400;

/** One file to lint, as the main thread hands it to a worker: plain data. */
export interface FileTask {
  filePath: string;
  /** For a template read through a CDK cloud assembly: its stack. */
  cdkStack?: string;
  /** Problems found while listing the file (a CDK manifest entry), at pointers into it. */
  fileProblems: { pointer: string; message: string }[];
}

/** What a worker needs to resolve the same configurations as the main thread: the options, less plugin objects. */
export type WorkerOptions = Omit<LintOptions, 'plugins' | 'baseline' | 'concurrency' | 'cwd'> & { cwd: string; plugins?: string[] };

/**
 * Lints the files that patterns name (files, directories, globs). Resolves to one result per file, sorted by
 * path; files that hold no definition get a result with no findings. Throws `SagelintError` for bad usage only:
 * a file that cannot be read or parsed is a finding in its result, and the other files are linted regardless.
 */
export async function lint(patterns: string | readonly string[], options: LintOptions = {}): Promise<LintResult[]> {
  return (await lintRun(patterns, options)).results;
}

/** `lint`, with what the run's configurations say about the whole run. */
export async function lintRun(patterns: string | readonly string[], options: LintOptions = {}): Promise<LintRun> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const resolver = configResolver(cwd, options);
  const expanded = await expandPatterns(typeof patterns === 'string' ? [patterns] : patterns, {
    cwd,
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern ?? true,
  });
  // Workers start now, to be ready when the configurations are: one the files turn out not to need is ended unused.
  const startedWorkers = workerCount(options, expanded.files.length);
  const pool = startedWorkers > 0 ? new (await import('./parallel/pool.js')).LintWorkers(workerOptions(cwd, options), startedWorkers) : undefined;
  try {
    return await lintFiles(expanded, options, cwd, resolver, pool);
  } finally {
    pool?.close();
  }
}

/** `lintRun` once its files are known (and, for many files, its workers started). */
async function lintFiles(
  expanded: ExpandedFiles,
  options: LintOptions,
  cwd: string,
  resolver: ConfigResolver,
  pool: LintWorkers | undefined,
): Promise<LintRun> {
  const { problems, stacks } = expanded;
  // Every configuration is read and checked before any file is linted: one file after the other, as nearly all are
  // settled once the first under their configuration is, and a promise for each of ten thousand files cost more.
  const configs = new Map<string, FileConfig>();
  for (const file of expanded.files) configs.set(file, resolver.settledFor(file) ?? (await resolver.forFile(file)));
  const files = expanded.files.filter((file) => configs.get(file)?.ignored !== true);
  const maxWarnings = await resolver.maxWarnings(cwd);
  const tasks = files.map((filePath): FileTask => {
    const cdkStack = stacks.get(filePath);
    const fileProblems = problems.filter((problem) => problem.filePath === filePath && problem.pointer !== undefined);
    return { filePath, ...(cdkStack !== undefined && { cdkStack }), fileProblems: fileProblems.map(({ pointer = '', message }) => ({ pointer, message })) };
  });
  const configFor = (file: string): FileConfig | Promise<FileConfig> => configs.get(file) ?? resolver.forFile(file);
  const { results, workerThreads } =
    pool !== undefined && workerCount(options, tasks.length) > 0
      ? await pool.lint(tasks, configFor)
      : { results: await lintTasks(tasks, configFor), workerThreads: 0 };
  // Directories that could not be walked (a loop, no permission) are reported like files that cannot be read.
  for (const problem of problems) {
    if (problem.pointer === undefined) results.push(lintSource(unreadable(problem.filePath, problem.message), [], []));
  }
  const sorted = sortByRelativePath(results, cwd, (result) => result.filePath);
  const baselined = options.baseline === undefined ? undefined : await withBaseline(sorted, resolve(cwd, options.baseline), options.baseline);
  return {
    results: baselined?.results ?? sorted,
    ...(baselined !== undefined && { unmatchedBaselineFindings: baselined.unmatched }),
    workerThreads,
    rules: rulesOfRun(files.flatMap((file) => configs.get(file) ?? [])),
    ...(maxWarnings !== undefined && { maxWarnings }),
  };
}

/** A file's configuration: at once when it is settled, else when it is. */
export type ConfigLookup = (filePath: string) => FileConfig | Promise<FileConfig>;

/**
 * Lints files on this thread, one after the other: what `lint` does without workers, and what each worker does with
 * the files it is given. Files are read synchronously, so reading ahead would overlap nothing; a file's values and
 * source tree are dropped before the next file is read, while young, which is what garbage collection does cheapest.
 */
export async function lintTasks(tasks: readonly FileTask[], configFor: ConfigLookup): Promise<LintResult[]> {
  const results: LintResult[] = [];
  for (const task of tasks) {
    // Most configurations are known without waiting: an `await` of one would still wait for a turn.
    const known = configFor(task.filePath);
    const config = known instanceof Promise ? await known : known;
    const source = await loadFile(task.filePath, { maxFileSize: config.maxFileSize });
    results.push(await lintLoadedSource(source, config.rules, fileOptions(config, task)));
  }
  return results;
}

/** How many worker threads a run uses besides the calling thread, which lints too. */
function workerCount(options: LintOptions, fileCount: number): number {
  const concurrency = options.concurrency ?? 'auto';
  if (concurrency === 'off' || fileCount < 2) return 0;
  // Workers run the compiled JavaScript; from TypeScript sources (the tests), or with plugin objects, there is none to run.
  if (import.meta.url.endsWith('.ts') || (options.plugins ?? []).some((plugin) => typeof plugin !== 'string')) return 0;
  // `auto`: a thread per core. V8's own threads (garbage collection, compilation) share the cores, so a thread more
  // pays less than its share: measured on two cores, two threads take 0.86 of one thread's time, for 1.17 times the CPU.
  const threads = concurrency === 'auto' ? (fileCount < AUTO_CONCURRENCY_MIN_FILES ? 1 : Math.min(availableParallelism(), 4)) : Math.floor(concurrency);
  return Math.max(0, Math.min(threads, fileCount) - 1);
}

function workerOptions(cwd: string, options: LintOptions): WorkerOptions {
  const { plugins, baseline: _baseline, concurrency: _concurrency, ...rest } = options;
  return { ...rest, cwd, ...(plugins !== undefined && { plugins: plugins.filter((plugin) => typeof plugin === 'string') }) };
}

async function withBaseline(results: readonly LintResult[], path: string, shownAs: string): Promise<BaselineOutcome> {
  return applyBaseline(results, await readBaseline(path), path, shownAs);
}

/** Each rule the configurations enable, once, at the severity of the first that enables it. */
function rulesOfRun(configs: readonly FileConfig[]): EnabledRule[] {
  const byId = new Map<string, EnabledRule>();
  for (const config of configs) {
    for (const enabled of config.rules) if (!byId.has(enabled.rule.id)) byId.set(enabled.rule.id, enabled);
  }
  const isPlugin = (enabled: EnabledRule): number => (enabled.rule.plugin === undefined ? 0 : 1);
  return [...byId.values()].sort((a, b) => isPlugin(a) - isPlugin(b) || compareText(a.rule.id, b.rule.id));
}

/** Lints text as the content of `filePath`, without reading the disk (editors, stdin). */
export async function lintText(text: string, options: LintTextOptions): Promise<LintResult> {
  const [result] = (await lintTextRun(text, options)).results;
  if (result === undefined) throw new Error('lintTextRun gave no result.');
  return result;
}

/** `lintText`, with what the file's configuration says about the run. */
export async function lintTextRun(text: string, options: LintTextOptions): Promise<LintRun> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const filePath = resolve(cwd, options.filePath);
  const resolver = configResolver(cwd, options);
  const config = await resolver.forFile(filePath);
  const result = await lintLoadedSource(await loadText(filePath, text), config.rules, fileOptions(config, { fileProblems: [] }));
  const maxWarnings = await resolver.maxWarnings(cwd);
  const baselined = options.baseline === undefined ? undefined : await withBaseline([result], resolve(cwd, options.baseline), options.baseline);
  return {
    results: baselined?.results ?? [result],
    ...(baselined !== undefined && { unmatchedBaselineFindings: baselined.unmatched }),
    rules: config.rules,
    workerThreads: 0,
    ...(maxWarnings !== undefined && { maxWarnings }),
  };
}

/** The configuration that applies to one file, as `--print-config` shows it. */
export async function calculateConfigForFile(filePath: string, options: LintOptions = {}): Promise<FileConfig> {
  const cwd = resolve(options.cwd ?? process.cwd());
  return configResolver(cwd, options).forFile(resolve(cwd, filePath));
}

export function configResolver(cwd: string, options: Omit<LintOptions, 'cwd'> | Omit<LintTextOptions, 'cwd'>): ConfigResolver {
  return new ConfigResolver(builtinRules, {
    cwd,
    ...(options.config !== undefined && { configFile: resolve(cwd, options.config) }),
    ...(options.configLookup !== undefined && { lookup: options.configLookup }),
    ...(options.rules !== undefined && { rules: options.rules }),
    ...('ignorePatterns' in options && options.ignorePatterns !== undefined && { ignorePatterns: options.ignorePatterns }),
    ...(options.region !== undefined && { region: options.region }),
    ...(options.inlineConfig !== undefined && { inlineConfig: options.inlineConfig }),
    ...(options.reportUnusedDirectives !== undefined && { reportUnusedDirectives: options.reportUnusedDirectives }),
    ...(options.plugins !== undefined && { plugins: options.plugins }),
    ...('maxFileSize' in options && options.maxFileSize !== undefined && { maxFileSize: options.maxFileSize }),
  });
}

/**
 * How one file is linted under its configuration. Always one shape of object, written out member by member: on
 * Node 20, an object literal that starts with a spread and adds members gets a hidden class of its own every time,
 * and the engine reads these options for every file.
 */
function fileOptions(config: FileConfig, task: Pick<FileTask, 'cdkStack' | 'fileProblems'>): ExtractOptions & LintSourceOptions {
  const { inlineConfig, reportUnusedDirectives, external, knownRuleIds } = suppressionOptions(config);
  return { inlineConfig, reportUnusedDirectives, external, knownRuleIds, region: config.region, cdkStack: task.cdkStack, fileProblems: task.fileProblems };
}

/** What a configuration says of suppressions: worked out once per configuration, which thousands of files share. */
function suppressionOptions(config: FileConfig): SuppressionOptions {
  let options = suppressionOptionsByConfig.get(config);
  if (options === undefined) {
    options = {
      inlineConfig: config.inlineConfig,
      reportUnusedDirectives: config.reportUnusedDirectives,
      external: config.suppressions,
      // Every rule the file's configuration can set is known to its directives, plugin rules and rules that are off too.
      knownRuleIds: Object.keys(config.settings),
    };
    suppressionOptionsByConfig.set(config, options);
  }
  return options;
}

const suppressionOptionsByConfig = new WeakMap<FileConfig, SuppressionOptions>();

/** Finds a loaded file's definitions and lints them: the part of `lint` after reading, shared with the tools. */
export async function lintLoadedSource(
  source: SourceDocument,
  rules: readonly EnabledRule[],
  options: ExtractOptions & LintSourceOptions = {},
): Promise<LintResult> {
  return lintSource(source, await extractFromSource(source, options), rules, options);
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
