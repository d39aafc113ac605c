import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CDK_FIXTURE_APPS, synthCdkFixtures } from '../scripts/synth-cdk-fixtures.js';

const FIXTURES_ROOT = fileURLToPath(new URL('../fixtures/cdk/', import.meta.url));
const REGENERATE = 'run `npx tsx scripts/synth-cdk-fixtures.ts` and commit fixtures/cdk/';

/** Every file under `dir`, as sorted POSIX paths relative to `dir`. */
function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out.sort();
}

describe('checked-in CDK cloud assemblies (fixtures/cdk)', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'sagelint-cdk-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('match a fresh synthesis with aws-cdk-lib byte for byte', { timeout: 60_000 }, () => {
    synthCdkFixtures(tmp);

    for (const app of CDK_FIXTURE_APPS) {
      const expectedDir = path.join(tmp, app);
      const actualDir = path.join(FIXTURES_ROOT, app);
      const expected = listFiles(expectedDir);
      let actual: string[];
      try {
        actual = listFiles(actualDir);
      } catch {
        actual = [];
      }
      expect(actual, `fixtures/cdk/${app}: file list drifted from synthesis; ${REGENERATE}`).toEqual(expected);

      const drifted = expected.filter(
        (file) => !readFileSync(path.join(expectedDir, file)).equals(readFileSync(path.join(actualDir, file))),
      );
      expect(drifted, `fixtures/cdk/${app}: file contents drifted from synthesis; ${REGENERATE}`).toEqual([]);
    }
  });

  it('contain no absolute paths or stack traces', () => {
    for (const app of CDK_FIXTURE_APPS) {
      const dir = path.join(FIXTURES_ROOT, app);
      for (const file of listFiles(dir)) {
        const text = readFileSync(path.join(dir, file), 'utf8');
        expect(text, `fixtures/cdk/${app}/${file}`).not.toContain('aws:cdk:creationStack');
        expect(text, `fixtures/cdk/${app}/${file}`).not.toContain(FIXTURES_ROOT);
        expect(text, `fixtures/cdk/${app}/${file}`).not.toContain(tmp);
      }
    }
  });
});
