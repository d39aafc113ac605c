import type { Definition } from '../definitions/definition.js';
import { extractDefinitions } from '../definitions/extract.js';
import { formatPointer, LineIndex, nodeForPointer, rangeForPointer, type Range, type SourceDocument } from '../loaders/source-document.js';
import type { Report, Rule, RuleContext, SchemaViolation } from '../rule-support/define-rule.js';
import { valueAt } from '../rule-support/shapes.js';
import { RESERVED_RULE_IDS, type Finding, type LintResult, type Severity } from '../types.js';
import { compareText } from '../values.js';

/** A rule as the engine runs it: with the severity configuration settled on. */
export interface EnabledRule {
  rule: Rule;
  severity: Severity;
}

/** Lints one loaded file: finds its definitions, runs every enabled rule on each, and places the findings. */
export function lintSource(source: SourceDocument, rules: readonly EnabledRule[]): LintResult {
  const lines = new LineIndex(source.text);
  const findings: Finding[] = [];
  const place = (range: Range): Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'> => {
    const start = lines.position(range.start);
    const end = lines.position(range.end);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  };

  if (source.problems.length > 0) {
    // A config file with comments or trailing commas (tsconfig.json) that holds no definition is no concern of ours.
    const lenient = source.lenientDocuments;
    if (lenient !== undefined && !lenient.some((document) => extractDefinitions(document).length > 0)) {
      return summarize(source, [], 0);
    }
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

  const definitions = source.documents.flatMap(extractDefinitions);
  for (const definition of definitions) {
    const context = new DefinitionContext(definition, source.text);
    for (const { rule, severity } of rules) {
      if (!rule.appliesTo.includes(definition.kind)) continue;
      const reports: Report[] = [];
      try {
        rule.check(context.for(reports));
      } catch (error) {
        findings.push({
          ruleId: RESERVED_RULE_IDS.internalError,
          severity: 'error',
          message: `Rule "${rule.id}" failed: ${error instanceof Error ? error.message : String(error)}`,
          ...place(rangeForPointer(source.text, definition.document.root, definition.pointer, 'key')),
        });
        continue;
      }
      for (const report of reports) {
        const pointer = definition.pointer + report.at;
        const range = rangeForPointer(source.text, definition.document.root, pointer, report.target ?? 'value');
        findings.push({ ruleId: rule.id, severity, message: report.message, ...place(range), pointer });
      }
    }
  }
  return summarize(source, dedupeAndSort(findings), definitions.length);
}

/** Per-definition state shared by its rules: the schema violations are computed once. */
class DefinitionContext {
  private violations: SchemaViolation[] | undefined;

  constructor(
    private readonly definition: Definition,
    private readonly text: string,
  ) {}

  for(reports: Report[]): RuleContext {
    const { definition } = this;
    return {
      kind: definition.kind,
      value: definition.value,
      model: definition.schema.model,
      valueAt: (pointer) => valueAt(definition.value, pointer),
      sourceText: (pointer) => {
        const node = nodeForPointer(definition.document.root, definition.pointer + pointer);
        return node?.kind === 'scalar' ? this.text.slice(node.range.start, node.range.end) : undefined;
      },
      schemaViolations: () => this.schemaViolations(),
      report: (report) => {
        reports.push(report);
      },
    };
  }

  private schemaViolations(): SchemaViolation[] {
    if (this.violations === undefined) {
      const { validate } = this.definition.schema;
      validate(this.definition.value);
      this.violations = (validate.errors ?? [])
        // The failures inside `propertyNames` are reported on their own, with the key named.
        .filter((error) => error.keyword !== 'propertyNames')
        .map((error) => ({
          keyword: error.keyword,
          pointer: error.propertyName === undefined ? error.instancePath : error.instancePath + formatPointer([error.propertyName]),
          params: { ...error.params },
          isKey: error.propertyName !== undefined,
        }));
    }
    return this.violations;
  }
}

function dedupeAndSort(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique = findings.filter((finding) => {
    const key = [finding.ruleId, finding.line, finding.column, finding.endLine, finding.endColumn, finding.message].join('\0');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(compareFindings);
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    compareText(a.message, b.message)
  );
}

function summarize(source: SourceDocument, findings: Finding[], definitionCount: number): LintResult {
  const count = (severity: Severity): number => findings.filter((finding) => finding.severity === severity).length;
  return {
    filePath: source.filePath,
    findings,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    fatalErrorCount: findings.filter((finding) => finding.fatal === true).length,
    definitionCount,
    ...(findings.length > 0 && { source: source.text }),
  };
}
