import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The root of the git work tree that holds `directory` (the nearest ancestor with a `.git` folder or file), or
 * undefined outside one. Read from the file system rather than by running git, which costs a process per run.
 */
export function findRepositoryRoot(directory: string): string | undefined {
  for (let current = directory; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}
