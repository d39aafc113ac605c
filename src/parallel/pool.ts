/**
 * Linting on several cores: the calling thread and worker threads each resolve configurations, read, parse and lint
 * the files they take, in batches from one queue, so a thread that gets slow files takes fewer. This module is both
 * the pool (in the calling thread) and the worker (the same file, started with `workerData.role`), so that the
 * worker is wherever the pool is: `dist/parallel/pool.js` for the API, a chunk of the CLI's bundle for the CLI.
 * The caller sorts the results, so their order, and the output, do not depend on which thread linted what.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { configResolver, lintTasks, type ConfigLookup, type FileTask, type WorkerOptions } from '../lint.js';
import { formatByExtension } from '../loaders/load.js';
import type { LintResult } from '../types.js';

const ROLE = 'sagelint-lint-worker';

/** Files per batch: small enough to balance slow files across threads, large enough that messages cost little. */
const BATCH_SIZE = 24;

/**
 * Files in the smallest batches, the last of a run: batches shrink towards the end (`batchesOf`), so that the threads
 * run out of work at about the same time rather than one waiting for another's last whole batch.
 */
const LAST_BATCH_SIZE = 4;

/**
 * Batches a worker holds at once: while it lints one, the next ones are already in its inbox, so it does not wait
 * for the calling thread, which answers messages only between the batches it lints itself. A batch of large
 * templates on the calling thread outlasts one batch of the worker's: with two in flight, the worker waited about
 * 250 ms of a run on the benchmark's tree; with three, under 80 ms.
 */
const BATCHES_IN_FLIGHT = 3;

type ToWorker = { tasks: FileTask[] };
type FromWorker = { results: LintResult[] } | { failure: string };

/**
 * Worker threads for one run, started as soon as the run knows it has many files: a worker spends its first couple of
 * hundred milliseconds starting Node and loading sagelint, which then overlaps the calling thread resolving the
 * files' configurations. `lint` hands them the tasks; `close` ends any that are still running.
 */
export class LintWorkers {
  private readonly workers: StartedWorker[];

  constructor(options: WorkerOptions, count: number) {
    this.workers = Array.from({ length: count }, () => startWorker(options));
  }

  /**
   * Lints the tasks on this thread and in the workers. A worker that fails (it cannot start, or it crashes) hands its
   * batches back to the queue, so a run never loses a file. Workers beyond one per batch after the first are ended.
   */
  async lint(tasks: readonly FileTask[], configFor: ConfigLookup): Promise<{ results: LintResult[]; workerThreads: number }> {
    const threads = this.workers.length + 1;
    const json: FileTask[] = [];
    const yaml: FileTask[] = [];
    for (const task of tasks) (formatByExtension(task.filePath) === 'yaml' ? yaml : json).push(task);
    const queue = new BatchQueue(batchesOf(json, threads), batchesOf(yaml, threads));
    const results: LintResult[] = [];
    const used = this.workers.slice(0, Math.max(0, queue.size - 1));
    for (const unused of this.workers.slice(used.length)) unused.end();
    const working = used.map((worker) => serveQueue(worker, queue, results));
    // This thread takes a batch, lints it, then yields to the event loop so workers' messages are answered.
    const lintQueued = async (): Promise<void> => {
      for (let batch = queue.take('calling'); batch !== undefined; batch = queue.take('calling')) {
        results.push(...(await lintTasks(batch, configFor)));
        await new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
      }
    };
    await lintQueued();
    const linted = await Promise.all(working);
    // Batches a failed worker gave back after this thread ran out.
    await lintQueued();
    return { results, workerThreads: linted.filter(Boolean).length };
  }

  /** Ends the workers: after `lint`, those it did not end; without it (the run failed first), all. */
  close(): void {
    for (const worker of this.workers) worker.end();
  }
}

/**
 * The batches of a run, in two lines: the calling thread takes the JSON files (and any not named `.yaml` or `.yml`)
 * first, the workers the YAML files, each thread from the other line once its own is empty. A thread then runs
 * mostly one parser: each thread's V8 compiles for it alone whatever it runs, and keeps its own caches of what it
 * has met. With two threads on the benchmark's tree, 2 % fewer instructions than one line.
 */
class BatchQueue {
  constructor(
    private readonly callingFirst: FileTask[][],
    private readonly workersFirst: FileTask[][],
  ) {}

  get size(): number {
    return this.callingFirst.length + this.workersFirst.length;
  }

  take(thread: 'calling' | 'worker'): FileTask[] | undefined {
    const [own, other] = thread === 'calling' ? [this.callingFirst, this.workersFirst] : [this.workersFirst, this.callingFirst];
    return own.shift() ?? other.shift();
  }

  /** A failed worker's batches, for the calling thread. */
  giveBack(batches: FileTask[][]): void {
    this.callingFirst.unshift(...batches);
  }
}

/**
 * The tasks in batches of `BATCH_SIZE` while many remain, then of what remains shared out four times over among the
 * threads, down to `LAST_BATCH_SIZE` (guided self-scheduling).
 */
function batchesOf(tasks: readonly FileTask[], threads: number): FileTask[][] {
  const batches: FileTask[][] = [];
  for (let start = 0; start < tasks.length; ) {
    const size = Math.max(LAST_BATCH_SIZE, Math.min(BATCH_SIZE, Math.ceil((tasks.length - start) / (4 * threads))));
    batches.push(tasks.slice(start, start + size));
    start += size;
  }
  return batches;
}

/** A worker thread and what it has said so far: one that fails before it is given work is remembered as failed. */
interface StartedWorker {
  thread: Worker;
  failed: boolean;
  /** Called on every failure and message; replaced by `serveQueue`. */
  listener: (event: { failure: true } | { message: FromWorker }) => void;
  end: () => void;
}

function startWorker(options: WorkerOptions): StartedWorker {
  const thread = new Worker(new URL(import.meta.url), { workerData: { role: ROLE, options } });
  let ended = false;
  const started: StartedWorker = {
    thread,
    failed: false,
    listener: (event) => {
      if ('failure' in event) started.failed = true;
    },
    end: () => {
      if (ended) return;
      ended = true;
      void thread.terminate();
    },
  };
  thread.on('message', (message: FromWorker) => started.listener({ message }));
  const fail = (): void => started.listener({ failure: true });
  thread.on('error', fail);
  thread.on('exit', fail);
  return started;
}

/**
 * One worker's share of a run: takes batches until the queue is empty. Settles (never rejects) when it ends or
 * fails, with whether it linted any batch.
 */
function serveQueue(worker: StartedWorker, queue: BatchQueue, results: LintResult[]): Promise<boolean> {
  return new Promise((settle) => {
    let linted = false;
    let done = false;
    const inFlight: FileTask[][] = [];
    const end = (): void => {
      if (done) return;
      done = true;
      worker.end();
      settle(linted);
    };
    const fill = (): void => {
      while (inFlight.length < BATCHES_IN_FLIGHT) {
        const batch = queue.take('worker');
        if (batch === undefined) break;
        inFlight.push(batch);
        worker.thread.postMessage({ tasks: batch } satisfies ToWorker);
      }
      if (inFlight.length === 0) end();
    };
    const giveBack = (): void => {
      queue.giveBack(inFlight.splice(0));
      end();
    };
    worker.listener = (event) => {
      // After a failure its batches are back in the queue: what it still sends is not counted twice.
      if (done) return;
      if ('failure' in event || 'failure' in event.message) return giveBack();
      inFlight.shift();
      results.push(...event.message.results);
      linted = true;
      fill();
    };
    if (worker.failed) return end();
    // Its first batches wait in its inbox while it starts up: every worker started has work, whatever this thread takes.
    fill();
  });
}

/** The worker side: lints each batch it is sent, in order, with the configurations it resolves itself. */
function serveTasks(options: WorkerOptions): void {
  const port = parentPort;
  if (port === null) return;
  const resolver = configResolver(options.cwd, options);
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    previous = previous.then(() =>
      lintTasks(message.tasks, (file) => resolver.settledFor(file) ?? resolver.forFile(file)).then(
        (results) => port.postMessage({ results } satisfies FromWorker),
        // The calling thread lints the batch again and reports what goes wrong there.
        (error: unknown) => port.postMessage({ failure: error instanceof Error ? error.message : String(error) } satisfies FromWorker),
      ),
    );
  });
}

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === ROLE) {
  serveTasks((workerData as { options: WorkerOptions }).options);
}
