/**
 * A rule that declares what it reads (`Rule.reads`) runs on a template resource's later variants only where they
 * differ from the first (src/engine/variant-changes.ts). What the engine finds must be what it finds when every rule
 * runs on every variant; test/rule-reads.test.ts checks that each rule reads only what it declares. Where a variant
 * differs is what the resolver records (`Variant.differsAt`), checked here against comparing the variants whole.
 */
import { describe, expect, it } from 'vitest';
import type { Variant } from '../../src/definitions/intrinsics.js';
import { lintSource } from '../../src/engine/lint-source.js';
import { VariantChanges } from '../../src/engine/variant-changes.js';
import { corpusPath, enableEveryRule, loadVariantCorpus } from '../support/variant-corpus.js';
import { variantDifferences } from '../support/variant-differences.js';

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
          const changes = new VariantChanges(variant, kind === 'cfn-resource' ? '/Properties' : '');
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

describe('where the resolver says a variant differs from the first (Variant.differsAt)', () => {
  it('holds every place where it does differ, found by comparing the variants whole', () => {
    let compared = 0;
    for (const file of corpus) {
      for (const { variants, label } of file.definitions) {
        const [first, ...later] = variants;
        expect(first?.differsAt ?? [], `${corpusPath(file)}: ${label}`).toEqual([]);
        for (const variant of later) {
          compared += 1;
          const uncovered = variantDifferences(first as Variant, variant).filter(
            (difference) => !variant.differsAt.some((at) => difference === at || difference.startsWith(`${at}/`)),
          );
          expect(uncovered, `${corpusPath(file)}: ${label}, differing at ${JSON.stringify(variant.differsAt)}`).toEqual([]);
        }
      }
    }
    expect(compared).toBeGreaterThan(600);
  });
});

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
  /** The probes a rule reading only that one would be run for, on a variant that differs at `differsAt`. */
  const touched = (...differsAt: string[]): string[] => {
    const changes = new VariantChanges({ value: {}, unknowns: new Set(), origins: new Map(), differsAt }, '/Properties');
    return PROBES.filter((probe) => changes.touches([probe]));
  };
  const typeChanged = ['', '/JobResources', '/JobResources/ClusterConfig', '/JobResources/ClusterConfig/InstanceType'];

  it('touches no read where the variant is the same', () => {
    expect(touched()).toEqual([]);
  });

  it('touches the reads at, above and below where the variant differs', () => {
    expect(touched('/Properties/JobResources/ClusterConfig/InstanceType')).toEqual(typeChanged);
    expect(touched('/Properties/JobResources/ClusterConfig')).toEqual([
      '',
      '/JobResources',
      '/JobResources/ClusterConfig',
      '/JobResources/ClusterConfig/InstanceType',
      '/JobResources/ClusterConfig/InstanceCount',
    ]);
    expect(touched('/Properties/Tags')).toEqual(['', '/Tags', '/Tags/0/Key']);
    expect(touched('/Properties/New~1Member')).toEqual(['', '/New~1Member']);
    expect(touched('/Properties/RoleArn', '/Properties/Tags/0/Key')).toEqual(['', '/RoleArn', '/Tags', '/Tags/0/Key']);
  });

  it('touches every read where the members, or what holds them, differ, and none where only what is beside them does', () => {
    expect(touched('/Properties')).toEqual(PROBES);
    expect(touched('')).toEqual(PROBES);
    expect(touched('/Metadata/owner')).toEqual([]);
    expect(touched('/#condition')).toEqual([]);
  });

  it('touches no read of a rule that reads none, whatever changed', () => {
    expect(new VariantChanges({ value: {}, unknowns: new Set(), origins: new Map(), differsAt: ['/Properties'] }, '/Properties').touches([])).toBe(false);
  });
});
