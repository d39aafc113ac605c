/**
 * Runs fuzz cases (mutate.ts) through the CLI in-process, as a user would meet them, and checks what comes out: the
 * CLI resolves, exits 0 or 1 (2 is for bad usage and internal failures, and a fuzzed file is neither), prints no
 * stack trace, reports no `internal-error`, places every finding inside its file, and writes JSON and SARIF that
 * parse. Shared by the fuzz test and `npm run fuzz`.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { runCli as runCliInProcess, type CliRun } from '../support/run-cli.js';
import { caseRandom, describeCase, makeCase, type Corpus, type FuzzCase } from './mutate.js';

/**
 * Cases linted by one `main` call, in one temporary folder: far cheaper than a call each. Fixed, so that the settings
 * of a case (which depend on its batch) are found again from its number alone.
 */
export const BATCH_SIZE = 25;

/** How the CLI is run for one batch. */
export interface RunSettings {
  format: 'stylish' | 'json' | 'sarif' | 'github' | 'junit';
  region?: string;
  /** Configure the policy rules, which are off until given options, so they run on fuzzed input too. */
  policy: boolean;
  quiet: boolean;
  codeFrame: boolean;
  reportUnusedDirectives: boolean;
  /** Lint in worker threads, as runs of many files do, so that results cross threads. */
  threads: boolean;
}

const FORMATS: readonly RunSettings['format'][] = ['json', 'stylish', 'sarif', 'json', 'github', 'junit'];
const REGIONS = ['us-east-1', 'eu-west-1', 'cn-north-1', 'us-gov-west-1', 'us-iso-east-1', 'eu-isoe-west-1', 'xx-nowhere-9'];
const POLICY = [
  'no-unapproved-instance-type: [error, {allowed: [ml.m5.xlarge, ml.c5.2xlarge]}]',
  'no-oversized-cluster: [error, {maxInstanceCount: 2, maxVolumeSizeInGB: 100}]',
  'require-tag-keys: [warning, {keys: [team]}]',
  'no-unapproved-image-registry: [error, {registries: [205585389593.dkr.ecr.us-east-1.amazonaws.com]}]',
  'no-unapproved-kms-account: [error, {accounts: ["123456789012"]}]',
];

/** The settings of the batch that holds case `index` of `seed`. */
export function settingsFor(seed: number, index: number): RunSettings {
  const batch = Math.floor(index / BATCH_SIZE);
  const rng = caseRandom(seed ^ 0x5e771e55, batch);
  return {
    format: FORMATS[batch % FORMATS.length] ?? 'json',
    ...(rng.chance(0.3) && { region: rng.pick(REGIONS) }),
    policy: rng.chance(0.5),
    quiet: rng.chance(0.1),
    codeFrame: rng.chance(0.3),
    reportUnusedDirectives: rng.chance(0.2),
    threads: rng.chance(0.1),
  };
}

function argvFor(settings: RunSettings): string[] {
  return [
    '--format', settings.format,
    // SARIF paths relative to the folder linted, whatever git work tree holds the temporary folder; and no
    // configuration file that happens to lie above it.
    '--sarif-root', '.',
    '--no-config-lookup',
    ...(settings.region === undefined ? [] : ['--region', settings.region]),
    ...(settings.policy ? POLICY.flatMap((setting) => ['--rule', setting]) : []),
    ...(settings.quiet ? ['--quiet'] : []),
    ...(settings.codeFrame ? ['--code-frame'] : []),
    ...(settings.reportUnusedDirectives ? ['--report-unused-disable-directives'] : []),
    ...(settings.threads ? ['--concurrency', '2'] : []),
  ];
}

export interface FuzzFailure {
  /** The case, or the cases of a batch that failed only together. */
  cases: FuzzCase[];
  problems: string[];
  /** A command that reproduces the failure from the files written under the OS's temporary folder. */
  reproduction: string;
}

/** A failure as a message: the seed, case number and mutations, what went wrong, and how to reproduce it. */
export function describeFailure(failure: FuzzFailure): string {
  return [
    ...failure.cases.map(describeCase),
    ...failure.problems.map((problem) => `  - ${problem}`),
    `  reproduce: ${failure.reproduction}`,
    ...failure.cases.slice(0, 1).map((fuzzCase) => `  or: npm run fuzz -- --seed ${fuzzCase.seed} --case ${fuzzCase.index}`),
  ].join('\n');
}

export interface FuzzOptions {
  corpus: Corpus;
  seed: number;
  /** The first case's number. */
  start: number;
  count: number;
  /** A case that takes longer than this alone fails (only for long runs: timings on a busy CI machine vary). */
  slowMs?: number;
  /** Called after each batch with the number of cases run so far. */
  onBatch?: (done: number, failures: readonly FuzzFailure[]) => void;
}

/** Runs cases `start` to `start + count - 1` of `seed`, batch by batch; resolves to the failures. */
export async function fuzz(options: FuzzOptions): Promise<FuzzFailure[]> {
  const { corpus, seed, start, count } = options;
  const failures: FuzzFailure[] = [];
  for (let first = start; first < start + count; ) {
    // Batches are aligned on BATCH_SIZE, so every case runs with the settings `settingsFor` gives it.
    const end = Math.min(start + count, (Math.floor(first / BATCH_SIZE) + 1) * BATCH_SIZE);
    const cases = Array.from({ length: end - first }, (_, offset) => makeCase(corpus, seed, first + offset));
    failures.push(...(await runCases(cases, settingsFor(seed, first), options.slowMs)));
    first = end;
    options.onBatch?.(first - start, failures);
  }
  return failures;
}

/**
 * Runs cases together (those read from stdin one by one); a batch that fails, or takes longer than `slowMs`, is run
 * again case by case to find the case.
 */
export async function runCases(cases: readonly FuzzCase[], settings: RunSettings, slowMs?: number): Promise<FuzzFailure[]> {
  const failures: FuzzFailure[] = [];
  const onDisk = cases.filter((fuzzCase) => fuzzCase.stdinFilename === undefined);
  if (onDisk.length > 0) {
    const { problems, reproduce, elapsedMs } = await runOnDisk(onDisk, settings);
    const failed = new Set<number>();
    for (const fuzzCase of onDisk) {
      const own = problems.filter((problem) => problem.caseIndex === fuzzCase.index).map((problem) => problem.message);
      if (own.length === 0) continue;
      failed.add(fuzzCase.index);
      failures.push({ cases: [fuzzCase], problems: own, reproduction: await reproduce([fuzzCase]) });
    }
    const general = problems.filter((problem) => problem.caseIndex === undefined).map((problem) => problem.message);
    const tooSlow = slowMs !== undefined && elapsedMs > slowMs;
    if (tooSlow && onDisk.length === 1) general.push(tookTooLong(elapsedMs, slowMs));
    if (general.length > 0 || tooSlow) {
      if (onDisk.length === 1) {
        failures.push({ cases: onDisk, problems: general, reproduction: await reproduce(onDisk) });
      } else {
        const found: FuzzFailure[] = [];
        // One after the other, so that each is timed alone.
        for (const fuzzCase of onDisk) if (!failed.has(fuzzCase.index)) found.push(...(await runCases([fuzzCase], settings, slowMs)));
        failures.push(...found);
        if (found.length === 0 && failed.size === 0 && general.length > 0) {
          failures.push({ cases: onDisk, problems: [`only together: ${general.join('; ')}`], reproduction: await reproduce(onDisk) });
        }
      }
    }
  }
  for (const fuzzCase of cases) {
    if (fuzzCase.stdinFilename === undefined) continue;
    const failure = await runFromStdin(fuzzCase, fuzzCase.stdinFilename, settings, slowMs);
    if (failure !== undefined) failures.push(failure);
  }
  return failures;
}

interface Problem {
  /** The case the problem belongs to, when the output says. */
  caseIndex?: number;
  message: string;
}

/** A run of the CLI, with what `main` threw, which it never should. */
interface FuzzRun extends CliRun {
  thrown?: unknown;
}

async function runCli(argv: readonly string[], cwd: string, stdin = ''): Promise<FuzzRun> {
  try {
    return await runCliInProcess(cwd, argv, stdin);
  } catch (thrown) {
    return { code: -1, stdout: '', stderr: '', thrown };
  }
}

const caseFolder = (fuzzCase: FuzzCase): string => `c${fuzzCase.index}`;

async function writeCase(fuzzCase: FuzzCase, folder: string): Promise<void> {
  for (const file of fuzzCase.files) {
    const path = join(folder, ...file.path.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
  }
}

/** The text the linter sees in a file: UTF-8 without a byte order mark ('' when it reports the file unreadable). */
function textOf(content: Uint8Array): string {
  const text = Buffer.from(content).toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Lints the cases' files in one temporary folder, and names the cases of the problems the output shows. */
async function runOnDisk(
  cases: readonly FuzzCase[],
  settings: RunSettings,
): Promise<{ problems: Problem[]; reproduce: (which: FuzzCase[]) => Promise<string>; elapsedMs: number }> {
  const folder = await mkdtemp(join(tmpdir(), 'sagelint-fuzz-batch-'));
  try {
    const texts = new Map<string, string>();
    const caseOf = new Map<string, FuzzCase>();
    for (const fuzzCase of cases) {
      caseOf.set(caseFolder(fuzzCase), fuzzCase);
      for (const file of fuzzCase.files) texts.set(`${caseFolder(fuzzCase)}/${file.path}`, textOf(file.content));
    }
    await Promise.all(cases.map((fuzzCase) => writeCase(fuzzCase, join(folder, caseFolder(fuzzCase)))));
    // The folder first: an array option (`--rule`) would take a pattern after it as one more of its values.
    const started = performance.now();
    const run = await runCli(['.', ...argvFor(settings)], folder);
    const elapsedMs = performance.now() - started;
    const fileAt = (path: string): LintedFile | undefined => {
      const fuzzCase = caseOf.get(path.split('/')[0] ?? '');
      return fuzzCase && { index: fuzzCase.index, text: texts.get(path) ?? '' };
    };
    // A case of one file must get a result; an assembly's files depend on its (maybe broken) manifest.
    const expected = cases.flatMap((fuzzCase) =>
      fuzzCase.files.length === 1 ? fuzzCase.files.map((file) => `${caseFolder(fuzzCase)}/${file.path}`) : [],
    );
    const problems = checkRun(run, settings, folder, fileAt, expected);
    return { problems, reproduce: (which) => writeReproduction(which, settings), elapsedMs };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function runFromStdin(fuzzCase: FuzzCase, filename: string, settings: RunSettings, slowMs?: number): Promise<FuzzFailure | undefined> {
  const content = fuzzCase.files[0]?.content ?? new Uint8Array();
  const cwd = await mkdtemp(join(tmpdir(), 'sagelint-fuzz-stdin-'));
  try {
    // As the bin reads standard input: bytes decoded as UTF-8, bad sequences replaced.
    const started = performance.now();
    const run = await runCli(['--stdin', '--stdin-filename', filename, ...argvFor(settings)], cwd, Buffer.from(content).toString('utf8'));
    const elapsedMs = performance.now() - started;
    const file = { index: fuzzCase.index, text: textOf(content) };
    const problems = checkRun(run, settings, cwd, () => file, [toPosix(relative(cwd, join(cwd, filename)))]);
    if (slowMs !== undefined && elapsedMs > slowMs) problems.push({ message: tookTooLong(elapsedMs, slowMs) });
    if (problems.length === 0) return undefined;
    const reproduction = await writeReproduction([fuzzCase], settings, filename);
    return { cases: [fuzzCase], problems: problems.map(({ message }) => message), reproduction };
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

/** Writes the cases' files under the OS's temporary folder, to stay after the run; returns the command to lint them. */
async function writeReproduction(cases: readonly FuzzCase[], settings: RunSettings, stdinFilename?: string): Promise<string> {
  const [first] = cases;
  const name = cases.length === 1 && first !== undefined ? `seed-${first.seed}-case-${first.index}` : `seed-${first?.seed}-batch-${first?.index}`;
  const folder = join(tmpdir(), 'sagelint-fuzz', name);
  await rm(folder, { recursive: true, force: true });
  for (const fuzzCase of cases) await writeCase(fuzzCase, cases.length === 1 ? folder : join(folder, caseFolder(fuzzCase)));
  const argv = argvFor(settings).map(shellQuote).join(' ');
  const only = first?.files.length === 1 && cases.length === 1 ? join(folder, first.files[0]?.path ?? '') : folder;
  return stdinFilename === undefined
    ? `npx sagelint ${shellQuote(only)} ${argv}`
    : `npx sagelint --stdin --stdin-filename ${shellQuote(stdinFilename)} ${argv} < ${shellQuote(only)}`;
}

function shellQuote(word: string): string {
  return /^[\w./:=@-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A finding's place as a report gives it. */
interface Place {
  ruleId: unknown;
  line: unknown;
  column: unknown;
  endLine?: unknown;
  endColumn?: unknown;
}

/** A linted file: the case it belongs to and the text the linter saw in it. */
interface LintedFile {
  index: number;
  text: string;
}

/**
 * What is wrong with one CLI run in `cwd`. `fileAt` tells, for a path relative to `cwd` (with `/`), which file it is;
 * each of `expected` must have a result in a JSON report.
 */
function checkRun(
  run: FuzzRun,
  settings: RunSettings,
  cwd: string,
  fileAt: (path: string) => LintedFile | undefined,
  expected: readonly string[],
): Problem[] {
  const problems: Problem[] = [];
  if (run.thrown !== undefined) {
    const thrown = run.thrown instanceof Error ? (run.thrown.stack ?? run.thrown.message) : String(run.thrown);
    return [{ message: `main() threw: ${excerpt(thrown)}` }];
  }
  if (run.code !== 0 && run.code !== 1) problems.push({ message: `exit code ${run.code}, expected 0 or 1; stderr: ${excerpt(run.stderr)}` });
  for (const [stream, text] of [['stdout', run.stdout], ['stderr', run.stderr]] as const) {
    const trace = /^ {4}at .*$/m.exec(text) ?? /internal.error/i.exec(text);
    if (trace !== null) {
      problems.push({ message: `${stream} shows a stack trace or internal error: ${excerpt(text.slice(Math.max(0, trace.index - 300)))}` });
    }
  }
  const checkPlace = (path: string, place: Place): void => {
    const file = fileAt(path);
    const problem = placeProblem(file?.text ?? '', place);
    if (problem !== undefined) problems.push({ ...(file && { caseIndex: file.index }), message: `${path}: ${problem}` });
  };
  if (settings.format === 'json') {
    const results = parseReport(run.stdout, problems);
    if (!Array.isArray(results)) return problems;
    let errors = 0;
    const reported = new Set<string>();
    for (const result of results as { filePath: string; errorCount: number; messages: Place[] }[]) {
      const path = toPosix(relative(cwd, result.filePath));
      reported.add(path);
      errors += result.errorCount;
      for (const message of result.messages) checkPlace(path, message);
    }
    if ((run.code === 0 || run.code === 1) && (errors > 0) !== (run.code === 1)) {
      problems.push({ message: `exit code ${run.code} with ${errors} error(s) in the report` });
    }
    for (const path of expected) {
      const file = fileAt(path);
      if (!reported.has(path)) problems.push({ ...(file && { caseIndex: file.index }), message: `${path} has no result in the report` });
    }
  } else if (settings.format === 'sarif') {
    const log = parseReport(run.stdout, problems) as { runs?: { results?: SarifResult[] }[] } | undefined;
    for (const result of log?.runs?.[0]?.results ?? []) {
      const location = result.locations?.[0]?.physicalLocation;
      const region = location?.region ?? {};
      const path = decodeURIComponent(location?.artifactLocation?.uri ?? '');
      const { startLine: line, startColumn: column = 1, endLine, endColumn } = region;
      checkPlace(path, { ruleId: result.ruleId, line, column, endLine, endColumn });
    }
  }
  return problems;
}

interface SarifResult {
  ruleId?: string;
  locations?: {
    physicalLocation?: {
      artifactLocation?: { uri?: string };
      region?: { startLine?: number; startColumn?: number; endLine?: number; endColumn?: number };
    };
  }[];
}

function parseReport(stdout: string, problems: Problem[]): unknown {
  try {
    return JSON.parse(stdout);
  } catch (error) {
    problems.push({ message: `the report does not parse: ${error instanceof Error ? error.message : String(error)}` });
    return undefined;
  }
}

/** Why a finding's place is wrong: not inside the file's text (1-based lines and UTF-16 columns, end exclusive). */
function placeProblem(text: string, place: Place): string | undefined {
  if (place.ruleId === 'internal-error') return `an internal-error finding at ${String(place.line)}:${String(place.column)}`;
  const lines = text.split(/\r\n|\r|\n/);
  const outside = (line: unknown, column: unknown): string | undefined => {
    if (!Number.isInteger(line) || !Number.isInteger(column)) return 'is not a whole line and column';
    const length = lines[(line as number) - 1]?.length;
    if (length === undefined) return `is not on one of the file's ${lines.length} line(s)`;
    return (column as number) >= 1 && (column as number) <= length + 1 ? undefined : `is not on line ${String(line)}, of ${length} character(s)`;
  };
  const where = `${String(place.ruleId)} at ${String(place.line)}:${String(place.column)}-${String(place.endLine)}:${String(place.endColumn)}`;
  const start = outside(place.line, place.column);
  if (start !== undefined) return `${where}: the start ${start}`;
  if (place.endLine === undefined && place.endColumn === undefined) return undefined;
  const end = outside(place.endLine, place.endColumn);
  if (end !== undefined) return `${where}: the end ${end}`;
  const [line, column, endLine, endColumn] = [place.line, place.column, place.endLine, place.endColumn] as number[];
  if ((endLine ?? 0) < (line ?? 0) || (endLine === line && (endColumn ?? 0) < (column ?? 0))) return `${where} ends before it starts`;
  return undefined;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

function tookTooLong(elapsedMs: number, slowMs: number): string {
  return `took ${(elapsedMs / 1000).toFixed(1)} s, more than ${slowMs / 1000} s`;
}

function excerpt(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 1500 ? `${trimmed.slice(0, 1500)}…` : trimmed;
}

/** For `npm run fuzz -- --case N`: one case alone, with the settings of its batch. */
export function runOneCase(corpus: Corpus, seed: number, index: number): Promise<FuzzFailure[]> {
  return runCases([makeCase(corpus, seed, index)], settingsFor(seed, index));
}

/** The failure of cases that never finished (they hung, or killed the thread that ran them), written out to reproduce. */
export async function stoppedFailure(corpus: Corpus, seed: number, indexes: readonly number[], reason = 'did not finish'): Promise<FuzzFailure> {
  const cases = indexes.map((index) => makeCase(corpus, seed, index));
  const settings = settingsFor(seed, indexes[0] ?? 0);
  return { cases, problems: [reason], reproduction: await writeReproduction(cases, settings, cases.length === 1 ? cases[0]?.stdinFilename : undefined) };
}
