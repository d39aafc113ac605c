import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result, Run, ToolComponent } from 'sarif';
import type { EnabledRule } from '../engine/lint-source.js';
import { RULES_DOC_URL, type RulePlugin } from '../rule-support/define-rule.js';
import { RESERVED_RULE_IDS, type Finding, type Severity } from '../types.js';
import { compareFindings } from '../engine/findings.js';
import type { Formatter, FormatterContext } from './formatter.js';

/**
 * SARIF 2.1.0 as GitHub code scanning accepts and shows it (github.com/github/codeql-action `upload-sarif`;
 * https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning):
 * one run; every enabled rule in `tool.driver.rules`, with the rationale and the rules.md link in `help` (GitHub shows
 * `help.markdown` and ignores `helpUri`); paths relative to the repository root under `%SRCROOT%`, since GitHub
 * resolves them there; no `partialFingerprints` (the upload action computes the one GitHub uses from the checked-out
 * file) and no `automationDetails` unless a category is asked for (it would override the action's `category:`).
 * Nothing in the output depends on the machine or the time, so the same results give the same bytes.
 */
export const sarif: Formatter = (results, context) => {
  const descriptors = new RuleDescriptors(context.rules);
  const repositoryRoot = context.repositoryRoot ?? context.cwd;
  const sarifResults: Result[] = [];
  for (const result of results) {
    const artifactLocation = artifactLocationOf(resolve(context.cwd, result.filePath), repositoryRoot);
    // Suppressed findings are results too, with their suppressions (GitHub shows them as dismissed), in the order
    // of the file: a suppressed finding among the others where it is written.
    const findings = [...result.findings, ...(result.suppressedFindings ?? [])].sort(compareFindings);
    for (const finding of findings) {
      sarifResults.push({
        ruleId: finding.ruleId,
        ...descriptors.referenceOf(finding.ruleId, finding.severity),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation, region: regionOf(finding) } }],
        ...(finding.suppressions !== undefined && {
          suppressions: finding.suppressions.map((suppression) => ({
            kind: suppression.kind,
            status: 'accepted' as const,
            justification: suppression.justification,
          })),
        }),
      });
    }
  }
  const run: Run = {
    tool: {
      driver: {
        name: 'sagelint',
        semanticVersion: context.toolVersion,
        informationUri: INFORMATION_URI,
        rules: descriptors.list,
      },
      ...(descriptors.extensions.length > 0 && { extensions: descriptors.extensions }),
    },
    ...automationDetails(context),
    // SARIF §3.14.27 requires it when there are results; our columns count UTF-16 code units (STYLE §2).
    columnKind: 'utf16CodeUnits',
    // Always present, even when empty: the upload action throws on a run without `results`.
    results: sarifResults,
  };
  const log: Log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
  return JSON.stringify(log, null, 2);
};

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The repository the rules document belongs to (`https://github.com/owner/name`), from rules.md's URL. */
export const INFORMATION_URI: string = RULES_DOC_URL.replace(/\/blob\/.*$/, '');

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

/** GitHub's `problem.severity`, for rules that are not security rules. */
const PROBLEM_SEVERITY: Readonly<Record<Severity, 'error' | 'warning' | 'recommendation'>> = {
  error: 'error',
  warning: 'warning',
  info: 'recommendation',
};

/**
 * The security rules and their `security-severity`, which GitHub maps to CVSS bands: 9.0–10 critical, 7.0–8.9 high,
 * 4.0–6.9 medium, 0.1–3.9 low. A rule is a security rule when it guards a security control of the job: the network
 * boundary, encryption keys, the identity the job runs as, the provenance of the image it runs, where its data
 * lives. The score says what a finding costs when it ships:
 *
 * - high: the job's containers can reach the internet with the monitored data (`require-network-isolation`);
 * - medium: the control is weaker than the organisation asks for, though the job still runs: an image from an
 *   unapproved registry or not the Clarify account's, traffic outside the VPC or unencrypted between instances, keys
 *   from an unapproved account, data encrypted with keys nobody controls;
 * - low: a control is named in a form that fails at deployment (a malformed role ARN, KMS key id, VPC id, S3 URI, a
 *   service-linked role) or may silently change (a volume key given by alias): the weakness is a job that does not
 *   run, or runs with a key nobody meant.
 *
 * Rules about consistency or capacity (partitions, regions, instance types, a volume key on local storage, which
 * SageMaker rejects while the disks stay encrypted in hardware) are not security rules.
 */
export const SECURITY_SEVERITY: Readonly<Record<string, string>> = {
  'require-network-isolation': '7.5',
  'valid-image-uri': '6.5',
  'no-unapproved-image-registry': '6.5',
  'require-vpc-config': '5.3',
  'require-inter-container-encryption': '5.3',
  'no-unapproved-kms-account': '5.0',
  'require-volume-kms-key': '4.3',
  'require-output-kms-key': '4.3',
  'no-volume-kms-alias': '3.7',
  'valid-role-arn': '3.1',
  'no-service-linked-role': '3.1',
  'valid-kms-key-id': '3.1',
  'valid-vpc-ids': '2.6',
  'valid-s3-uri': '2.6',
};

/**
 * The rules that check the definition against the API model's own constraints (its JSON Schema): a finding breaks
 * a constraint AWS publishes, hence `very-high` precision. Every other rule is `high`.
 */
const SCHEMA_RULE_IDS: ReadonlySet<string> = new Set([
  'no-unknown-members',
  'require-members',
  'valid-collection-size',
  'valid-enum-value',
  'valid-number-range',
  'valid-string-length',
  'valid-string-pattern',
  'valid-value-type',
]);

/** What `tool.driver.rules` says of the reserved ids (rules.md, "Reserved ids"), listed when a result uses one. */
const RESERVED_DESCRIPTIONS: Readonly<Record<string, { title: string; description: string }>> = {
  [RESERVED_RULE_IDS.parseError]: {
    title: 'Write well-formed JSON or YAML',
    description: 'The file is not well-formed JSON or YAML: a syntax error, a comment or trailing comma in JSON, a duplicate key, an empty file.',
  },
  [RESERVED_RULE_IDS.readError]: {
    title: 'Keep linted files readable',
    description: 'The file could not be read as text (permissions, binary content, invalid UTF-8), or a directory under a linted one could not be walked.',
  },
  [RESERVED_RULE_IDS.internalError]: {
    title: 'sagelint failed on this file',
    description: 'A rule threw an exception: a bug in sagelint. The other rules and files were still linted. Please report it with the file.',
  },
  [RESERVED_RULE_IDS.suppressionWithoutReason]: {
    title: 'Give every suppression a reason',
    description: 'An in-file suppression gives no reason: a comment without " -- <reason>", a Metadata.sagelint.ignore entry without "reason". The suppression still applies.',
  },
  [RESERVED_RULE_IDS.suppressionUnknownRule]: {
    title: 'Suppress rules that exist',
    description: 'An in-file suppression names a rule sagelint does not know (a typo, a rule of another tool), or a Metadata.sagelint.ignore entry names no rule.',
  },
  [RESERVED_RULE_IDS.unusedSuppression]: {
    title: 'Remove suppressions that suppress nothing',
    description: 'An in-file suppression suppressed no finding: the finding was fixed, or the rule is off. Reported only when asked for, at the severity asked for.',
  },
};

/** GitHub cuts nothing: a description over 1024 characters rejects the upload. */
const MAX_DESCRIPTION = 1024;

interface RuleProperties {
  tags: string[];
  precision: 'very-high' | 'high';
  'problem.severity'?: 'error' | 'warning' | 'recommendation';
  'security-severity'?: string;
}

/**
 * `tool.driver.rules`: the enabled built-in rules in their order, then the other ids results use, as they first
 * occur. Each plugin is a `tool.extensions` entry with its own rules; a result of a plugin rule names its component
 * (`rule.toolComponent.index`), as SARIF §3.52.7 asks, and `ruleIndex` counts in the driver's list only.
 */
class RuleDescriptors {
  readonly list: ReportingDescriptor[] = [];
  readonly extensions: ToolComponent[] = [];
  readonly #byId = new Map<string, { index: number; component?: number }>();

  constructor(rules: readonly EnabledRule[]) {
    for (const { rule, severity } of rules) {
      const facts: RuleFacts = {
        id: rule.id,
        title: rule.title,
        description: rule.description,
        rationale: rule.docs.rationale,
        ...(rule.docs.url !== undefined && { url: rule.docs.url }),
        severity,
        precision: SCHEMA_RULE_IDS.has(rule.id) ? 'very-high' : 'high',
      };
      if (rule.plugin === undefined) this.#add(describeRule(facts));
      else this.#addToExtension(rule.plugin, describeRule(facts));
    }
  }

  /** Where a result's rule is described: `ruleIndex`, or `rule` for a plugin's. Unknown ids join the driver's list. */
  referenceOf(ruleId: string, severity: Severity): Pick<Result, 'ruleIndex' | 'rule'> {
    const known = this.#byId.get(ruleId);
    if (known?.component !== undefined) return { rule: { id: ruleId, index: known.index, toolComponent: { index: known.component } } };
    if (known !== undefined) return { ruleIndex: known.index };
    const reserved = RESERVED_DESCRIPTIONS[ruleId];
    return {
      ruleIndex: this.#add(
        describeRule(
          reserved === undefined
            ? // A rule the context does not list (a caller's own rule set): named, so that ruleIndex still holds.
              { id: ruleId, title: ruleId, description: `Findings of the rule ${ruleId}.`, rationale: '', url: `${RULES_DOC_URL}#${ruleId}`, severity, precision: 'high' }
            : // Reserved ids at the severity they are reported at: errors, but the suppression ones are warnings.
              { id: ruleId, ...reserved, rationale: reserved.description, url: `${RULES_DOC_URL}#reserved-ids`, severity, precision: 'very-high' },
        ),
      ),
    };
  }

  #add(descriptor: ReportingDescriptor): number {
    this.list.push(descriptor);
    this.#byId.set(descriptor.id, { index: this.list.length - 1 });
    return this.list.length - 1;
  }

  #addToExtension(plugin: RulePlugin, descriptor: ReportingDescriptor): void {
    let component = this.extensions.findIndex((extension) => extension.name === plugin.name);
    if (component === -1) {
      this.extensions.push({
        name: plugin.name,
        ...(plugin.version !== undefined && { semanticVersion: plugin.version }),
        ...(plugin.informationUri !== undefined && { informationUri: plugin.informationUri }),
        rules: [],
      });
      component = this.extensions.length - 1;
    }
    const rules = this.extensions[component]?.rules ?? [];
    rules.push(descriptor);
    this.#byId.set(descriptor.id, { index: rules.length - 1, component });
  }
}

interface RuleFacts {
  id: string;
  title: string;
  description: string;
  /** Markdown. */
  rationale: string;
  /** The rule's docs; a plugin's rule may have none. */
  url?: string;
  severity: Severity;
  precision: RuleProperties['precision'];
}

function describeRule(facts: RuleFacts): ReportingDescriptor {
  const securitySeverity = SECURITY_SEVERITY[facts.id];
  const properties: RuleProperties = {
    tags: ['sagemaker', 'model-monitor', ...(securitySeverity === undefined ? [] : ['security'])],
    precision: facts.precision,
    ...(securitySeverity === undefined
      ? { 'problem.severity': PROBLEM_SEVERITY[facts.severity] }
      : { 'security-severity': securitySeverity }),
  };
  const rationale = facts.rationale === '' ? facts.description : facts.rationale;
  return {
    id: facts.id,
    name: pascalCase(facts.id),
    shortDescription: { text: truncate(facts.title) },
    fullDescription: { text: truncate(facts.description) },
    help:
      facts.url === undefined
        ? { text: plainText(rationale), markdown: rationale }
        : {
            text: `${plainText(rationale)}\n\nDocumentation: ${facts.url}`,
            markdown: `${rationale}\n\n[${facts.id} in ${facts.id.includes('/') ? 'the plugin' : "sagelint"}'s rules](${facts.url})`,
          },
    ...(facts.url !== undefined && { helpUri: facts.url }),
    defaultConfiguration: { level: LEVEL[facts.severity] },
    properties,
  };
}

/** `require-network-isolation` → `RequireNetworkIsolation`, the form SARIF's examples give `name`. */
function pascalCase(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

function truncate(text: string): string {
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
}

/**
 * Markdown links as `label (url)`, for `help.text`, which is shown as written. Only web links: a bracket and a
 * parenthesis in a quoted pattern (`[a-z](-*[a-z])`) are left alone.
 */
function plainText(markdown: string): string {
  return markdown.replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 ($2)');
}

/**
 * The file as GitHub finds it: relative to the repository root, `/`-separated, each segment percent-encoded
 * (a space is `%20`), under `%SRCROOT%`. A file outside the repository has no such path: it gets its absolute
 * `file:` URI, which GitHub cannot anchor but a person can still follow.
 */
function artifactLocationOf(filePath: string, repositoryRoot: string): { uri: string; uriBaseId?: string } {
  const path = relative(repositoryRoot, filePath);
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) {
    return { uri: pathToFileURL(filePath).href };
  }
  return { uri: path.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function regionOf(finding: Finding): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  // Both 1-based with an exclusive end column, as SARIF's (§3.30.5–3.30.8).
  return { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn };
}

/** `{ id: 'category/' }` when a category is given: the trailing slash leaves the run id to GitHub. */
function automationDetails(context: FormatterContext): { automationDetails?: { id: string } } {
  const category = context.sarifCategory;
  if (category === undefined || category === '') return {};
  return { automationDetails: { id: category.endsWith('/') ? category : `${category}/` } };
}
