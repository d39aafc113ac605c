/**
 * The quality bar of every rule: hardened, valid definitions in each input form, one of them full of intrinsic
 * functions, give no finding from any rule, the policy rules included (configured as a strict team would).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';

const ROOT = resolve(import.meta.dirname, '..');

/** A strict team's policy that the hardened definitions meet. */
const POLICY = {
  'no-unapproved-instance-type': ['error', { allowed: ['ml.m5.xlarge', 'ml.m5.large'] }],
  'no-oversized-cluster': ['error', { maxInstanceCount: 2, maxVolumeSizeInGB: 100 }],
  'require-tag-keys': ['error', { keys: ['team'] }],
  'no-unapproved-image-registry': [
    'error',
    { registries: ['205585389593.dkr.ecr.us-east-1.amazonaws.com', '131013547314.dkr.ecr.eu-west-1.amazonaws.com'] },
  ],
} as const;

describe('hardened definitions', () => {
  it.each([
    ['a request in JSON', ['fixtures/examples/clean-request.json'], {}],
    ['a request in YAML', ['fixtures/cli/clean'], {}],
    ['a template full of intrinsic functions', ['fixtures/templates/good-intrinsics.yaml'], {}],
    ['the same template deployed to eu-west-1', ['fixtures/templates/good-intrinsics.yaml'], { region: 'eu-west-1' }],
  ] as const)('%s gives no finding from any rule', async (_name, patterns, options) => {
    const results = await lint(patterns, { cwd: ROOT, ...options });
    expect(results.flatMap((result) => result.findings)).toEqual([]);
    expect(results.reduce((sum, result) => sum + result.definitionCount, 0)).toBeGreaterThan(0);
  });

  it('a request meets a strict policy too', async () => {
    const results = await lint(['fixtures/examples/clean-request.json', 'fixtures/cli/clean'], { cwd: ROOT, rules: POLICY });
    expect(results.flatMap((result) => result.findings)).toEqual([]);
  });

  it('the good CDK definition gives no finding from any rule', async () => {
    const results = await lint(['fixtures/cdk/single-stack'], { cwd: ROOT });
    const good = results.flatMap((result) => result.findings).filter((finding) => finding.message.includes('GoodBiasJobDefinition'));
    expect(good).toEqual([]);
    expect(results.some((result) => result.definitionCount > 1)).toBe(true);
  });
});
