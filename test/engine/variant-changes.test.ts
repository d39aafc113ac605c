/**
 * A rule that declares what it reads (`Rule.reads`) runs on a template resource's later variants only where they
 * differ from the first (src/engine/variant-changes.ts). What the engine finds must be what it finds when every rule
 * runs on every variant; test/rule-reads.test.ts checks that each rule reads only what it declares.
 */
import { describe, expect, it } from 'vitest';
import { UNKNOWN, type Variant } from '../../src/definitions/intrinsics.js';
import { lintSource } from '../../src/engine/lint-source.js';
import { VariantChanges } from '../../src/engine/variant-changes.js';
import { corpusPath, enableEveryRule, loadVariantCorpus } from '../support/variant-corpus.js';

const corpus = await loadVariantCorpus();
const rules = await enableEveryRule();

describe('skipping the rules a variant does not concern', () => {
  it('finds what running every rule on every variant finds, in every corpus file', () => {
    const readingAnything = rules.map((enabled) => ({ ...enabled, rule: { ...enabled.rule, reads: undefined } }));
    for (const { source, definitions } of corpus) {
      expect(lintSource(source, definitions, rules), source.filePath).toEqual(lintSource(source, definitions, readingAnything));
    }
  });

  it('is put to the test: the corpus has later variants on which most rules are skipped, and some are not', () => {
    let runs = 0;
    let skipped = 0;
    for (const { definitions } of corpus) {
      for (const { kind, variants } of definitions) {
        const [first, ...later] = variants;
        if (first === undefined) continue;
        for (const variant of later) {
          const changes = new VariantChanges(first, variant, kind === 'cfn-resource' ? '/Properties' : '');
          for (const { rule } of rules) {
            if (rule.reads === undefined || !rule.appliesTo.includes(kind)) continue;
            runs += 1;
            if (!changes.touches(rule.reads)) skipped += 1;
          }
        }
      }
    }
    expect(runs).toBeGreaterThan(5000);
    expect(skipped / runs).toBeGreaterThan(0.5);
    expect(skipped / runs).toBeLessThan(0.95);
  });

  it('covers templates with many variants', () => {
    const withVariants = corpus.filter((file) => file.definitions.some((definition) => definition.variants.length > 1));
    expect(withVariants.length, withVariants.map(corpusPath).join(', ')).toBeGreaterThan(60);
  });
});

/** A variant of the given value, its unknowns and its origins. */
function variant(value: unknown, unknowns: string[] = [], origins: Record<string, { pointer: string; via?: string }> = {}): Variant {
  return { value, unknowns: new Set(unknowns), origins: new Map(Object.entries(origins)) };
}

/** Reads to ask a variant's changes about, relative to `/Properties`. */
const PROBES = [
  '',
  '/JobResources',
  '/JobResources/ClusterConfig',
  '/JobResources/ClusterConfig/InstanceType',
  '/JobResources/ClusterConfig/InstanceCount',
  '/RoleArn',
  '/Tags',
  '/Tags/0/Key',
  '/New~1Member',
];

describe('VariantChanges', () => {
  const cluster = { InstanceType: 'ml.m5.xlarge', InstanceCount: 1 };
  const first = variant(
    { Type: 'AWS::SageMaker::ModelBiasJobDefinition', Metadata: { owner: 'a' }, Properties: { JobResources: { ClusterConfig: cluster }, RoleArn: UNKNOWN, Tags: [{ Key: 'a' }] } },
    ['/Properties/RoleArn', '/#condition'],
    { '/Properties/JobResources/ClusterConfig/InstanceType': { pointer: '/Parameters/Type/Default', via: 'parameter Type' } },
  );
  /** The probes a rule reading only that one would be run for, on a variant of `value`, `unknowns` and `origins`. */
  const touched = (value: unknown, unknowns = [...first.unknowns], origins = Object.fromEntries(first.origins)): string[] => {
    const changes = new VariantChanges(first, variant(value, unknowns, origins), '/Properties');
    return PROBES.filter((probe) => changes.touches([probe]));
  };
  const withProperties = (members: Record<string, unknown>): unknown => ({ ...(first.value as object), Properties: members });
  const typeChanged = ['', '/JobResources', '/JobResources/ClusterConfig', '/JobResources/ClusterConfig/InstanceType'];

  it('touches no read where the variant is the same', () => {
    expect(touched(first.value)).toEqual([]);
  });

  it('touches the reads at, above and below the top-most pointers where the values differ', () => {
    const otherType = { JobResources: { ClusterConfig: { ...cluster, InstanceType: 'ml.c5.xlarge' } }, RoleArn: UNKNOWN, Tags: [{ Key: 'a' }] };
    expect(touched(withProperties(otherType))).toEqual(typeChanged);
    const noCluster = { JobResources: { ClusterConfig: 'text' }, RoleArn: UNKNOWN, Tags: [{ Key: 'a' }] };
    expect(touched(withProperties(noCluster))).toEqual([
      '',
      '/JobResources',
      '/JobResources/ClusterConfig',
      '/JobResources/ClusterConfig/InstanceType',
      '/JobResources/ClusterConfig/InstanceCount',
    ]);
    const moreTags = { JobResources: { ClusterConfig: cluster }, RoleArn: UNKNOWN, Tags: [{ Key: 'a' }, { Key: 'b' }] };
    expect(touched(withProperties(moreTags))).toEqual(['', '/Tags', '/Tags/0/Key']);
  });

  it('touches a member given in one variant only where it is, and members in another order at their record', () => {
    expect(touched(withProperties({ JobResources: { ClusterConfig: cluster }, RoleArn: UNKNOWN, Tags: [{ Key: 'a' }], 'New/Member': 1 }))).toEqual(['', '/New~1Member']);
    expect(touched(withProperties({ JobResources: { ClusterConfig: cluster }, RoleArn: UNKNOWN }))).toEqual(['', '/Tags', '/Tags/0/Key']);
    const reordered = { JobResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge' } }, RoleArn: UNKNOWN, Tags: [{ Key: 'a' }] };
    expect(touched(withProperties(reordered))).toEqual([
      '',
      '/JobResources',
      '/JobResources/ClusterConfig',
      '/JobResources/ClusterConfig/InstanceType',
      '/JobResources/ClusterConfig/InstanceCount',
    ]);
  });

  it('touches the reads where what is unknown, or where a value was written, differs', () => {
    expect(touched(first.value, ['/#condition'])).toEqual(['', '/RoleArn']);
    expect(touched(first.value, [...first.unknowns, '/Properties/Tags/0/Key'])).toEqual(['', '/Tags', '/Tags/0/Key']);
    expect(touched(first.value, undefined, {})).toEqual(typeChanged);
    const otherChoice = { '/Properties/JobResources/ClusterConfig/InstanceType': { pointer: '/Parameters/Type/AllowedValues/1', via: 'parameter Type' } };
    expect(touched(first.value, undefined, otherChoice)).toEqual(typeChanged);
    const tagChosen = { ...Object.fromEntries(first.origins), '/Properties/Tags/0': { pointer: '/Resources/Job/Properties/Tags/0/Fn::If/1' } };
    expect(touched(first.value, undefined, tagChosen)).toEqual(['', '/Tags', '/Tags/0/Key']);
  });

  it('touches every read where the members, or what holds them, differ, and none where only what is beside them does', () => {
    expect(touched({ ...(first.value as object), Properties: 'text' })).toEqual(PROBES);
    expect(touched(first.value, undefined, { ...Object.fromEntries(first.origins), '': { pointer: '/Resources/Job' } })).toEqual(PROBES);
    expect(touched({ ...(first.value as object), Metadata: { owner: 'b' } })).toEqual([]);
    expect(touched(first.value, [...first.unknowns].filter((pointer) => pointer !== '/#condition'))).toEqual([]);
  });

  it('touches no read of a rule that reads none, whatever changed', () => {
    expect(new VariantChanges(first, variant({ ...(first.value as object), Properties: 'text' }), '/Properties').touches([])).toBe(false);
  });
});
