import { main } from '../../src/cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI in-process (`main(argv, io)`) in a folder, with no environment and what `--stdin` would read. */
export async function runCli(cwd: string, argv: readonly string[], stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    env: {},
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: async () => stdin,
    version: '0.0.0-test',
  });
  return { code, stdout, stderr };
}
