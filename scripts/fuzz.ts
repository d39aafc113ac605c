/**
 * `npm run fuzz`: the fuzz test's mutated fixtures (test/fuzz/), many more of them, for longer. Cases run in a
 * worker thread, so that one that hangs is caught (no progress within `--timeout` seconds), found and reported like
 * a crash. Exits 1 on any failure; each is printed with its seed, case number and mutations, and
 * the input is written under the OS's temporary folder with the command that reproduces it.
 *
 *   npm run fuzz -- --cases 100000 --seed 7     cases 0 to 99,999 of seed 7
 *   FUZZ_SECONDS=600 npm run fuzz -- --seed 8   as many cases as ten minutes allow (or --seconds 600)
 *   npm run fuzz -- --seed 7 --case 1234        one case alone, as a failure message names it
 *
 * Other options: --start <n> (the first case; default 0), --timeout <s> (no progress for this long is a hang;
 * default 60), --slow <s> (a case that takes longer alone fails; default 10).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  BATCH_SIZE,
  describeFailure,
  fuzz,
  runCases,
  runOneCase,
  settingsFor,
  stoppedFailure,
  type FuzzFailure,
} from '../test/fuzz/harness.js';
import { loadCorpus, makeCase, type Corpus } from '../test/fuzz/mutate.js';

const ROOT = resolve(import.meta.dirname, '..');
/** Cases a worker runs per request: the main thread hears of each batch as it starts. */
const CHUNK = 8 * BATCH_SIZE;
/** How many failures with the same signature are printed in full; the rest are counted. */
const SHOWN_PER_SIGNATURE = 3;

/** What the main thread asks of the worker. */
type Request = { seed: number; start: number; count: number; oneByOne: boolean; slowMs: number };
/** What the worker says: a batch (or a case) starts, failures were found, the request is done; and every second, that it runs. */
type Message = { starting: number } | { failures: string[]; signatures: string[] } | { done: true } | { alive: true };

async function runMain(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      cases: { type: 'string' },
      seconds: { type: 'string', default: process.env.FUZZ_SECONDS },
      start: { type: 'string', default: '0' },
      case: { type: 'string' },
      timeout: { type: 'string', default: '60' },
      slow: { type: 'string', default: '10' },
    },
  });
  const seed = integer('--seed', values.seed);
  // Also in the main thread: a case that hangs or kills the worker is written out from here.
  const corpus = loadCorpus(ROOT);
  if (values.case !== undefined) {
    const failures = await runOneCase(corpus, seed, integer('--case', values.case));
    for (const failure of failures) console.log(describeFailure(failure));
    if (failures.length === 0) console.log(`seed ${seed}, case ${values.case}: passes.`);
    return failures.length === 0 ? 0 : 1;
  }
  const seconds = values.seconds === undefined || values.seconds === '' ? undefined : integer('--seconds', values.seconds);
  const cases = values.cases === undefined ? (seconds === undefined ? 10_000 : Number.POSITIVE_INFINITY) : integer('--cases', values.cases);
  const start = integer('--start', values.start);
  const timeoutMs = integer('--timeout', values.timeout) * 1000;
  const slowMs = integer('--slow', values.slow) * 1000;
  const deadline = seconds === undefined ? Number.POSITIVE_INFINITY : Date.now() + seconds * 1000;

  const report = new FailureReport();
  const began = Date.now();
  let lastProgress = began;
  let next = start;
  let worker = startWorker();
  console.log(`sagelint fuzz: seed ${seed}, ${Number.isFinite(cases) ? `${cases} cases` : `${seconds} s`} from case ${start}`);
  while (next < start + cases && Date.now() < deadline) {
    const count = Math.min(CHUNK - (next % CHUNK), start + cases - next);
    const outcome = await ask(worker, { seed, start: next, count, oneByOne: false, slowMs }, timeoutMs, report);
    const { stoppedAt } = outcome;
    if (stoppedAt === undefined) {
      next += count;
    } else {
      await worker.terminate();
      const batchEnd = Math.min((Math.floor(stoppedAt / BATCH_SIZE) + 1) * BATCH_SIZE, start + cases);
      await reportStopped({ corpus, seed, stoppedAt, batchEnd, reason: outcome.reason ?? '', timeoutMs, slowMs }, report);
      worker = startWorker();
      next = batchEnd;
    }
    if (Date.now() - lastProgress > 10_000) {
      lastProgress = Date.now();
      const done = next - start;
      console.log(`  ${done} cases, ${Math.round(done / ((Date.now() - began) / 1000))}/s, ${report.count} failure(s)`);
    }
  }
  await worker.terminate();
  console.log(`sagelint fuzz: seed ${seed}, cases ${start} to ${next - 1} in ${Math.round((Date.now() - began) / 1000)} s: ${report.summary()}`);
  return report.count === 0 ? 0 : 1;
}

/**
 * Finds what stopped a worker in the batch from `stoppedAt` to `batchEnd`: each case alone, in a fresh worker; when none
 * stops alone, the batch once more as a whole, to tell a hang that needs the cases together from a stall of the machine.
 */
async function reportStopped(
  stop: { corpus: Corpus; seed: number; stoppedAt: number; batchEnd: number; reason: string; timeoutMs: number; slowMs: number },
  report: FailureReport,
): Promise<void> {
  const { corpus, seed, stoppedAt, batchEnd, timeoutMs, slowMs } = stop;
  let found = false;
  for (let index = stoppedAt; index < batchEnd; ) {
    const worker = startWorker();
    const single = await ask(worker, { seed, start: index, count: batchEnd - index, oneByOne: true, slowMs }, timeoutMs, report);
    await worker.terminate();
    if (single.stoppedAt === undefined) break;
    report.add([await stoppedFailure(corpus, seed, [single.stoppedAt], single.reason)]);
    found = true;
    index = single.stoppedAt + 1;
  }
  if (found) return;
  const worker = startWorker();
  const again = await ask(worker, { seed, start: stoppedAt, count: batchEnd - stoppedAt, oneByOne: false, slowMs }, timeoutMs, report);
  await worker.terminate();
  const batch = Array.from({ length: batchEnd - stoppedAt }, (_, offset) => stoppedAt + offset);
  const verdict = again.stoppedAt === undefined ? 'passed when run again' : `again: ${again.reason ?? ''}`;
  report.add([await stoppedFailure(corpus, seed, batch, `only together: ${stop.reason}; ${verdict}`)]);
}

function integer(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} takes a whole number, not ${JSON.stringify(text)}.`);
  return value;
}

/** A worker that runs this file, TypeScript compiled by tsx as in the main thread. */
function startWorker(): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(import.meta.url)});`;
  return new Worker(source, { eval: true, workerData: { role: 'fuzz-worker' } });
}

/** How a request ended early: the batch (or case) the worker last started, and why. */
interface Stopped {
  stoppedAt?: number;
  reason?: string;
}

/** Sends a request and collects the failures until it is done, the worker says nothing for `timeoutMs`, or dies. */
function ask(worker: Worker, request: Request, timeoutMs: number, report: FailureReport): Promise<Stopped> {
  return new Promise((resolvePromise) => {
    let started = request.start;
    let alive = Date.now();
    // A worker whose event loop still runs waits for something; one that went quiet too is stuck in a loop.
    const stalled = (): void => {
      const state = Date.now() - alive < 5_000 ? 'waiting: I/O or a promise that never settles' : 'busy: its event loop is blocked';
      finish({ stoppedAt: started, reason: `no progress within ${timeoutMs / 1000} s (${state})` });
    };
    let timer = setTimeout(stalled, timeoutMs);
    const onMessage = (message: Message): void => {
      alive = Date.now();
      if ('alive' in message) return;
      clearTimeout(timer);
      timer = setTimeout(stalled, timeoutMs);
      if ('starting' in message) started = message.starting;
      else if ('failures' in message) report.addDescribed(message.failures, message.signatures);
      else finish({});
    };
    const onError = (error: Error): void => finish({ stoppedAt: started, reason: `the worker died: ${error.stack ?? error.message}` });
    const finish = (outcome: Stopped): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      resolvePromise(outcome);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage(request);
  });
}

function serveRequests(): void {
  if ((workerData as { role?: string } | undefined)?.role !== 'fuzz-worker' || parentPort === null) return;
  const port = parentPort;
  const corpus = loadCorpus(ROOT);
  const send = (message: Message): void => port.postMessage(message);
  setInterval(() => send({ alive: true }), 1000).unref();
  const sendFailures = (failures: readonly FuzzFailure[]): void => {
    if (failures.length > 0) send({ failures: failures.map(describeFailure), signatures: failures.map(signature) });
  };
  port.on('message', (request: Request) => {
    void runRequest(corpus, request, send, sendFailures).then(() => send({ done: true }));
  });
}

async function runRequest(
  corpus: Corpus,
  { seed, start, count, oneByOne, slowMs }: Request,
  send: (message: Message) => void,
  sendFailures: (failures: readonly FuzzFailure[]) => void,
): Promise<void> {
  if (oneByOne) {
    for (let index = start; index < start + count; index += 1) {
      send({ starting: index });
      sendFailures(await runCases([makeCase(corpus, seed, index)], settingsFor(seed, index), slowMs));
    }
    return;
  }
  let reported = 0;
  send({ starting: start });
  await fuzz({
    corpus,
    seed,
    start,
    count,
    slowMs,
    onBatch: (done, failures) => {
      sendFailures(failures.slice(reported));
      reported = failures.length;
      if (done < count) send({ starting: start + done });
    },
  });
}

/** What makes failures the same bug: the first problem, without numbers, paths and quoted values. */
function signature(failure: FuzzFailure): string {
  return (failure.problems[0] ?? '')
    .replace(/\/\S+/g, '<path>')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+/g, 'N')
    .slice(0, 200);
}

/** Failures as they come: the first few of each kind in full, the rest counted. */
class FailureReport {
  private readonly bySignature = new Map<string, number>();
  count = 0;

  add(failures: readonly FuzzFailure[]): void {
    this.addDescribed(failures.map(describeFailure), failures.map(signature));
  }

  addDescribed(descriptions: readonly string[], signatures: readonly string[]): void {
    descriptions.forEach((description, index) => {
      const key = signatures[index] ?? '';
      const seen = this.bySignature.get(key) ?? 0;
      this.bySignature.set(key, seen + 1);
      this.count += 1;
      if (seen < SHOWN_PER_SIGNATURE) console.log(`\nFAILURE ${description}\n`);
    });
  }

  summary(): string {
    if (this.count === 0) return 'no failures.';
    const kinds = [...this.bySignature].sort((a, b) => b[1] - a[1]).map(([key, count]) => `  ${count} × ${key.split('\n')[0]}`);
    return `${this.count} failure(s) of ${this.bySignature.size} kind(s):\n${kinds.join('\n')}`;
  }
}

// Last, so that everything above is initialised when the top-level await runs.
if (isMainThread) {
  process.exitCode = await runMain();
} else {
  serveRequests();
}
