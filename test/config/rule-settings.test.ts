import { describe, expect, it } from 'vitest';
import { enableRule, resolveRuleSettings } from '../../src/config/rule-settings.js';
import { SagelintError } from '../../src/errors.js';
import { defineRule } from '../../src/rule-support/define-rule.js';
import { builtinRules } from '../../src/rules/index.js';

const policy = defineRule<{ keys: string[] }>({
  id: 'require-example-keys',
  title: 'Example',
  description: 'An example policy rule.',
  severity: 'off',
  appliesTo: ['api-request'],
  docs: { rationale: 'Only for this test.' },
  options: {
    schema: {
      type: 'object',
      properties: { keys: { type: 'array', items: { type: 'string' }, description: 'Keys.' } },
      additionalProperties: false,
    },
    defaults: { keys: [] },
  },
  check() {},
});

describe('rule settings', () => {
  it('runs every rule that is not off by default, with its default severity', async () => {
    const enabled = await resolveRuleSettings(builtinRules);
    expect(enabled.map(({ rule }) => rule.id)).toEqual(builtinRules.filter((rule) => rule.severity !== 'off').map((rule) => rule.id));
    expect(enabled.every(({ rule, severity }) => severity === rule.severity)).toBe(true);
  });

  it('turns rules off and changes severities', async () => {
    const enabled = await resolveRuleSettings(builtinRules, { 'require-members': 'off', 'valid-string-pattern': ['warning'] });
    expect(enabled.some(({ rule }) => rule.id === 'require-members')).toBe(false);
    expect(enabled.find(({ rule }) => rule.id === 'valid-string-pattern')?.severity).toBe('warning');
  });

  it('enables a policy rule with options over its defaults', async () => {
    const [enabled] = await resolveRuleSettings([policy], { 'require-example-keys': ['error', { keys: ['team'] }] });
    expect(enabled).toMatchObject({ severity: 'error', options: { keys: ['team'] } });
    expect(await resolveRuleSettings([policy])).toEqual([]);
    expect((await enableRule(policy)).options).toEqual({ keys: [] });
  });

  it.each([
    [{ 'no-such-rule': 'error' }, 'There is no rule "no-such-rule". The rules are listed in rules.md.'],
    [{ 'require-members': 'fatal' }, 'Rule "require-members": the severity must be one of error, warning, info, off.'],
    [{ 'require-members': ['error', { x: 1 }] }, 'Rule "require-members" takes no options.'],
  ] as const)('rejects %j before linting', async (settings, message) => {
    await expect(resolveRuleSettings(builtinRules, settings as never)).rejects.toThrow(new SagelintError('invalid-option', message));
  });

  it('compiles the options schemas of plugin rules apart, so two may use the same $id', async () => {
    const withId = (id: string) => ({
      ...policy,
      id,
      options: { schema: { $id: 'options', type: 'object', properties: { keys: { type: 'array', description: 'Keys.' } } }, defaults: {} },
      plugin: { name: `sagelint-plugin-${id}` },
    });
    const settings = { first: ['error', { keys: [] }], second: ['error', { keys: 'x' }] };
    await expect(resolveRuleSettings([withId('first'), withId('second')] as never, settings as never)).rejects.toThrow(
      /Rule "second" has invalid options: \/keys must be array/,
    );
  });

  it('checks a plugin rule\'s options schema against the meta-schema', async () => {
    const broken = { schema: { type: 'object', properties: { keys: { type: 'list' } } }, defaults: {} };
    const pluginRule = { ...policy, id: 'broken-schema', options: broken, plugin: { name: 'sagelint-plugin-example' } };
    await expect(resolveRuleSettings([pluginRule as never], { 'broken-schema': ['error', { keys: [] }] } as never)).rejects.toThrow(
      /schema is invalid: data\/properties\/keys\/type must be equal to one of the allowed values/,
    );
  });

  it('rejects options that break the rule\'s schema, naming the rule and the option', async () => {
    const settings = { 'require-example-keys': ['error', { keys: 'team' }] } as const;
    await expect(resolveRuleSettings([policy], settings as never)).rejects.toThrow(/Rule "require-example-keys" has invalid options: \/keys must be array/);
  });
});
