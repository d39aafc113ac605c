#!/usr/bin/env node
/**
 * `npm run bench`: times whole `sagelint` processes (start-up included, as a pre-commit hook pays it) and
 * fails when a target is missed. Targets live here, never in unit tests.
 *
 *   single file   sagelint fixtures/examples/clean-request.json   median wall < 250 ms
 *   directory     sagelint <200 generated requests>               reported, no target yet
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
// Reports the child's peak memory without changing what it does.
const REPORT_RSS =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxRSS="+process.resourceUsage().maxRSS+"\\n"))';

function measure(args) {
  const times = [];
  const rss = [];
  for (let run = 0; run < RUNS + 1; run += 1) {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['--import', REPORT_RSS, CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (child.status !== 0 && child.status !== 1) throw new Error(`sagelint exited ${child.status}: ${child.stderr}`);
    if (run === 0) continue; // warm the file cache
    times.push(elapsed);
    rss.push(Number(/maxRSS=(\d+)/.exec(child.stderr)?.[1] ?? NaN) / 1024);
  }
  times.sort((a, b) => a - b);
  rss.sort((a, b) => a - b);
  const median = (values) => values[Math.floor(values.length / 2)];
  return { min: times[0], median: median(times), max: times.at(-1), rss: median(rss) };
}

function show(name, result, target) {
  const verdict = target === undefined ? '' : result.median < target ? `  ok (< ${target} ms)` : `  MISSED (target < ${target} ms)`;
  console.log(
    `${name.padEnd(34)} median ${result.median.toFixed(0).padStart(4)} ms  min ${result.min.toFixed(0).padStart(4)}  ` +
      `max ${result.max.toFixed(0).padStart(4)}  peak RSS ${result.rss.toFixed(0)} MiB${verdict}`,
  );
  return target === undefined || result.median < target;
}

const scratch = mkdtempSync(join(tmpdir(), 'sagelint-bench-'));
try {
  const many = join(scratch, 'monitors');
  mkdirSync(many);
  for (let index = 0; index < 200; index += 1) {
    const example = index % 2 === 0 ? 'clean-request.json' : 'broken-request.yaml';
    copyFileSync(join(ROOT, 'fixtures', 'examples', example), join(many, `${index}-${example}`));
  }
  console.log(`sagelint benchmark: ${RUNS} runs each, node ${process.version}`);
  const ok = [
    show('one file (clean-request.json)', measure(['fixtures/examples/clean-request.json']), 250),
    show('200 files (directory)', measure([many])),
  ].every(Boolean);
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
