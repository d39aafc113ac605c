import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { enableRule } from '../config/rule-settings.js';
import { lintLoadedSource } from '../lint.js';
import { loadText } from '../loaders/load.js';
import type { AnyRule } from '../rule-support/define-rule.js';
import type { DefinitionKind } from '../types.js';

export interface RulesDocOptions {
  /** The folder of examples: `<rule id without prefix>/valid/example.*` and `…/invalid/example.*` for each rule. */
  examples: string;
  /** The first heading. */
  title: string;
  /** Markdown between the title and the table of rules. */
  introduction?: readonly string[];
  /** Markdown between the table of rules and the rules' sections. */
  afterTable?: readonly string[];
}

const KIND_NAMES: Readonly<Record<DefinitionKind, string>> = {
  'api-request': 'API request',
  'cfn-resource': 'CloudFormation resource (CDK output too)',
};

/**
 * A rules document (Markdown) from the rules' own metadata and examples: a table, then one section per rule with
 * its options, its rationale, an invalid example with what sagelint reports on it, and a valid one. sagelint's
 * rules.md is written with it, and so can a plugin's (sections are anchored by the rule id without the prefix).
 */
export async function renderRulesDoc(rules: readonly AnyRule[], options: RulesDocOptions): Promise<string> {
  const out: string[] = [
    `# ${options.title}`,
    '',
    ...(options.introduction === undefined ? [] : [...options.introduction, '']),
    '| Rule | Default severity | Applies to | What it checks |',
    '| --- | --- | --- | --- |',
    ...rules.map(
      (rule) => `| [${rule.id}](#${localId(rule)}) | ${rule.severity} | ${appliesTo(rule)} | ${rule.description.replace(/\|/g, '\\|')} |`,
    ),
    ...(options.afterTable === undefined ? [] : ['', ...options.afterTable]),
  ];
  for (const rule of rules) out.push('', ...(await ruleSection(rule, options.examples)));
  return `${out.join('\n')}\n`;
}

async function ruleSection(rule: AnyRule, examples: string): Promise<string[]> {
  const invalid = example(examples, rule, 'invalid');
  const valid = example(examples, rule, 'valid');
  const exampleOptions = rule.options?.example as Record<string, unknown> | undefined;
  const enabled = await enableRule(rule, exampleOptions);
  const findings = (await lintLoadedSource(await loadText(invalid.name, invalid.text), [enabled])).findings;
  return [
    `## ${localId(rule)}`,
    '',
    `**${rule.title}.** ${rule.description}`,
    '',
    ...(rule.plugin === undefined ? [] : [`- Id: \`${rule.id}\``]),
    `- Default severity: ${rule.severity}${rule.severity === 'off' ? ' (a policy rule: it runs when configured)' : ''}`,
    `- Applies to: ${appliesTo(rule)}`,
    ...optionLines(rule),
    '',
    '### Why',
    '',
    rule.docs.rationale,
    '',
    '### Invalid',
    '',
    ...(exampleOptions === undefined ? [] : [`With the options \`${JSON.stringify(exampleOptions)}\`:`, '']),
    fence(invalid.name, invalid.text),
    '',
    'sagelint reports:',
    '',
    '```text',
    ...findings.map((finding) => `${finding.line}:${finding.column}  ${finding.severity}  ${finding.message}`),
    '```',
    '',
    '### Valid',
    '',
    fence(valid.name, valid.text),
  ];
}

/** The options, from the rule's schema: name, type, default and description of each. */
function optionLines(rule: AnyRule): string[] {
  const properties = rule.options?.schema.properties;
  if (rule.options === undefined || typeof properties !== 'object' || properties === null) return ['- Options: none'];
  const defaults = rule.options.defaults as Record<string, unknown>;
  return [
    '- Options:',
    ...Object.entries(properties as Record<string, { type?: string; description?: string }>).map(
      ([name, property]) =>
        `  - \`${name}\` (${property.type ?? 'any'}, default \`${JSON.stringify(defaults[name])}\`): ${property.description ?? ''}`,
    ),
  ];
}

function appliesTo(rule: AnyRule): string {
  return rule.appliesTo.map((kind) => KIND_NAMES[kind]).join(', ');
}

/** A rule's id without its plugin's prefix: its heading, its anchor and its examples' folder. */
function localId(rule: AnyRule): string {
  return rule.plugin === undefined ? rule.id : rule.id.slice(rule.plugin.name.length + 1);
}

/** The one `example.*` file of a rule's `valid/` or `invalid/` folder. */
function example(examples: string, rule: AnyRule, folder: 'valid' | 'invalid'): { name: string; text: string } {
  const directory = join(examples, localId(rule), folder);
  const names = readdirSync(directory).filter((name) => name.startsWith('example.'));
  const [name] = names;
  if (name === undefined || names.length > 1) {
    throw new Error(`${directory} must hold exactly one example.* file (it holds ${names.length}).`);
  }
  return { name, text: readFileSync(join(directory, name), 'utf8') };
}

function fence(name: string, text: string): string {
  const language = extname(name) === '.json' ? 'json' : 'yaml';
  return [`\`\`\`${language}`, text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '').trimEnd(), '```'].join('\n');
}

