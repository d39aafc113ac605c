/**
 * Linting on several cores: worker threads that each resolve configurations, read, parse and lint the files they
 * are handed, in batches taken from one queue, so a worker that gets slow files takes fewer. This module is both
 * the pool (in the calling thread) and the worker (the same file, started with `workerData.role`), so that the
 * worker is wherever the pool is: `dist/parallel/pool.js` for the API, a chunk of the CLI's bundle for the CLI.
 * The caller sorts the results, so their order, and the output, do not depend on which worker linted what.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { configResolver, lintTasks, type FileTask, type WorkerOptions } from '../lint.js';
import type { LintResult } from '../types.js';

const ROLE = 'sagelint-lint-worker';

/** Files per message: small enough to balance slow files across workers, large enough that messages cost little. */
const BATCH_SIZE = 24;

type ToWorker = { tasks: FileTask[] };
type FromWorker = { results: LintResult[] } | { failure: string };

/**
 * Lints the tasks in `workerCount` worker threads. A worker that fails (it cannot start, or it crashes) hands its
 * batch back to the queue; if none is left, the rest are linted on this thread, so a run never loses a file.
 */
export async function lintInWorkers(
  tasks: readonly FileTask[],
  options: WorkerOptions,
  workerCount: number,
): Promise<{ results: LintResult[]; workerThreads: number }> {
  const queue: FileTask[][] = [];
  for (let start = 0; start < tasks.length; start += BATCH_SIZE) queue.push(tasks.slice(start, start + BATCH_SIZE));
  const results: LintResult[] = [];
  const linted = await Promise.all(Array.from({ length: Math.min(workerCount, queue.length) }, () => runWorker(queue, results, options)));
  if (queue.length > 0) {
    const resolver = configResolver(options.cwd, options);
    results.push(...(await lintTasks(queue.flat(), (file) => resolver.forFile(file))));
  }
  return { results, workerThreads: linted.filter(Boolean).length };
}

/**
 * One worker's life: takes batches until the queue is empty. Settles (never rejects) when it ends or fails, with
 * whether it linted any batch.
 */
function runWorker(queue: FileTask[][], results: LintResult[], options: WorkerOptions): Promise<boolean> {
  return new Promise((settle) => {
    let linted = false;
    let current: FileTask[] | undefined;
    const worker = new Worker(new URL(import.meta.url), { workerData: { role: ROLE, options } });
    const next = (): void => {
      current = queue.shift();
      if (current === undefined) {
        void worker.terminate().then(() => settle(linted));
        return;
      }
      worker.postMessage({ tasks: current } satisfies ToWorker);
    };
    const giveBack = (): void => {
      if (current !== undefined) queue.unshift(current);
      current = undefined;
      void worker.terminate().then(() => settle(linted));
    };
    worker.on('message', (message: FromWorker) => {
      if ('failure' in message) return giveBack();
      results.push(...message.results);
      linted = true;
      next();
    });
    worker.on('error', giveBack);
    worker.on('exit', () => {
      if (current !== undefined) giveBack();
    });
    worker.once('online', next);
  });
}

/** The worker side: lints each batch it is sent with the configurations it resolves itself. */
function serveTasks(options: WorkerOptions): void {
  const port = parentPort;
  if (port === null) return;
  const resolver = configResolver(options.cwd, options);
  port.on('message', (message: ToWorker) => {
    lintTasks(message.tasks, (file) => resolver.forFile(file)).then(
      (results) => port.postMessage({ results } satisfies FromWorker),
      // The calling thread lints the batch again and reports what goes wrong there.
      (error: unknown) => port.postMessage({ failure: error instanceof Error ? error.message : String(error) } satisfies FromWorker),
    );
  });
}

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === ROLE) {
  serveTasks((workerData as { options: WorkerOptions }).options);
}
