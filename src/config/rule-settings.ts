import type { ValidateFunction } from 'ajv';
import { SagelintError } from '../errors.js';
import { createAjv, RULE_OPTIONS_AJV_OPTIONS } from './ajv.js';
import type { EnabledRule } from '../engine/lint-source.js';
import { builtinRuleOptionsValidators } from '../generated/settings-validators.js';
import { builtinRules } from '../rules/index.js';
import type { AnyRule } from '../rule-support/define-rule.js';
import type { Severity } from '../types.js';

/** How a rule is set: a severity, or a severity with options (`['error', { keys: ['team'] }]`), as ESLint's. */
export type RuleSetting = Severity | 'off' | readonly [Severity | 'off'] | readonly [Severity | 'off', Record<string, unknown>];

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'off']);

/**
 * The rules to run: each rule's default severity and options, overridden by `settings`. An unknown rule id, an
 * unknown severity or options that break the rule's schema throw a `SagelintError`, before any file is read.
 */
export async function resolveRuleSettings(
  rules: readonly AnyRule[],
  settings: Readonly<Record<string, RuleSetting>> = {},
): Promise<EnabledRule[]> {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  for (const id of Object.keys(settings)) {
    if (!byId.has(id)) throw new SagelintError('invalid-option', `There is no rule "${id}". The rules are listed in rules.md.`);
  }
  const enabled: EnabledRule[] = [];
  for (const rule of rules) {
    const setting = settings[rule.id];
    const [severity, options] = Array.isArray(setting) ? setting : [setting ?? rule.severity, undefined];
    if (typeof severity !== 'string' || !SEVERITIES.has(severity)) {
      throw new SagelintError('invalid-option', `Rule "${rule.id}": the severity must be one of error, warning, info, off.`);
    }
    if (options !== undefined) await validateOptions(rule, options);
    if (severity === 'off') continue;
    enabled.push({ rule, severity: severity as Severity, options: { ...(rule.options?.defaults ?? {}), ...(options ?? {}) } });
  }
  return enabled;
}

/**
 * A rule's options validator. The built-in rules' are compiled ahead (src/generated/settings-validators.ts, by
 * `npm run docs`): ajv takes tens of milliseconds to load and to compile a schema, in every thread. Any other rule's
 * schema is compiled the first time the rule is given options, in an ajv instance of its own that also checks the
 * schema against the meta-schema, and where no other plugin's schema can clash by `$id`.
 */
function optionsValidator(rule: AnyRule, schema: Readonly<Record<string, unknown>>): Promise<ValidateFunction> {
  let validator = validatorsByRule.get(rule);
  if (validator === undefined) {
    const compiled = BUILTIN_RULES.has(rule) ? builtinRuleOptionsValidators[rule.id] : undefined;
    validator = compiled === undefined ? createAjv({ ...RULE_OPTIONS_AJV_OPTIONS, validateSchema: true }).then((ajv) => ajv.compile(schema)) : Promise.resolve(compiled);
    validatorsByRule.set(rule, validator);
  }
  return validator;
}

const BUILTIN_RULES: ReadonlySet<AnyRule> = new Set(builtinRules);
const validatorsByRule = new WeakMap<AnyRule, Promise<ValidateFunction>>();

async function validateOptions(rule: AnyRule, options: unknown): Promise<void> {
  if (rule.options === undefined) {
    throw new SagelintError('invalid-option', `Rule "${rule.id}" takes no options.`);
  }
  const validate = await optionsValidator(rule, rule.options.schema);
  if (!validate(options)) {
    const problems = (validate.errors ?? []).map((error) => `${error.instancePath || '(options)'} ${error.message ?? ''}`.trim());
    throw new SagelintError('invalid-option', `Rule "${rule.id}" has invalid options: ${problems.join('; ')}.`);
  }
}

/**
 * One rule, enabled on its own with `options` over its defaults (validated): what the rule tester and the docs
 * generator run. A policy rule that is off by default runs as an error.
 */
export async function enableRule(rule: AnyRule, options?: Record<string, unknown>): Promise<EnabledRule> {
  const severity = rule.severity === 'off' ? 'error' : rule.severity;
  const [enabled] = await resolveRuleSettings([rule], { [rule.id]: options === undefined ? severity : [severity, options] });
  if (enabled === undefined) throw new Error(`Rule "${rule.id}" could not be enabled.`);
  return enabled;
}
