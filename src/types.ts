/** Public types of sagelint's programmatic API. */

export type Severity = 'error' | 'warning' | 'info';

/**
 * The kinds of definition a rule can apply to: a `CreateModelBiasJobDefinition` request body, or an
 * `AWS::SageMaker::ModelBiasJobDefinition` resource in a CloudFormation template (CDK output included).
 */
export type DefinitionKind = 'api-request' | 'cfn-resource';

/** Rule ids that no rule file owns: problems with the input itself, or with sagelint. */
export const RESERVED_RULE_IDS = {
  /** The file is not well-formed JSON or YAML (syntax error, duplicate key, empty file, alias bomb). */
  parseError: 'parse-error',
  /** The file (or a directory under a linted one) could not be read: permissions, binary content, a loop. */
  readError: 'read-error',
  /** A rule threw: a bug in sagelint or a plugin. The run exits with code 2. */
  internalError: 'internal-error',
  /**
   * An in-file suppression gives no reason: a comment without ` -- <reason>`, a `Metadata.sagelint.ignore` entry
   * without `reason`. A warning at the directive; the suppression still applies.
   */
  suppressionWithoutReason: 'suppression-without-reason',
  /**
   * An in-file suppression names a rule sagelint does not know (a typo, a rule of another tool), or a
   * `Metadata.sagelint.ignore` entry names no rule. A warning at the rule id. A rule that exists but is off is fine.
   */
  suppressionUnknownRule: 'suppression-unknown-rule',
  /**
   * An in-file suppression suppressed nothing (the finding was fixed, or the rule is off): reported only when asked
   * (`reportUnusedDirectives`), at the severity asked for.
   */
  unusedSuppression: 'unused-suppression',
} as const;

/**
 * Why a finding is suppressed. `inSource`: a comment directive or a `Metadata.sagelint.ignore` entry in the linted
 * file (SARIF's `inSource`; ESLint's `directive`). `external`: configuration outside the file.
 */
export interface Suppression {
  kind: 'inSource' | 'external';
  /** The reason the suppression gives; empty when it gives none. */
  justification: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** One sentence: what is wrong, quoting the value, and what was expected. */
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  endLine: number;
  /** Exclusive. */
  endColumn: number;
  /** JSON Pointer of the value in its document, when the finding is about a value. */
  pointer?: string;
  /** True when the file could not be linted at all (unreadable, not well-formed). */
  fatal?: true;
  /** On a finding in `LintResult.suppressedFindings`: the suppressions that apply to it, in the order written. */
  suppressions?: Suppression[];
}

export interface LintResult {
  /** Absolute path of the linted file, or the `filePath` given to `lintText`. */
  filePath: string;
  /** Sorted by line, column and rule id. Suppressed findings are not among them. */
  findings: Finding[];
  /**
   * Findings that an in-file suppression hides (ESLint's `suppressedMessages`), sorted as `findings`, each with its
   * `suppressions`. Present only when there are some. Not counted in the counts below; text formats do not show them.
   */
  suppressedFindings?: Finding[];
  /** Counts of `findings` by severity. */
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fatalErrorCount: number;
  /** How many bias job definitions the file holds; 0 for files that hold none, which get no finding. */
  definitionCount: number;
  /** The text that was linted, for formatters that show code frames; present when there are findings. */
  source?: string;
}
