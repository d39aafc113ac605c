/**
 * "Unbreakable on any input": mutated fixtures (mutate.ts) through the CLI in-process (harness.ts), with a fixed
 * seed and a number of cases that keeps this test around 25 seconds. `npm run fuzz` runs the same cases, and
 * many more, for longer; a failure names the seed, case and mutations, and writes the input under the OS's
 * temporary folder with the command that reproduces it.
 */
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { describeFailure, fuzz } from './harness.js';
import { loadCorpus } from './mutate.js';

const SEED = 20_250_601;
const CASES = 2_500;

it(`lints ${CASES} mutated fixtures without crashing, with every finding inside its file`, async () => {
  const corpus = loadCorpus(resolve(import.meta.dirname, '..', '..'));
  const failures = await fuzz({ corpus, seed: SEED, start: 0, count: CASES });
  if (failures.length > 0) {
    expect.fail(`${failures.length} fuzz case(s) failed:\n\n${failures.map(describeFailure).join('\n\n')}`);
  }
}, 180_000);
