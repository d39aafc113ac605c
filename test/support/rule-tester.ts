import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintLoadedSource } from '../../src/lint.js';
import { loadText } from '../../src/loaders/load.js';
import type { SourceDocument } from '../../src/loaders/source-document.js';
import { enableRule } from '../../src/config/rule-settings.js';
import type { AnyRule } from '../../src/rule-support/define-rule.js';
import type { Finding } from '../../src/types.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

export interface ExpectedFinding {
  line: number;
  column: number;
  /** Checked when given. */
  endLine?: number;
  endColumn?: number;
  message: string;
}

export interface InvalidCase {
  /** Options over the rule's defaults (a policy rule needs them to report anything). */
  options?: Record<string, unknown>;
  /** A file under `fixtures/rules/<id>/invalid/`, or the name an inline `code` is linted as. */
  file: string;
  /** Inline source for a short edge case; otherwise the fixture file is read. */
  code?: string;
  findings: ExpectedFinding[];
}

export interface ValidCase {
  file: string;
  code: string;
  options?: Record<string, unknown>;
}

export interface RuleTestCases {
  /** The folder of the rule's `valid/` and `invalid/` files. Default: `fixtures/rules/<id>`. */
  fixtures?: string;
  /** Options for every case that gives none (the fixtures in valid/ included). Default: the rule's example options. */
  options?: Record<string, unknown>;
  /** Inline valid cases, besides every file in `valid/`. */
  valid?: ValidCase[];
  /** Every file in `invalid/` must have a case, and every case without `code` a file. */
  invalid: InvalidCase[];
}

/**
 * Tests one rule the way ESLint's RuleTester does: the rule runs alone, on values it may not modify (they are
 * frozen); a valid case must give no finding, an invalid one exactly the findings listed, in order, no more,
 * no fewer. Each case must hold a definition, so that no case passes by not being linted at all.
 */
export function testRule(rule: AnyRule, cases: RuleTestCases): void {
  const defaultOptions = cases.options ?? (rule.options?.example as Record<string, unknown> | undefined);
  const folder = cases.fixtures ?? join(FIXTURES, 'rules', rule.id);
  const validFiles = listFixtures(join(folder, 'valid'));
  const invalidFiles = listFixtures(join(folder, 'invalid'));

  describe(rule.id, () => {
    it('has a case for every invalid fixture, and a fixture for every case without code', () => {
      const names = cases.invalid.map((entry) => entry.file);
      expect(new Set(names).size, 'duplicate invalid cases').toBe(names.length);
      const fromFiles = cases.invalid.filter((entry) => entry.code === undefined).map((entry) => entry.file);
      expect([...fromFiles].sort()).toEqual(invalidFiles);
      expect(validFiles.length, 'valid/ needs at least one fixture').toBeGreaterThan(0);
    });

    const valid: ValidCase[] = [
      ...validFiles.map((file) => ({ file, code: readFileSync(join(folder, 'valid', file), 'utf8') })),
      ...(cases.valid ?? []),
    ];
    for (const entry of valid) {
      it(`valid: ${entry.file}`, async () => {
        const findings = await runRule(rule, entry.file, entry.code, entry.options ?? defaultOptions);
        expect(findings, `${entry.file} should have no findings`).toEqual([]);
      });
    }

    for (const entry of cases.invalid) {
      it(`invalid: ${entry.file}`, async () => {
        const code = entry.code ?? readFileSync(join(folder, 'invalid', entry.file), 'utf8');
        const findings = await runRule(rule, entry.file, code, entry.options ?? defaultOptions);
        expect(entry.findings.length, 'an invalid case lists at least one finding').toBeGreaterThan(0);
        const actual = findings.map((finding, index) => pick(finding, entry.findings[index]));
        expect(actual, `${entry.file} should have ${entry.findings.length} finding(s) but had ${findings.length}`).toEqual(
          entry.findings,
        );
      });
    }
  });
}

/** Lints code with one rule and returns its findings; fails on a parse error, an internal error or no definition. */
export async function runRule(rule: AnyRule, file: string, code: string, options?: Record<string, unknown>): Promise<Finding[]> {
  const source = freeze(await loadText(file, code));
  expect(source.problems, `${file} must parse`).toEqual([]);
  const result = await lintLoadedSource(source, [await enableRule(rule, options)]);
  expect(result.definitionCount, `${file} must hold a definition`).toBeGreaterThan(0);
  for (const finding of result.findings) {
    expect(finding.ruleId, `${file}: ${finding.message}`).toBe(rule.id);
  }
  return result.findings;
}

function pick(finding: Finding, expected: ExpectedFinding | undefined): ExpectedFinding {
  return {
    line: finding.line,
    column: finding.column,
    ...(expected?.endLine !== undefined && { endLine: finding.endLine }),
    ...(expected?.endColumn !== undefined && { endColumn: finding.endColumn }),
    message: finding.message,
  };
}

function listFixtures(folder: string): string[] {
  try {
    return readdirSync(folder).filter((name) => !name.startsWith('.')).sort();
  } catch {
    return [];
  }
}

function freeze(source: SourceDocument): SourceDocument {
  for (const document of source.documents) deepFreeze(document.value);
  return source;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
