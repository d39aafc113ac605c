import type { Definition } from '../definitions/definition.js';
import type { Variant } from '../definitions/intrinsics.js';
import {
  formatPointer,
  LineIndex,
  nodeForPointer,
  parsePointer,
  rangeForPointer,
  type Range,
  type SourceDocument,
} from '../loaders/source-document.js';
import type { AnyRule, Report, RuleContext, SchemaViolation } from '../rule-support/define-rule.js';
import { childValue } from '../rule-support/shapes.js';
import { RESERVED_RULE_IDS, type Finding, type LintResult, type Severity } from '../types.js';
import { compareText } from '../values.js';
import { compareFindings, countFindings } from './findings.js';
import { applySuppressions, type Candidate, type SuppressionOptions } from './suppressions.js';
import { AncestorIndex } from './ancestor-index.js';
import { VariantChanges } from './variant-changes.js';

/** A rule as the engine runs it: with the severity and options configuration settled on. */
export interface EnabledRule {
  rule: AnyRule;
  severity: Severity;
  options: unknown;
}

/**
 * `inlineConfig`, `reportUnusedDirectives` and `knownRuleIds` govern in-file suppressions (see suppressions.ts):
 * comment directives in YAML, `Metadata.sagelint.ignore` in CloudFormation templates.
 */
export interface LintSourceOptions extends SuppressionOptions {
  /** Problems found with the file before it was linted (a cloud assembly manifest naming a missing template). */
  fileProblems?: readonly { pointer: string; message: string }[];
}

/**
 * Lints one loaded file: runs every enabled rule on each of its definitions (`extractFromSource`), and places the
 * findings. A file that did not parse gets its problems as findings, unless it is a config file with comments or
 * trailing commas (tsconfig.json) that holds no definition even when read leniently. Findings that an in-file
 * suppression hides go to `suppressedFindings`.
 */
export function lintSource(
  source: SourceDocument,
  definitions: readonly Definition[],
  rules: readonly EnabledRule[],
  options: LintSourceOptions = {},
): LintResult {
  const lines = new LineIndex(source.text);
  const findings: Finding[] = [];
  const place = (range: Range): Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'> => {
    const start = lines.position(range.start);
    const end = lines.position(range.end);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  };

  if (source.problems.length > 0) {
    if (source.lenientDocuments !== undefined && definitions.length === 0) return summarize(source, [], 0);
    for (const problem of source.problems) {
      findings.push({
        ruleId: problem.kind === 'read' ? RESERVED_RULE_IDS.readError : RESERVED_RULE_IDS.parseError,
        severity: 'error',
        message: problem.message,
        ...place(problem.range),
        fatal: true,
      });
    }
    return summarize(source, findings, 0);
  }

  const [firstDocument] = source.documents;
  for (const problem of options.fileProblems ?? []) {
    const range = firstDocument === undefined ? { start: 0, end: 0 } : rangeForPointer(source.text, firstDocument.root, problem.pointer, 'value');
    findings.push({ ruleId: RESERVED_RULE_IDS.readError, severity: 'error', message: problem.message, ...place(range), pointer: problem.pointer });
  }

  const candidates: Candidate[] = [];
  for (const definition of definitions) {
    const root = definition.document.root;
    // Variants mostly repeat each other's findings: a report already made for the definition is placed once.
    const reported = new Set<string>();
    const [first] = definition.variants;
    for (const variant of definition.variants) {
      const context = new DefinitionContext(definition, variant, source.text);
      // On a later variant, a rule that says what it reads runs only if the variant differs from the first there:
      // elsewhere it would report again what it reported on the first, which `reported` drops.
      const changes = first === undefined || variant === first ? undefined : new VariantChanges(variant, context.propertiesPointer);
      for (const { rule, severity, options: ruleOptions } of rules) {
        if (!rule.appliesTo.includes(definition.kind)) continue;
        if (changes !== undefined && rule.reads !== undefined && !changes.touches(rule.reads)) continue;
        let reports: readonly Report[];
        try {
          reports = context.check(rule, ruleOptions);
        } catch (error) {
          findings.push({
            ruleId: RESERVED_RULE_IDS.internalError,
            severity: 'error',
            message: `Rule "${rule.id}"${rule.plugin === undefined ? '' : ` of the plugin "${rule.plugin.name}"`} failed: ${error instanceof Error ? error.message : String(error)}`,
            ...place(rangeForPointer(source.text, root, definition.pointer, 'key')),
          });
          continue;
        }
        for (const report of reports) {
          const placed = context.place(report);
          if (placed === undefined) continue;
          // A value written elsewhere (a parameter's Default) is pointed at itself, never at the key that holds it.
          const target = placed.via === undefined ? (report.target ?? 'value') : 'value';
          const key = [rule.id, severity, placed.pointer, target, placed.via ?? '', report.message].join('\0');
          if (reported.has(key)) continue;
          reported.add(key);
          const range = rangeForPointer(source.text, root, placed.pointer, target);
          const finding: Finding = {
            ruleId: rule.id,
            severity,
            message: withContext(report.message, placed.via, definition),
            ...place(range),
            pointer: placed.pointer,
          };
          candidates.push({ finding, definitions: [definition] });
        }
      }
    }
  }
  const outcome = applySuppressions(source, lines, place, dedupe(candidates), findings, ruleIdsOf(rules), options);
  return summarize(source, dedupeAndSort(outcome.findings), definitions.length, outcome.suppressed.sort(compareFindings));
}

/** The ids of a configuration's rules, which every file it applies to asks for: found once per list of rules. */
function ruleIdsOf(rules: readonly EnabledRule[]): ReadonlySet<string> {
  let ids = ruleIdsByRules.get(rules);
  if (ids === undefined) {
    ids = new Set(rules.map(({ rule }) => rule.id));
    ruleIdsByRules.set(rules, ids);
  }
  return ids;
}

const ruleIdsByRules = new WeakMap<readonly EnabledRule[], ReadonlySet<string>>();

/** A rule context as the engine fills it: the rule's options change from one rule to the next. */
type MutableRuleContext = { -readonly [Key in keyof RuleContext<unknown>]: RuleContext<unknown>[Key] };

/** Per-variant state shared by its rules: the schema violations are computed once, the lookups indexed once. */
class DefinitionContext {
  private violations: SchemaViolation[] | undefined;
  private unknowns: AncestorIndex | undefined;
  private origins: AncestorIndex | undefined;
  /**
   * The one context every rule of the variant is given, and where its reports go: rules run one after the other
   * and keep nothing (`Rule.check`), so each finds it with its own options and no reports. Made once per variant:
   * a context for each rule cost more allocation than anything a rule does with it.
   */
  private readonly context: MutableRuleContext;
  private readonly reports: Report[] = [];
  /** Where the job definition's own members start (`RuleContext.propertiesPointer`). */
  readonly propertiesPointer: string;

  constructor(
    private readonly definition: Definition,
    private readonly variant: Variant,
    private readonly text: string,
  ) {
    this.propertiesPointer = definition.kind === 'cfn-resource' ? '/Properties' : '';
    this.context = {
      kind: definition.kind,
      propertiesPointer: this.propertiesPointer,
      options: undefined,
      label: definition.label,
      value: variant.value,
      model: definition.schema.model,
      template: definition.template,
      isUnknown: (pointer) => this.isUnknown(pointer),
      valueAt: (pointer) => this.valueAt(pointer),
      sourceText: (pointer) => {
        const placed = this.place({ at: pointer, message: '' });
        const node = placed && nodeForPointer(definition.document.root, placed.pointer);
        return node?.kind === 'scalar' ? this.text.slice(node.range.start, node.range.end) : undefined;
      },
      schemaViolations: () => this.schemaViolations(),
      report: (report) => {
        this.reports.push(report);
      },
    };
  }

  /** Runs a rule on the variant: its reports, read before the next rule runs. */
  check(rule: AnyRule, options: unknown): readonly Report[] {
    this.reports.length = 0;
    this.context.options = options;
    rule.check(this.context);
    return this.reports;
  }

  /**
   * Rules ask for the same few dozen pointers in every variant (`/Properties/JobResources/ClusterConfig`): each is
   * split into its segments once per run, and the value is walked to, a few member lookups.
   */
  private valueAt(pointer: string): unknown {
    let value = this.variant.value;
    for (const segment of pointerSegments(pointer)) {
      if (value === undefined) break;
      value = childValue(value, segment);
    }
    return value;
  }

  /** Whether the pointer or one of its ancestors is unknown: a lookup, then a few more for its ancestors. */
  private isUnknown(pointer: string): boolean {
    const { unknowns } = this.variant;
    if (unknowns.size === 0) return false;
    // What is asked about and unknown is mostly an unknown value itself (a schema violation at its placeholder).
    if (unknowns.has(pointer)) return true;
    this.unknowns ??= new AncestorIndex(unknowns);
    return this.unknowns.closest(pointer) !== undefined;
  }

  /**
   * Where in the document a report belongs: a value resolved from elsewhere (a parameter's default, a mapping,
   * an `Fn::If` branch) is reported where it is written. Undefined for a value that cannot be known offline.
   */
  place(report: Report): { pointer: string; via?: string } | undefined {
    if (report.absolute === true) return { pointer: report.at };
    if (this.isUnknown(report.at)) return undefined;
    const { origins } = this.variant;
    this.origins ??= new AncestorIndex(origins);
    const prefix = this.origins.closest(report.at);
    const origin = prefix === undefined ? undefined : origins.get(prefix);
    if (prefix === undefined || origin === undefined) return { pointer: this.definition.pointer + report.at };
    return {
      pointer: origin.pointer + report.at.slice(prefix.length),
      ...(origin.via !== undefined && { via: `${origin.via}, used by ${usedBy(prefix)}` }),
    };
  }

  private schemaViolations(): SchemaViolation[] {
    if (this.violations === undefined) {
      const { validate } = this.definition.schema;
      validate(this.variant.value);
      this.violations = [];
      for (const error of validate.errors ?? []) {
        // The failures inside `propertyNames` are reported on their own, with the key named.
        if (error.keyword === 'propertyNames') continue;
        const pointer = error.propertyName === undefined ? error.instancePath : error.instancePath + formatPointer([error.propertyName]);
        // An unknown value stands for any value: what the schema says of its placeholder is no violation.
        if (this.isUnknown(pointer)) continue;
        this.violations.push({ keyword: error.keyword, pointer, params: { ...error.params }, isKey: error.propertyName !== undefined });
      }
    }
    return this.violations;
  }
}

/** The segments of the pointers rules ask for: few, and the same in every variant of every definition. */
function pointerSegments(pointer: string): readonly string[] {
  let segments = segmentsByPointer.get(pointer);
  if (segments === undefined) {
    // Array items and map keys make the pointers of a long run many: bounded, like any cache that lives as long.
    if (segmentsByPointer.size >= MAX_REMEMBERED_POINTERS) segmentsByPointer.clear();
    segments = parsePointer(pointer);
    segmentsByPointer.set(pointer, segments);
  }
  return segments;
}

const segmentsByPointer = new Map<string, readonly string[]>();
const MAX_REMEMBERED_POINTERS = 10_000;

/** `/Properties/ModelBiasJobOutputConfig/MonitoringOutputs/0/S3Output` → `Properties.….MonitoringOutputs[0].S3Output`. */
function usedBy(pointer: string): string {
  return parsePointer(pointer)
    .map((segment, index) => (/^(0|[1-9]\d*)$/.test(segment) ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('');
}

/** Names where a finding's value came from, and for CDK output the stack and construct, so users find their source. */
function withContext(message: string, via: string | undefined, definition: Definition): string {
  const notes: string[] = [];
  if (via !== undefined) notes.push(`from ${via}`);
  const { cdk } = definition;
  if (cdk?.stack !== undefined) notes.push(`stack ${cdk.stack}, construct ${cdk.constructPath}`);
  else if (cdk !== undefined) notes.push(`construct ${cdk.constructPath}`);
  if (notes.length === 0) return message;
  const [sentence, ending] = /[.?!]$/.test(message) ? [message.slice(0, -1), message.slice(-1)] : [message, '.'];
  return `${sentence} (${notes.join('; ')})${ending}`;
}

function findingKey(finding: Finding): string {
  return [finding.ruleId, finding.line, finding.column, finding.endLine, finding.endColumn, finding.message].join('\0');
}

/** One candidate per finding; a finding reported for several definitions (a shared parameter) keeps them all. */
function dedupe(candidates: readonly Candidate[]): Candidate[] {
  const byKey = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const key = findingKey(candidate.finding);
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, candidate);
    else if (!candidate.definitions.every((definition) => seen.definitions.includes(definition))) {
      byKey.set(key, { finding: seen.finding, definitions: [...new Set([...seen.definitions, ...candidate.definitions])] });
    }
  }
  return [...byKey.values()];
}

function dedupeAndSort(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique = findings.filter((finding) => {
    const key = findingKey(finding);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(compareFindings);
}

function summarize(source: SourceDocument, findings: Finding[], definitionCount: number, suppressed: Finding[] = []): LintResult {
  return {
    filePath: source.filePath,
    findings,
    ...(suppressed.length > 0 && { suppressedFindings: suppressed }),
    ...countFindings(findings),
    definitionCount,
    ...(findings.length > 0 && { source: source.text }),
  };
}
