import type { Finding, LintResult } from '../types.js';
import { compareText } from '../values.js';

/** The order findings are reported in: by position, then rule id, then the rest so that the order is total. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    compareText(a.message, b.message)
  );
}

/** A result's counts, from its findings. */
export function countFindings(findings: readonly Finding[]): Pick<LintResult, 'errorCount' | 'warningCount' | 'infoCount' | 'fatalErrorCount'> {
  const count = (severity: Finding['severity']): number => findings.filter((finding) => finding.severity === severity).length;
  return {
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    fatalErrorCount: findings.filter((finding) => finding.fatal === true).length,
  };
}
