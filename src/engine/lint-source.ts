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
import { valueAt } from '../rule-support/shapes.js';
import { RESERVED_RULE_IDS, type Finding, type LintResult, type Severity } from '../types.js';
import { compareText } from '../values.js';
import { compareFindings, countFindings } from './findings.js';
import { applySuppressions, type Candidate, type SuppressionOptions } from './suppressions.js';

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
    for (const variant of definition.variants) {
      const context = new DefinitionContext(definition, variant, source.text);
      for (const { rule, severity, options: ruleOptions } of rules) {
        if (!rule.appliesTo.includes(definition.kind)) continue;
        const reports: Report[] = [];
        try {
          rule.check(context.for(reports, ruleOptions));
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
  const ranRuleIds = new Set(rules.map(({ rule }) => rule.id));
  const outcome = applySuppressions(source, lines, place, dedupe(candidates), findings, ranRuleIds, options);
  return summarize(source, dedupeAndSort(outcome.findings), definitions.length, outcome.suppressed.sort(compareFindings));
}

/** Per-variant state shared by its rules: the schema violations are computed once. */
class DefinitionContext {
  private violations: SchemaViolation[] | undefined;

  constructor(
    private readonly definition: Definition,
    private readonly variant: Variant,
    private readonly text: string,
  ) {}

  for(reports: Report[], options: unknown): RuleContext<unknown> {
    const { definition, variant } = this;
    return {
      kind: definition.kind,
      propertiesPointer: definition.kind === 'cfn-resource' ? '/Properties' : '',
      options,
      label: definition.label,
      value: variant.value,
      model: definition.schema.model,
      template: definition.template,
      isUnknown: (pointer) => this.isUnknown(pointer),
      valueAt: (pointer) => valueAt(variant.value, pointer),
      sourceText: (pointer) => {
        const placed = this.place({ at: pointer, message: '' });
        const node = placed && nodeForPointer(definition.document.root, placed.pointer);
        return node?.kind === 'scalar' ? this.text.slice(node.range.start, node.range.end) : undefined;
      },
      schemaViolations: () => this.schemaViolations(),
      report: (report) => {
        reports.push(report);
      },
    };
  }

  /** Whether the pointer or one of its ancestors is unknown: a lookup per level, however many unknowns there are. */
  private isUnknown(pointer: string): boolean {
    for (let end = pointer.length; end >= 0; end = pointer.lastIndexOf('/', end - 1)) {
      if (this.variant.unknowns.has(pointer.slice(0, end))) return true;
      if (end === 0) break;
    }
    return false;
  }

  /**
   * Where in the document a report belongs: a value resolved from elsewhere (a parameter's default, a mapping,
   * an `Fn::If` branch) is reported where it is written. Undefined for a value that cannot be known offline.
   */
  place(report: Report): { pointer: string; via?: string } | undefined {
    if (report.absolute === true) return { pointer: report.at };
    if (this.isUnknown(report.at)) return undefined;
    let best: { prefix: string; pointer: string; via?: string } | undefined;
    for (const [prefix, origin] of this.variant.origins) {
      const matches = report.at === prefix || report.at.startsWith(`${prefix}/`) || prefix === '';
      if (matches && (best === undefined || prefix.length > best.prefix.length)) {
        best = { prefix, pointer: origin.pointer, ...(origin.via !== undefined && { via: origin.via }) };
      }
    }
    if (best === undefined) return { pointer: this.definition.pointer + report.at };
    return {
      pointer: best.pointer + report.at.slice(best.prefix.length),
      ...(best.via !== undefined && { via: `${best.via}, used by ${usedBy(best.prefix)}` }),
    };
  }

  private schemaViolations(): SchemaViolation[] {
    if (this.violations === undefined) {
      const { validate } = this.definition.schema;
      validate(this.variant.value);
      this.violations = (validate.errors ?? [])
        // The failures inside `propertyNames` are reported on their own, with the key named.
        .filter((error) => error.keyword !== 'propertyNames')
        .map((error) => ({
          keyword: error.keyword,
          pointer:
            error.propertyName === undefined ? error.instancePath : error.instancePath + formatPointer([error.propertyName]),
          params: { ...error.params },
          isKey: error.propertyName !== undefined,
        }));
    }
    return this.violations;
  }
}

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
    else byKey.set(key, { finding: seen.finding, definitions: [...new Set([...seen.definitions, ...candidate.definitions])] });
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
