/**
 * Baselines: `--write-baseline` records today's findings; later runs report only new ones, matched by file, rule
 * and JSON pointer (not line), through the CLI in a scratch project.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordBaseline, type LintResult } from '../src/index.js';
import { runCli, type CliRun } from './support/run-cli.js';

const CLEAN = '\n✔ No problems (2 files linted, 2 definitions, 0 files without one).\n';
const BROKEN = resolve(import.meta.dirname, '..', 'fixtures', 'examples', 'broken-request.yaml');

let project: string;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'sagelint-baseline-'));
  mkdirSync(join(project, 'monitors'));
  copyFileSync(BROKEN, join(project, 'monitors', 'churn.yaml'));
  copyFileSync(BROKEN, join(project, 'monitors', 'fraud.yaml'));
});

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

function run(argv: string[]): Promise<CliRun> {
  return runCli(project, argv);
}

function edit(file: string, change: (text: string) => string): void {
  const path = join(project, 'monitors', file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

describe('--write-baseline', () => {
  it('records every finding by file, rule and pointer, sorted, and the run then passes', async () => {
    const written = await run(['monitors', '--write-baseline']);
    expect(written).toEqual({ code: 0, stdout: CLEAN, stderr: 'sagelint: wrote 22 finding(s) in 2 file(s) to sagelint-baseline.json.\n' });
    const baseline = JSON.parse(readFileSync(join(project, 'sagelint-baseline.json'), 'utf8')) as { version: number; files: Record<string, unknown> };
    expect(baseline.version).toBe(1);
    expect(Object.keys(baseline.files)).toEqual(['monitors/churn.yaml', 'monitors/fraud.yaml']);
    expect(baseline.files['monitors/churn.yaml']).toEqual({
      'no-unknown-members': { '/NetworkConfig/enableNetworkIsolation': 1 },
      'require-members': { '/StoppingCondition/MaxRuntimeInSeconds': 1 },
      'require-output-kms-key': { '/ModelBiasJobOutputConfig/KmsKeyId': 1 },
      'require-volume-kms-key': { '/JobResources/ClusterConfig/VolumeKmsKeyId': 1 },
      'require-vpc-config': { '/NetworkConfig': 1 },
      'valid-enum-value': { '/ModelBiasJobInput/EndpointInput/S3InputMode': 1 },
      'valid-instance-type': { '/JobResources/ClusterConfig/InstanceType': 1 },
      'valid-number-range': { '/JobResources/ClusterConfig/VolumeSizeInGB': 1 },
      'valid-string-pattern': { '/JobDefinitionName': 1 },
      'valid-value-type': { '/JobResources/ClusterConfig/InstanceCount': 1, '/ModelBiasAppSpecification/Environment/MAX_RECORDS': 1 },
    });
  });

  it('keeps the entries of files it did not lint, and replaces those of files it did', async () => {
    await run(['monitors', '--write-baseline']);
    edit('churn.yaml', (text) => text.replace('VolumeSizeInGB: 20000', 'VolumeSizeInGB: 200'));
    expect((await run(['monitors/churn.yaml', '--write-baseline'])).stderr).toBe('sagelint: wrote 21 finding(s) in 2 file(s) to sagelint-baseline.json.\n');
    const baseline = JSON.parse(readFileSync(join(project, 'sagelint-baseline.json'), 'utf8')) as { files: Record<string, Record<string, unknown>> };
    expect(baseline.files['monitors/churn.yaml']?.['valid-number-range']).toBeUndefined();
    expect(baseline.files['monitors/fraud.yaml']?.['valid-number-range']).toEqual({ '/JobResources/ClusterConfig/VolumeSizeInGB': 1 });
  });
});

describe('a later run', () => {
  beforeEach(async () => {
    await run(['monitors', '--write-baseline']);
  });

  it('reports nothing the baseline holds, even when lines moved', async () => {
    edit('churn.yaml', (text) => `# Owned by the churn team.\n# Reviewed in October.\n${text}`);
    expect(await run(['monitors'])).toEqual({ code: 0, stdout: CLEAN, stderr: '' });
  });

  it('reports only the new finding, and fails on it', async () => {
    edit('churn.yaml', (text) => text.replace('EndpointName: churn-endpoint', 'EndpointName: churn_endpoint'));
    const { code, stdout } = await run(['monitors', '--format', 'json']);
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; line: number }[]; suppressedMessages: { suppressions: unknown[] }[] }[];
    expect(results.flatMap((result) => result.messages.map((message) => [message.ruleId, message.line]))).toEqual([['valid-string-pattern', 11]]);
    expect(results[0]?.suppressedMessages).toHaveLength(11);
    expect(results[0]?.suppressedMessages[0]?.suppressions).toEqual([{ kind: 'external', justification: 'In the baseline sagelint-baseline.json.' }]);
  });

  it('says when baselined findings were fixed, so the baseline can shrink', async () => {
    edit('fraud.yaml', (text) => text.replace('StoppingCondition: {}', 'StoppingCondition: { MaxRuntimeInSeconds: 1800 }'));
    expect(await run(['monitors'])).toEqual({
      code: 0,
      stdout: CLEAN,
      stderr: 'sagelint: 1 finding(s) in the baseline sagelint-baseline.json no longer occur; run with --write-baseline to drop them.\n',
    });
  });

  it('reads a baseline named with --baseline, and fails clearly on one that is not a baseline', async () => {
    rmSync(join(project, 'sagelint-baseline.json'));
    expect((await run(['monitors'])).code).toBe(1);
    expect((await run(['monitors', '--write-baseline', '--baseline', 'ci/known.json'])).stderr).toBe(
      `sagelint: Cannot write the baseline ${join(project, 'ci', 'known.json')} (ENOENT).\n`,
    );
    expect(existsSync(join(project, 'ci', 'known.json'))).toBe(false);
    mkdirSync(join(project, 'ci'));
    expect((await run(['monitors', '--write-baseline', '--baseline', 'ci/known.json'])).code).toBe(0);
    expect((await run(['monitors', '--baseline', 'ci/known.json'])).code).toBe(0);
    writeFileSync(join(project, 'ci', 'known.json'), '{"version": 2, "files": {}}');
    expect(await run(['monitors', '--baseline', 'ci/known.json'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `sagelint: The baseline ${join(project, 'ci', 'known.json')} is not a sagelint baseline (version 1). Write it again with --write-baseline.\n`,
    });
  });
});

describe('recordBaseline', () => {
  it('counts findings that share a file, rule and pointer, and baselines only as many as it holds', async () => {
    const finding = { ruleId: 'require-members', severity: 'error' as const, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, pointer: '/A' };
    const result = (count: number): LintResult => ({
      filePath: join(project, 'a.json'),
      findings: Array.from({ length: count }, (_, index) => ({ ...finding, line: index + 1 })),
      errorCount: count,
      warningCount: 0,
      infoCount: 0,
      fatalErrorCount: 0,
      definitionCount: 1,
    });
    const path = join(project, 'baseline.json');
    const recorded = await recordBaseline([result(2)], path);
    expect(recorded.findingCount).toBe(2);
    expect(recorded.results[0]?.findings).toEqual([]);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ version: 1, files: { 'a.json': { 'require-members': { '/A': 2 } } } });
  });
});
