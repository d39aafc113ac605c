#!/usr/bin/env node
/**
 * `npm run bench`: times whole `sagelint` processes (start-up included, as a pre-commit hook or CI pays it) and fails
 * when a target is missed. Targets live here, never in unit tests.
 *
 *   sagelint --version                             reported: Node's start-up and loading the CLI
 *   sagelint fixtures/examples/clean-request.json  median wall < 250 ms
 *   sagelint . -f json -o <file>, in a generated   median wall < 4 s; peak RSS < 400 MiB;
 *     tree of 10,000 files (scripts/bench/)          wall ≤ 1.5 × the floor (median of paired runs)
 *   floor: scripts/bench/parse-floor.mjs           what any linter must do: walk, read and parse the same files in
 *                                                    one thread (see there for exactly what it includes)
 *   the tree with --concurrency off, 2 and 3       the JSON reports are byte-identical to each other and every run
 *
 * Each row gives the wall time's median, min and max, the median CPU time (user + system, every thread) and the peak
 * RSS. Environment: BENCH_RUNS (runs of the tree and its floor, in pairs; default 3; the quick commands run 5× as
 * many), BENCH_FILES (files in the tree; default 10000), BENCH_KEEP=1 (keep the tree and the reports; prints where).
 * `node scripts/bench/generate-tree.mjs <dir>` writes the same tree alone, to time other commands on it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FILE_COUNT, generateTree } from './bench/generate-tree.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const FLOOR = join(ROOT, 'scripts', 'bench', 'parse-floor.mjs');
const RUNS = positiveInteger('BENCH_RUNS', 3);
const QUICK_RUNS = 5 * RUNS;
const FILES = positiveInteger('BENCH_FILES', DEFAULT_FILE_COUNT);
const TARGETS = { oneFileMs: 250, treeMs: 4000, treeRssMiB: 400, floorRatio: 1.5 };
// Reports the child's CPU time and peak memory without changing what it does. Both are the whole process's, worker
// threads included; a worker that inherits the flag reports too, so the largest figures printed are the ones that count.
// CPU time says how much work a run did when a busy machine stretches its wall time.
const REPORT_USAGE =
  'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();' +
  'process.stderr.write("\\nusage="+(u.userCPUTime+u.systemCPUTime)+","+u.maxRSS+"\\n")})';

function positiveInteger(name, fallback) {
  const value = process.env[name] === undefined ? fallback : Number(process.env[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not ${process.env[name]}`);
  return value;
}

/** Runs a Node script once: wall and CPU time in ms, peak RSS in MiB, stdout. */
function run(script, args, { cwd = ROOT, env = process.env, acceptedStatus = [0] } = {}) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', REPORT_USAGE, script, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (!acceptedStatus.includes(child.status)) {
    throw new Error(`${script} ${args.join(' ')} exited ${child.status ?? child.signal}:\n${child.stderr}`);
  }
  const usage = [...child.stderr.matchAll(/usage=(\d+),(\d+)/g)];
  const largest = (group, unit) => Math.max(...usage.map((match) => Number(match[group]) / unit));
  return { wallMs, cpuMs: largest(1, 1000), rssMiB: largest(2, 1024), stdout: child.stdout };
}

function summarize(samples) {
  const walls = samples.map((sample) => sample.wallMs).sort((a, b) => a - b);
  return {
    min: walls[0],
    median: median(walls),
    max: walls.at(-1),
    cpu: median(samples.map((sample) => sample.cpuMs)),
    peakRssMiB: Math.max(...samples.map((sample) => sample.rssMiB)),
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const duration = (ms) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);
const mebibytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** The tree's JSON report: files linted, definitions (`definitionCount` per result), errors and warnings. */
function readReport(path) {
  const results = JSON.parse(readFileSync(path, 'utf8'));
  const total = (key) => results.reduce((sum, result) => sum + result[key], 0);
  return {
    files: results.map((result) => result.filePath),
    definitions: total('definitionCount'),
    errors: total('errorCount'),
    warnings: total('warningCount'),
  };
}

/** Where two reports first differ, to start the search for what made them differ. */
function firstDifference(expected, actual) {
  const length = Math.min(expected.length, actual.length);
  let at = 0;
  while (at < length && expected[at] === actual[at]) at += 1;
  const around = (buffer) => JSON.stringify(buffer.subarray(Math.max(0, at - 60), at + 60).toString('utf8'));
  return `first difference at byte ${at} of ${expected.length} / ${actual.length}:\n    expected ${around(expected)}\n    actual   ${around(actual)}`;
}

const scratch = mkdtempSync(join(tmpdir(), 'sagelint-bench-'));
const keep = process.env.BENCH_KEEP === '1';
try {
  // Reports go beside the tree, never in it: a later run would lint them.
  const tree = join(scratch, 'tree');
  const reports = join(scratch, 'reports');
  mkdirSync(reports);
  const generationStart = performance.now();
  const generated = generateTree(tree, { files: FILES });
  console.log(
    `sagelint benchmark: node ${process.version}, ${availableParallelism()} CPUs; ` +
      `${RUNS} paired runs of the tree and its floor, ${QUICK_RUNS} of each quick command`,
  );
  console.log(
    `tree: ${generated.files} files (${generated.json} JSON, ${generated.yaml} YAML, ${mebibytes(generated.bytes)}): ` +
      `${generated.requests} requests, ` +
      `${generated.templates} CloudFormation templates, a CDK assembly of ${generated.cdkStacks} stacks (${generated.cdk} files), ` +
      `${generated.unrelated} other files; generated in ${duration(performance.now() - generationStart)}${keep ? `\n      in ${tree}` : ''}`,
  );

  const lintTree = (report, extra = []) =>
    run(CLI, ['.', '--format', 'json', '--output-file', report, ...extra], { cwd: tree, acceptedStatus: [0, 1] });
  const quick = (args) => summarize(Array.from({ length: QUICK_RUNS + 1 }, () => run(CLI, args, { acceptedStatus: [0, 1] })).slice(1));
  const version = quick(['--version']);
  const oneFile = quick(['fixtures/examples/clean-request.json']);

  // The tree was just written, so it is in the page cache: the first run needs no warm-up. Its report is the
  // reference the others must equal, and names the files the floor parses.
  const referencePath = join(reports, 'reference.json');
  const listPath = join(reports, 'linted-files.txt');
  const lintRuns = [];
  const floorRuns = [];
  const mismatches = [];
  const compareWithReference = (label, reportPath) => {
    const [expected, actual] = [readFileSync(referencePath), readFileSync(reportPath)];
    if (!expected.equals(actual)) mismatches.push(`${label}: ${firstDifference(expected, actual)}`);
  };
  let linted;
  let floorCounts;
  for (let round = 0; round < RUNS; round += 1) {
    const reportPath = round === 0 ? referencePath : join(reports, 'run.json');
    lintRuns.push(lintTree(reportPath));
    if (round === 0) {
      linted = readReport(referencePath);
      writeFileSync(listPath, `${linted.files.join('\n')}\n`);
    } else {
      compareWithReference(`run ${round + 1}`, reportPath);
    }
    const floor = run(FLOOR, [tree, listPath]);
    floorCounts = JSON.parse(floor.stdout);
    floorRuns.push(floor);
  }
  // --concurrency sets how many threads lint (the calling thread, and workers beside it); the report must not depend on it.
  const parity = ['off', '2', '3'].map((workers) => {
    const reportPath = join(reports, `workers-${workers}.json`);
    const timing = lintTree(reportPath, ['--concurrency', workers]);
    compareWithReference(`--concurrency ${workers}`, reportPath);
    return { workers, timing };
  });

  const lint = summarize(lintRuns);
  const floor = summarize(floorRuns);
  const ratio = median(lintRuns.map((sample, index) => sample.wallMs / floorRuns[index].wallMs));
  const row = (name, result) =>
    console.log(
      `${name.padEnd(44)}${duration(result.median).padStart(10)}${duration(result.min).padStart(10)}${duration(result.max).padStart(10)}` +
        `${duration(result.cpu).padStart(10)}${`${result.peakRssMiB.toFixed(0)} MiB`.padStart(11)}`,
    );
  console.log(`\n${''.padEnd(44)}${'median'.padStart(10)}${'min'.padStart(10)}${'max'.padStart(10)}${'CPU'.padStart(10)}${'peak RSS'.padStart(11)}`);
  row('sagelint --version', version);
  row('sagelint fixtures/examples/clean-request.json', oneFile);
  row('sagelint . -f json -o <file> (the tree)', lint);
  row('floor: walk, read, parse in one thread', floor);
  const perSecond = (count) => (count / (lint.median / 1000)).toFixed(0);
  console.log(
    `\ntree: ${linted.files.length} files linted, ${linted.definitions} definitions, ${linted.errors} errors, ${linted.warnings} warnings: ` +
      `${perSecond(linted.files.length)} files/s, ${perSecond(linted.definitions)} definitions/s`,
  );
  console.log(
    `floor: ${floorCounts.jsonFiles} JSON files and ${floorCounts.yamlFiles} YAML files (${floorCounts.yamlDocuments} documents) parsed, ` +
      `${mebibytes(floorCounts.bytes)}, of ${floorCounts.walked} walked` +
      (floorCounts.notFound > 0 ? `; ${floorCounts.notFound} linted files not found by the walk` : ''),
  );
  console.log(`tree / floor: ${ratio.toFixed(2)}× (median of ${RUNS} paired runs)`);
  const parityRun = ({ workers, timing }) =>
    `--concurrency ${workers}: ${duration(timing.wallMs)} wall, ${duration(timing.cpuMs)} CPU, ${timing.rssMiB.toFixed(0)} MiB`;
  console.log(`${parity.map(parityRun).join('; ')} (one run each)`);
  for (const mismatch of mismatches) console.log(`report differs, ${mismatch}`);

  const identical = mismatches.length === 0;
  const checks = [
    ['one file, median wall', duration(oneFile.median), `< ${TARGETS.oneFileMs} ms`, oneFile.median < TARGETS.oneFileMs],
    ['tree, median wall', duration(lint.median), `< ${TARGETS.treeMs / 1000} s`, lint.median < TARGETS.treeMs],
    ['tree, peak RSS', `${lint.peakRssMiB.toFixed(0)} MiB`, `< ${TARGETS.treeRssMiB} MiB`, lint.peakRssMiB < TARGETS.treeRssMiB],
    ['tree / floor', `${ratio.toFixed(2)}×`, `≤ ${TARGETS.floorRatio}×`, ratio <= TARGETS.floorRatio],
    ['same report every run and worker count', identical ? 'identical' : `${mismatches.length} differ`, 'identical', identical],
  ];
  console.log('\ntargets');
  for (const [name, actual, target, ok] of checks) {
    console.log(`  ${(ok ? 'ok' : 'MISSED').padEnd(8)}${name.padEnd(40)}${actual.padStart(10)}  (${target})`);
  }
  process.exitCode = checks.every(([, , , ok]) => ok) ? 0 : 1;
} finally {
  if (keep) console.log(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
