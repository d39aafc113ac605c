import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

/** vitest's global setup: `npm run build` once, before any test file, so no two files build dist/ at once. */
export default async function build(): Promise<void> {
  await promisify(execFile)('npm', ['run', 'build'], { cwd: resolve(import.meta.dirname, '..', '..') });
}
