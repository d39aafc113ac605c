#!/usr/bin/env node
/**
 * The `sagelint` command: yargs → API → formatter → output → exit code, and nothing more. Exit codes are
 * ESLint's: 0 no errors, 1 errors (or too many warnings), 2 bad usage or an internal failure.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';
import yargs from 'yargs';
import { DEFAULT_BASELINE_FILE, recordBaseline } from './baseline.js';
import { SagelintError } from './errors.js';
import { findRepositoryRoot } from './files/repository-root.js';
import { FORMATTER_NAMES, getFormatter } from './formatters/index.js';
import type { RuleSetting } from './config/rule-settings.js';
import { calculateConfigForFile, errorResults, lintRun, lintTextRun } from './lint.js';
import { loadText } from './loaders/load.js';
import { RESERVED_RULE_IDS } from './types.js';

/** What the CLI touches of the process, so tests can run it in-process. */
export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown };
  /** Standard input, read whole (for `--stdin`). */
  readStdin(): Promise<string>;
  version: string;
}

interface CliArguments {
  patterns: string[];
  format: string;
  outputFile: string | undefined;
  quiet: boolean;
  /** Undefined when not given: the configuration's `maxWarnings` applies. */
  maxWarnings: number | undefined;
  errorOnUnmatchedPattern: boolean;
  codeFrame: boolean;
  color: boolean | undefined;
  region: string | undefined;
  sarifRoot: string | undefined;
  sarifCategory: string | undefined;
  config: string | undefined;
  configLookup: boolean;
  ruleFlags: string[];
  plugins: string[];
  baseline: string | undefined;
  writeBaseline: boolean;
  maxFileSize: number | undefined;
  concurrency: number | 'auto' | 'off';
  ignorePatterns: string[];
  printConfig: string | undefined;
  stdin: boolean;
  stdinFilename: string | undefined;
  inlineConfig: boolean | undefined;
  reportUnusedDisableDirectives: boolean | undefined;
}

/** Runs the CLI on arguments (without `node` and the script) and resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(argv, io);
  if (typeof parsed === 'number') return parsed;
  try {
    const options = {
      cwd: io.cwd,
      errorOnUnmatchedPattern: parsed.errorOnUnmatchedPattern,
      ...(parsed.region !== undefined && { region: parsed.region }),
      ...(parsed.config !== undefined && { config: parsed.config }),
      configLookup: parsed.configLookup,
      rules: await parseRuleFlags(parsed.ruleFlags),
      plugins: parsed.plugins,
      ...(parsed.maxFileSize !== undefined && { maxFileSize: parsed.maxFileSize }),
      concurrency: parsed.concurrency,
      ignorePatterns: parsed.ignorePatterns,
      ...(parsed.inlineConfig !== undefined && { inlineConfig: parsed.inlineConfig }),
      ...(parsed.reportUnusedDisableDirectives !== undefined && {
        reportUnusedDirectives: parsed.reportUnusedDisableDirectives ? ('warning' as const) : ('off' as const),
      }),
    };
    if (parsed.printConfig !== undefined) {
      const config = await calculateConfigForFile(parsed.printConfig, options);
      const { rules: _enabled, ...shown } = config;
      io.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
      return 0;
    }
    const formatter = getFormatter(parsed.format);
    // The baseline file applies when named, or when the default one is there (as ESLint's suppressions file).
    const baseline = parsed.baseline ?? (existsSync(resolve(io.cwd, DEFAULT_BASELINE_FILE)) ? DEFAULT_BASELINE_FILE : undefined);
    const baselineOption = !parsed.writeBaseline && baseline !== undefined ? { baseline } : {};
    const linted = parsed.stdin
      ? await lintTextRun(await io.readStdin(), { ...options, ...baselineOption, filePath: parsed.stdinFilename ?? 'stdin.yaml' })
      : await lintRun(parsed.patterns, { ...options, ...baselineOption });
    const { rules, maxWarnings: configMaxWarnings } = linted;
    let { results } = linted;
    if (parsed.writeBaseline) {
      const shownAs = parsed.baseline ?? DEFAULT_BASELINE_FILE;
      const recorded = await recordBaseline(results, resolve(io.cwd, shownAs), shownAs);
      results = recorded.results;
      io.stderr.write(`sagelint: wrote ${recorded.findingCount} finding(s) in ${recorded.fileCount} file(s) to ${shownAs}.\n`);
    } else if ((linted.unmatchedBaselineFindings ?? 0) > 0) {
      io.stderr.write(
        `sagelint: ${linted.unmatchedBaselineFindings} finding(s) in the baseline ${baseline} no longer occur; run with --write-baseline to drop them.\n`,
      );
    }
    const maxWarnings = parsed.maxWarnings ?? configMaxWarnings ?? -1;
    const shown = parsed.quiet ? errorResults(results) : results;
    const toFile = parsed.outputFile !== undefined;
    const output = formatter(shown, {
      cwd: io.cwd,
      color: !toFile && useColor(parsed.color, io),
      codeFrame: parsed.codeFrame,
      rules,
      repositoryRoot: parsed.sarifRoot === undefined ? (findRepositoryRoot(io.cwd) ?? io.cwd) : resolve(io.cwd, parsed.sarifRoot),
      ...(parsed.sarifCategory !== undefined && { sarifCategory: parsed.sarifCategory }),
      toolVersion: io.version,
    });
    if (parsed.outputFile === undefined) io.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
    else await writeOutput(resolve(io.cwd, parsed.outputFile), output);

    const findings = shown.flatMap((result) => result.findings);
    const internal = findings.filter((finding) => finding.ruleId === RESERVED_RULE_IDS.internalError);
    if (internal.length > 0) {
      io.stderr.write(`sagelint: ${internal.length} internal error(s); please report them with the file that caused them.\n`);
      return 2;
    }
    // As ESLint's --quiet: warnings are not shown, but they still count towards --max-warnings.
    const warnings = results.flatMap((result) => result.findings).filter((finding) => finding.severity === 'warning').length;
    const tooManyWarnings = maxWarnings >= 0 && warnings > maxWarnings;
    if (tooManyWarnings) {
      io.stderr.write(`sagelint found too many warnings (maximum: ${maxWarnings}).\n`);
    }
    return findings.some((finding) => finding.severity === 'error') || tooManyWarnings ? 1 : 0;
  } catch (error) {
    if (error instanceof SagelintError) {
      io.stderr.write(`sagelint: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`sagelint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}

/** The parsed arguments, or the exit code when yargs answered itself (help, version, a usage error). */
function parseArguments(argv: readonly string[], io: CliIo): CliArguments | number {
  let failure: string | undefined;
  let printed = '';
  const parser = yargs([...argv])
    .scriptName('sagelint')
    .usage('$0 [patterns..]\n\nLint SageMaker model bias job definitions in files, directories and globs.')
    .command('$0 [patterns..]', false, (command) =>
      command.positional('patterns', {
        describe: 'Files, directories (searched for .json .yaml .yml .template) and globs',
        type: 'string',
        array: true,
        default: ['.'],
      }),
    )
    .option('format', { alias: 'f', type: 'string', default: 'stylish', describe: 'Output format', choices: FORMATTER_NAMES })
    .option('output-file', { alias: 'o', type: 'string', describe: 'Write the report to this file instead of stdout' })
    .option('quiet', { type: 'boolean', default: false, describe: 'Report errors only' })
    .option('max-warnings', {
      type: 'number',
      describe: 'Exit with code 1 when there are more warnings than this (-1: no limit; default: the configuration\'s maxWarnings, else -1)',
    })
    .option('concurrency', {
      type: 'string',
      default: 'auto',
      describe: 'Threads that lint, this one included: a number, off (as 1), or auto (with many files, one per core); the output is the same',
    })
    .option('max-file-size', {
      type: 'number',
      describe: 'Do not read files larger than this many bytes; each gets one read-error (default: the configuration\'s, else 10485760)',
    })
    .option('error-on-unmatched-pattern', {
      type: 'boolean',
      default: true,
      describe: 'Fail (exit 2) when a pattern matches no file; --no-error-on-unmatched-pattern to skip it',
    })
    .option('region', {
      type: 'string',
      describe: 'The region templates deploy to, so AWS::Region and AWS::Partition are known (e.g. eu-west-1)',
    })
    .option('config', { alias: 'c', type: 'string', describe: 'Use this configuration file for every file' })
    .option('config-lookup', {
      type: 'boolean',
      default: true,
      describe: 'Look for sagelint.config.{yaml,json,mjs} above each file; --no-config-lookup to use none',
    })
    .option('rule', {
      type: 'string',
      array: true,
      // One value per flag, repeated (`--rule a --rule b`): an array option would swallow the patterns after it.
      nargs: 1,
      describe: 'A rule setting over the configuration, e.g. --rule "require-vpc-config: off" or "require-tag-keys: [error, {keys: [team]}]"',
    })
    .option('plugin', {
      type: 'string',
      array: true,
      nargs: 1,
      describe: 'Load this plugin for every file (a path or a package name, from the cwd), besides the configuration\'s plugins',
    })
    .option('baseline', {
      type: 'string',
      describe: `Report only findings this baseline does not hold (default: ${DEFAULT_BASELINE_FILE} in the cwd, when it exists)`,
    })
    .option('write-baseline', {
      type: 'boolean',
      default: false,
      describe: 'Record the findings of the linted files in the baseline (--baseline, or the default), keeping other files\' entries',
    })
    .option('ignore-pattern', { type: 'string', array: true, nargs: 1, describe: 'Do not lint files matching this glob (relative to the cwd)' })
    .option('print-config', { type: 'string', describe: 'Print the configuration that applies to this file, and lint nothing' })
    .option('inline-config', {
      type: 'boolean',
      describe: 'Honour sagelint-disable comments and Metadata.sagelint (default: the configuration\'s, else yes); --no-inline-config to ignore them',
    })
    .option('report-unused-disable-directives', {
      type: 'boolean',
      describe: 'Warn about suppressions that suppress nothing',
    })
    .option('stdin', { type: 'boolean', default: false, describe: 'Lint the text read from standard input' })
    .option('stdin-filename', { type: 'string', describe: 'The name of the file standard input holds (decides JSON or YAML)' })
    .option('sarif-root', {
      type: 'string',
      describe: 'SARIF paths are relative to this folder (default: the git work tree that holds the cwd)',
    })
    .option('sarif-category', {
      type: 'string',
      describe: 'Write SARIF automationDetails with this category (GitHub code scanning runs by category)',
    })
    .option('code-frame', { type: 'boolean', default: false, describe: 'Show the source line under each finding' })
    .option('color', { type: 'boolean', describe: 'Force colour on or off (default: on for a terminal; NO_COLOR, FORCE_COLOR)' })
    .version(io.version)
    .help()
    .alias('help', 'h')
    .strict()
    .wrap(Math.min(100, io.stdout.columns ?? 80))
    .exitProcess(false)
    .fail((message, error) => {
      failure = message || (error instanceof Error ? error.message : 'invalid arguments');
    });
  const args = parser.parseSync([...argv], {}, (_error, _args, output) => {
    printed = output;
  });
  if (failure !== undefined) {
    io.stderr.write(`sagelint: ${failure}\nRun "sagelint --help" for usage.\n`);
    return 2;
  }
  if (printed !== '') {
    io.stdout.write(`${printed}\n`);
    return 0;
  }
  const maxWarnings = args['max-warnings'] === undefined ? undefined : Number(args['max-warnings']);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < -1)) {
    io.stderr.write('sagelint: --max-warnings takes a whole number (or -1 for no limit).\n');
    return 2;
  }
  const maxFileSize = args['max-file-size'] === undefined ? undefined : Number(args['max-file-size']);
  if (maxFileSize !== undefined && (!Number.isInteger(maxFileSize) || maxFileSize < 1)) {
    io.stderr.write('sagelint: --max-file-size takes a whole number of bytes.\n');
    return 2;
  }
  const concurrencyText = String(args.concurrency);
  const concurrency = concurrencyText === 'auto' || concurrencyText === 'off' ? concurrencyText : Number(concurrencyText);
  if (typeof concurrency === 'number' && (!Number.isInteger(concurrency) || concurrency < 1)) {
    io.stderr.write('sagelint: --concurrency takes a whole number of threads, "auto" or "off".\n');
    return 2;
  }
  return {
    maxFileSize,
    concurrency,
    patterns: (args.patterns as string[] | undefined) ?? ['.'],
    format: String(args.format),
    outputFile: args['output-file'] as string | undefined,
    quiet: Boolean(args.quiet),
    maxWarnings,
    errorOnUnmatchedPattern: args['error-on-unmatched-pattern'] !== false,
    codeFrame: Boolean(args['code-frame']),
    color: args.color as boolean | undefined,
    region: args.region as string | undefined,
    sarifRoot: args['sarif-root'] as string | undefined,
    sarifCategory: args['sarif-category'] as string | undefined,
    config: args.config as string | undefined,
    configLookup: args['config-lookup'] !== false,
    ruleFlags: (args.rule as string[] | undefined) ?? [],
    plugins: (args.plugin as string[] | undefined) ?? [],
    baseline: args.baseline as string | undefined,
    writeBaseline: Boolean(args['write-baseline']),
    ignorePatterns: (args['ignore-pattern'] as string[] | undefined) ?? [],
    printConfig: args['print-config'] as string | undefined,
    stdin: Boolean(args.stdin),
    stdinFilename: args['stdin-filename'] as string | undefined,
    inlineConfig: args['inline-config'] as boolean | undefined,
    reportUnusedDisableDirectives: args['report-unused-disable-directives'] as boolean | undefined,
  };
}

/** `--rule 'id: severity'` or `--rule 'id: [severity, {options}]'`, read as a YAML flow mapping, as ESLint's. */
async function parseRuleFlags(flags: readonly string[]): Promise<Record<string, RuleSetting>> {
  const settings: Record<string, RuleSetting> = {};
  if (flags.length === 0) return settings;
  for (const flag of flags) {
    const source = await loadText('rule.yaml', `{${flag}}`);
    const parsed = source.problems.length === 0 ? source.documents[0]?.value : undefined;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.keys(parsed).length === 0) {
      throw new SagelintError('invalid-option', `--rule ${JSON.stringify(flag)} is not "rule-id: severity" or "rule-id: [severity, {options}]".`);
    }
    Object.assign(settings, parsed);
  }
  return settings;
}

/** `--color`/`--no-color` win; then FORCE_COLOR and NO_COLOR (no-color.org); then whether stdout is a terminal. */
function useColor(flag: boolean | undefined, io: CliIo): boolean {
  if (flag !== undefined) return flag;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdout.isTTY === true;
}

async function writeOutput(path: string, output: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    // The line end written after the report, not added to it: that would copy a report of megabytes once more.
    await writeFile(path, output.endsWith('\n') ? [output] : [output, '\n']);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new SagelintError('output-write-failed', `Cannot write the report to ${path} (${reason}).`);
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  // A worker thread shares process.argv with the thread that started it, and is never the CLI.
  if (script === undefined || !isMainThread) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/**
 * How V8's optimizing compiler is set for the command. Every worker thread optimizes the same functions for itself,
 * and on a large run compiling is a large share of the work (README, Performance). The command owns its process; the
 * API leaves its caller's as it is.
 * - How much bytecode may be inlined into one function (V8's default is 920): at 300, linting the benchmark tree
 *   takes 7 % fewer instructions, compiling included.
 * - How much a function runs before it is considered for optimizing (V8's default budget is 67,584): four times as
 *   much leaves the merely warm functions unoptimized. Two threads on the tree take 4 % fewer instructions.
 */
const COMPILER_FLAGS = ['--max-inlined-bytecode-size-cumulative=300', '--interrupt-budget=270336'];

if (isEntryPoint()) {
  // Before any function of the linter runs, so before any is optimized; worker threads share the setting.
  for (const flag of COMPILER_FLAGS) setFlagsFromString(flag);
  const { createRequire } = await import('node:module');
  const { version } = createRequire(import.meta.url)('../package.json') as { version: string };
  // A reader that stops early (`sagelint . | head`) closes the pipe: that is no failure of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.exitCode = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    version,
  });
}
