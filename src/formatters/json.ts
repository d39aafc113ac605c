import type { Finding, LintResult } from '../types.js';
import type { Formatter } from './formatter.js';

/**
 * The shape of ESLint's `json` formatter, so tools that read ESLint reports (SonarQube's external issues,
 * reviewdog, editors) read ours: `severity` is 2 for errors and 1 otherwise; `severityName` says which
 * (`info` has no ESLint number of its own). Paths are absolute, as ESLint's. Suppressed findings are in
 * `suppressedMessages`, each with its `suppressions` (`{ kind: 'directive', justification }`).
 */
export const json: Formatter = (results) => JSON.stringify(results.map(toEslintResult));

function toEslintResult(result: LintResult): Record<string, unknown> {
  return {
    filePath: result.filePath,
    messages: result.findings.map(toEslintMessage),
    // ESLint's kinds: `directive` for a comment in the file (here also a template's Metadata), `external` otherwise.
    suppressedMessages: (result.suppressedFindings ?? []).map((finding) => ({
      ...toEslintMessage(finding),
      suppressions: (finding.suppressions ?? []).map((suppression) => ({
        kind: suppression.kind === 'inSource' ? 'directive' : 'external',
        justification: suppression.justification,
      })),
    })),
    errorCount: result.errorCount,
    fatalErrorCount: result.fatalErrorCount,
    warningCount: result.warningCount + result.infoCount,
    infoCount: result.infoCount,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    definitionCount: result.definitionCount,
    ...(result.source !== undefined && { source: result.source }),
  };
}

function toEslintMessage(finding: Finding): Record<string, unknown> {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity === 'error' ? 2 : 1,
    severityName: finding.severity,
    message: finding.message,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    ...(finding.fatal && { fatal: true }),
    ...(finding.pointer !== undefined && { pointer: finding.pointer }),
  };
}
