import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc, RULES_DOC } from '../scripts/generate-rules-doc.js';
import type { Rule } from '../src/rule-support/define-rule.js';
import { builtinRules } from '../src/rules/index.js';
import { RESERVED_RULE_IDS } from '../src/types.js';
import { FIXTURES } from './support/rule-tester.js';

const RULES_DIR = join(import.meta.dirname, '..', 'src', 'rules');
const ruleFiles = readdirSync(RULES_DIR)
  .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
  .map((name) => basename(name, '.ts'))
  .sort();

describe('rule metadata', () => {
  it('lists every rule file in src/rules/index.ts, once, in id order', () => {
    expect(builtinRules.map((rule) => rule.id)).toEqual(ruleFiles);
  });

  it.each(ruleFiles)('%s: its default export is the rule of that id', async (id) => {
    const module = (await import(join(RULES_DIR, `${id}.ts`))) as { default: Rule };
    expect(module.default.id).toBe(id);
    expect(builtinRules).toContain(module.default);
  });

  it.each(builtinRules.map((rule) => [rule.id, rule] as const))('%s: metadata, test and fixtures are complete', (id, rule) => {
    expect(id).toMatch(/^(require|no|valid)-[a-z0-9-]+$/);
    expect(Object.values(RESERVED_RULE_IDS)).not.toContain(id);
    expect(rule.title).toMatch(/^[A-Z][^.]*[^.\s]$/);
    expect(rule.description).toMatch(/^\S.*\.$/);
    expect(['error', 'warning', 'info', 'off']).toContain(rule.severity);
    expect(rule.appliesTo.length).toBeGreaterThan(0);
    expect(rule.docs.rationale.length).toBeGreaterThan(80);
    expect(rule.docs.url).toMatch(new RegExp(`/rules\\.md#${id}$`));
    expect(Object.isFrozen(rule)).toBe(true);
    if (rule.options !== undefined) {
      // Options are described for users and rules.md, and what the rule starts from passes its own schema.
      const properties = rule.options.schema.properties as Record<string, { description?: string }>;
      for (const [name, property] of Object.entries(properties)) expect(property.description, `${id} option ${name}`).toMatch(/\S/);
      const validate = new Ajv({ strict: true }).compile(rule.options.schema);
      expect(validate(rule.options.defaults), JSON.stringify(validate.errors)).toBe(true);
      if (rule.options.example !== undefined) expect(validate(rule.options.example), JSON.stringify(validate.errors)).toBe(true);
    }
    if (rule.severity === 'off') expect(rule.options?.example, `${id}: a policy rule's docs need example options`).toBeDefined();
    expect(existsSync(join(import.meta.dirname, 'rules', `${id}.test.ts`)), `test/rules/${id}.test.ts`).toBe(true);
    for (const folder of ['valid', 'invalid']) {
      const names = readdirSync(join(FIXTURES, 'rules', id, folder));
      expect(names.filter((name) => name.startsWith('example.')), `fixtures/rules/${id}/${folder}/example.*`).toHaveLength(1);
    }
  });
});

describe('rules.md', () => {
  it('is what `npm run docs` writes now', async () => {
    expect(readFileSync(RULES_DOC, 'utf8'), 'rules.md is stale: run `npm run docs`').toBe(await renderRulesDoc());
  });

  it('shows at least one finding for every invalid example', async () => {
    const doc = await renderRulesDoc();
    for (const rule of builtinRules) {
      const section = doc.slice(doc.indexOf(`## ${rule.id}\n`));
      expect(section, rule.id).toMatch(/sagelint reports:\n\n```text\n\d+:\d+ {2}/);
    }
  });
});
