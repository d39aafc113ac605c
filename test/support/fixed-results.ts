/**
 * Fixed findings and results the formatter tests share: real messages with what each format must escape (quotes,
 * `]]>`, `&`, `<`, a line break, a path with a space and a comma).
 */
import { countFindings } from '../../src/engine/findings.js';
import type { Finding, LintResult } from '../../src/types.js';

export const PATTERN_FINDING: Finding = {
  ruleId: 'valid-string-pattern',
  severity: 'error',
  message: 'JobDefinitionName "churn_model_bias" does not match the pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$.',
  line: 1,
  column: 20,
  endLine: 1,
  endColumn: 36,
  pointer: '/JobDefinitionName',
};

export const UNKNOWN_FAMILY_FINDING: Finding = {
  ruleId: 'no-unknown-instance-family',
  severity: 'warning',
  message: 'InstanceType "ml.m9.xlarge" is of the family m9, which is not in the instance type list bundled with sagelint; it may be newer.',
  line: 4,
  column: 19,
  endLine: 4,
  endColumn: 31,
  pointer: '/JobResources/ClusterConfig/InstanceType',
};

/** Over two lines, with characters XML and workflow commands escape. */
export const TAG_FINDING: Finding = {
  ruleId: 'example-tag-owner',
  severity: 'info',
  message: 'Tags[0] is "team: ml, 100%"; an owner tag is also customary.\nSee ]]> & <owner> in "rules.md".',
  line: 8,
  column: 5,
  endLine: 9,
  endColumn: 23,
  pointer: '/Tags/0',
};

export const TRAILING_COMMA_FINDING: Finding = {
  ruleId: 'parse-error',
  severity: 'error',
  message: 'Unexpected trailing comma: expected a property name or "}".',
  line: 2,
  column: 26,
  endLine: 2,
  endColumn: 27,
  fatal: true,
};

/** A result with its counts computed from its findings, as the engine's are; one definition unless told. */
export function fixedResult(
  filePath: string,
  findings: Finding[],
  extra: { definitionCount?: number; suppressedFindings?: Finding[]; source?: string } = {},
): LintResult {
  return {
    filePath,
    findings,
    ...(extra.suppressedFindings !== undefined && { suppressedFindings: extra.suppressedFindings }),
    ...countFindings(findings),
    definitionCount: extra.definitionCount ?? 1,
    ...(extra.source !== undefined && { source: extra.source }),
  };
}
