/**
 * In-file suppressions, the last configuration layer (STYLE §4): comment directives in YAML files and
 * `Metadata.sagelint.ignore` entries in CloudFormation templates (JSON or YAML). A suppressed finding leaves
 * `findings` for `suppressedFindings`, with the reason each suppression gives (ESLint's `suppressedMessages`).
 *
 * Comment directives (YAML; JSON holds no comments), on their own line or at the end of one:
 *
 * - `# sagelint-disable-next-line <rule>[, <rule>…] -- <reason>`: findings that start on the next line that is neither
 *   blank nor only a comment;
 * - `# sagelint-disable-line <rule>[, …] -- <reason>`: findings that start on the directive's own line;
 * - `# sagelint-disable <rule>[, …] -- <reason>` … `# sagelint-enable <rule>[, …]`: findings that start after the
 *   disable comment and before the enable comment (to the end of the file when not re-enabled). An enable comment
 *   needs no reason.
 *
 * Without rule ids a directive applies to every rule. Comments are the YAML parser's comment tokens, so a `#` in a
 * quoted string or a block scalar is never one.
 *
 * CloudFormation: `Metadata: { sagelint: { ignore: [{ rule: <id>, reason: <text> }] } }` on a resource suppresses
 * the rule's findings for that resource: those located in it (pointer under `/Resources/<id>`) and those reported for
 * it at a value written elsewhere (a parameter's `Default`); on the template's `Metadata`, in the whole template.
 *
 * Only findings of rules that ran are suppressed: never `parse-error`, `read-error`, `internal-error`, nor the
 * findings about suppressions themselves.
 */
import type { Definition } from '../definitions/definition.js';
import { formatPointer, rangeForPointer, type LineIndex, type ParsedDocument, type Range, type SourceDocument } from '../loaders/source-document.js';
import { builtinRules } from '../rules/index.js';
import { RESERVED_RULE_IDS, type Finding, type Suppression } from '../types.js';

export interface SuppressionOptions {
  /**
   * Honour suppressions written in the linted files (comment directives, `Metadata.sagelint`). Default: true;
   * false ignores them all, as ESLint's `--no-inline-config`.
   */
  inlineConfig?: boolean;
  /**
   * Report a suppression that suppressed nothing (`unused-suppression`), and at which severity. Default: `off`.
   * A suppression naming a rule that is off counts as unused, as in ESLint.
   */
  reportUnusedDirectives?: 'off' | 'warning' | 'error';
  /**
   * Rule ids a directive may name without `suppression-unknown-rule`, beside those of the rules that ran and the
   * reserved ids. Default: the built-in rules' ids.
   */
  knownRuleIds?: Iterable<string>;
  /**
   * Suppressions from the configuration (`overrides[].suppressions`), for files that hold no comments (JSON
   * request bodies): a rule, optionally only at or under a JSON Pointer, and the reason. Applied whatever
   * `inlineConfig` says, since they are not written in the file.
   */
  external?: readonly ExternalSuppression[];
}

export interface ExternalSuppression {
  rule: string;
  /** A JSON Pointer into the document; the finding's value must be at or under it. Undefined: anywhere. */
  pointer?: string;
  reason: string;
}

/** A finding made by a rule that ran, with the definitions it was reported for (several when merged as duplicates). */
export interface Candidate {
  finding: Finding;
  definitions: readonly Definition[];
}

/** What to do with the findings: those kept (directive findings added), and those suppressed. */
export interface SuppressionOutcome {
  findings: Finding[];
  suppressed: Finding[];
}

type Place = (range: Range) => Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>;

type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'metadata';

interface RuleReference {
  id: string;
  range: Range;
  pointer?: string;
}

interface Directive {
  kind: DirectiveKind;
  /** Undefined: every rule. */
  rules: readonly RuleReference[] | undefined;
  /** Undefined when none is given (an empty one counts as none). */
  reason: string | undefined;
  /** The comment, or the Metadata entry. */
  range: Range;
  pointer?: string;
  /** Where the comment starts (1-based). */
  line: number;
  column: number;
  /** `disable-next-line`: the line it applies to, if there is one. */
  targetLine?: number;
  /** Metadata: the document, and the resource (undefined: the whole template). */
  document?: ParsedDocument;
  logicalId?: string;
  /** Rule ids whose findings it suppressed; `*` for a directive without rule ids. */
  used: Set<string>;
}

const DIRECTIVE = /^\s*sagelint-(disable-next-line|disable-line|disable|enable)(?=\s|$)/;

/**
 * Moves the suppressed candidates out of the findings and adds findings about the suppressions themselves.
 * `otherFindings` (problems not made by a rule) are kept as they are.
 */
export function applySuppressions(
  source: SourceDocument,
  lines: LineIndex,
  place: Place,
  candidates: readonly Candidate[],
  otherFindings: readonly Finding[],
  ranRuleIds: ReadonlySet<string>,
  options: SuppressionOptions = {},
): SuppressionOutcome {
  const external = applyExternal(candidates, options.external ?? []);
  const inline = applyInline(source, lines, place, external.kept, otherFindings, ranRuleIds, options);
  const unusedSeverity = options.reportUnusedDirectives ?? 'off';
  const [document] = source.documents;
  const unused =
    unusedSeverity === 'off' || document === undefined
      ? []
      : external.unused.map(
          (entry): Finding => ({
            ruleId: RESERVED_RULE_IDS.unusedSuppression,
            severity: unusedSeverity,
            message:
              `The configuration's suppression of "${entry.rule}"${entry.pointer === undefined ? '' : ` at ${entry.pointer}`} ` +
              'suppresses no finding in this file: remove it, or narrow the files it applies to.',
            // At the value it names when the file has one; else at the file's start.
            ...place(rangeForPointer(source.text, document.root, entry.pointer ?? '', 'key')),
            ...(entry.pointer !== undefined && { pointer: entry.pointer }),
          }),
        );
  return { findings: [...inline.findings, ...unused], suppressed: [...external.suppressed, ...inline.suppressed] };
}

/** Takes out the candidates an external (configured) suppression covers, and says which covered none. */
function applyExternal(
  candidates: readonly Candidate[],
  suppressions: readonly ExternalSuppression[],
): { kept: Candidate[]; suppressed: Finding[]; unused: ExternalSuppression[] } {
  if (suppressions.length === 0) return { kept: [...candidates], suppressed: [], unused: [] };
  const used = new Set<ExternalSuppression>();
  const kept: Candidate[] = [];
  const suppressed: Finding[] = [];
  for (const candidate of candidates) {
    const { finding } = candidate;
    const applied = suppressions.filter(
      (entry) =>
        entry.rule === finding.ruleId &&
        (entry.pointer === undefined ||
          (finding.pointer !== undefined && (finding.pointer === entry.pointer || finding.pointer.startsWith(`${entry.pointer}/`)))),
    );
    if (applied.length === 0) kept.push(candidate);
    else suppressed.push({ ...finding, suppressions: applied.map((entry) => ({ kind: 'external', justification: entry.reason })) });
    for (const entry of applied) used.add(entry);
  }
  return { kept, suppressed, unused: suppressions.filter((entry) => !used.has(entry)) };
}

function applyInline(
  source: SourceDocument,
  lines: LineIndex,
  place: Place,
  candidates: readonly Candidate[],
  otherFindings: readonly Finding[],
  ranRuleIds: ReadonlySet<string>,
  options: SuppressionOptions,
): SuppressionOutcome {
  if (options.inlineConfig === false) return { findings: [...otherFindings, ...candidates.map((candidate) => candidate.finding)], suppressed: [] };
  const directives = [
    ...commentDirectives(source, lines),
    ...metadataDirectives(source, candidates),
  ];
  if (directives.length === 0) return { findings: [...otherFindings, ...candidates.map((candidate) => candidate.finding)], suppressed: [] };

  const findings: Finding[] = [...otherFindings];
  const suppressed: Finding[] = [];
  const blocks = directives.filter((directive) => directive.kind === 'disable' || directive.kind === 'enable');
  for (const candidate of candidates) {
    const applied = ranRuleIds.has(candidate.finding.ruleId) ? suppressorsOf(candidate, directives, blocks) : [];
    if (applied.length === 0) {
      findings.push(candidate.finding);
      continue;
    }
    for (const directive of applied) directive.used.add(directive.rules === undefined ? '*' : candidate.finding.ruleId);
    const suppressions: Suppression[] = applied.map((directive) => ({ kind: 'inSource', justification: directive.reason ?? '' }));
    suppressed.push({ ...candidate.finding, suppressions });
  }
  findings.push(...directiveFindings(directives, ranRuleIds, place, options));
  return { findings, suppressed };
}

/** The directives that suppress a candidate, in the order they are written. */
function suppressorsOf(candidate: Candidate, directives: readonly Directive[], blocks: readonly Directive[]): Directive[] {
  const { finding } = candidate;
  const names = (directive: Directive): boolean =>
    directive.rules === undefined || directive.rules.some((rule) => rule.id === finding.ruleId);
  const before = (directive: Directive): boolean =>
    directive.line < finding.line || (directive.line === finding.line && directive.column < finding.column);
  const applied = new Set<Directive>();
  // A block disable holds until an enable that names the rule (or names none).
  let disabledBy: Directive | undefined;
  for (const directive of blocks) {
    if (!before(directive)) break;
    if (!names(directive)) continue;
    disabledBy = directive.kind === 'disable' ? directive : undefined;
  }
  if (disabledBy !== undefined) applied.add(disabledBy);
  for (const directive of directives) {
    if (!names(directive)) continue;
    if (directive.kind === 'disable-line' && directive.line === finding.line) applied.add(directive);
    else if (directive.kind === 'disable-next-line' && directive.targetLine === finding.line) applied.add(directive);
    else if (directive.kind === 'metadata' && metadataCovers(directive, candidate)) applied.add(directive);
  }
  return directives.filter((directive) => applied.has(directive));
}

/**
 * A template's Metadata covers every finding reported for a definition in it; a resource's covers the findings
 * located in the resource, and those reported only for it (at a value written elsewhere).
 */
function metadataCovers(directive: Directive, candidate: Candidate): boolean {
  const { definitions, finding } = candidate;
  if (definitions.length === 0 || !definitions.every((definition) => definition.document === directive.document)) return false;
  if (directive.logicalId === undefined) return true;
  const resource = formatPointer(['Resources', directive.logicalId]);
  if (finding.pointer !== undefined && (finding.pointer === resource || finding.pointer.startsWith(`${resource}/`))) return true;
  return definitions.every((definition) => definition.pointer === resource);
}

/** The directive comments of a YAML file, in the order written. */
function commentDirectives(source: SourceDocument, lines: LineIndex): Directive[] {
  if (source.format !== 'yaml' || !source.text.includes('sagelint-')) return [];
  const comments = source.comments ?? [];
  // A line whose first non-blank character starts a comment holds nothing else.
  const commentLines = new Set<number>();
  for (const comment of comments) {
    const { line, column } = lines.position(comment.start);
    if (lines.lineText(source.text, line).slice(0, column - 1).trim() === '') commentLines.add(line);
  }
  const lineCount = lines.position(source.text.length).line;
  const directives: Directive[] = [];
  for (const comment of comments) {
    const body = source.text.slice(comment.start + 1, comment.end);
    const match = DIRECTIVE.exec(body);
    if (match === null) continue;
    const kind = match[1] as DirectiveKind;
    const bodyStart = comment.start + 1;
    const rest = body.slice(match[0].length);
    const separator = /(?:^|\s)--(?:\s|$)/.exec(rest);
    const list = separator === null ? rest : rest.slice(0, separator.index);
    const reason = separator === null ? undefined : rest.slice(separator.index + separator[0].length).trim() || undefined;
    const rules: RuleReference[] = [];
    for (const id of list.matchAll(/[^\s,]+/g)) {
      const start = bodyStart + match[0].length + id.index;
      rules.push({ id: id[0], range: { start, end: start + id[0].length } });
    }
    const { line, column } = lines.position(comment.start);
    const directive: Directive = {
      kind,
      rules: rules.length === 0 ? undefined : rules,
      reason,
      range: { start: comment.start, end: comment.start + 1 + body.trimEnd().length },
      line,
      column,
      used: new Set(),
    };
    if (kind === 'disable-next-line') {
      for (let next = line + 1; next <= lineCount; next += 1) {
        if (lines.lineText(source.text, next).trim() === '' || commentLines.has(next)) continue;
        directive.targetLine = next;
        break;
      }
    }
    directives.push(directive);
  }
  return directives;
}

/** The `Metadata.sagelint.ignore` entries of the templates that hold linted resources: the template's, then each resource's. */
function metadataDirectives(source: SourceDocument, candidates: readonly Candidate[]): Directive[] {
  const documents = new Set<ParsedDocument>();
  for (const candidate of candidates) {
    for (const definition of candidate.definitions) if (definition.kind === 'cfn-resource') documents.add(definition.document);
  }
  const directives: Directive[] = [];
  for (const document of source.documents) {
    if (!documents.has(document) || !isObject(document.value)) continue;
    directives.push(...ignoreEntries(source, document, document.value, [], undefined));
    const resources = document.value['Resources'];
    if (!isObject(resources)) continue;
    for (const [logicalId, resource] of Object.entries(resources)) {
      if (isObject(resource)) directives.push(...ignoreEntries(source, document, resource, ['Resources', logicalId], logicalId));
    }
  }
  return directives;
}

function ignoreEntries(
  source: SourceDocument,
  document: ParsedDocument,
  holder: Record<string, unknown>,
  at: readonly string[],
  logicalId: string | undefined,
): Directive[] {
  const metadata = holder['Metadata'];
  const sagelint = isObject(metadata) ? metadata['sagelint'] : undefined;
  const ignore = isObject(sagelint) ? sagelint['ignore'] : undefined;
  if (ignore === undefined) return [];
  const range = (pointer: string): Range => rangeForPointer(source.text, document.root, pointer, 'value');
  const entries = Array.isArray(ignore) ? ignore : [ignore];
  return entries.map((entry: unknown, index): Directive => {
    const pointer = formatPointer([...at, 'Metadata', 'sagelint', 'ignore', ...(Array.isArray(ignore) ? [index] : [])]);
    const rule = isObject(entry) ? entry['rule'] : undefined;
    const reason = isObject(entry) ? entry['reason'] : undefined;
    const rulePointer = `${pointer}/rule`;
    const entryRange = range(pointer);
    return {
      kind: 'metadata',
      // An entry without a rule id suppresses nothing: it is reported as naming no rule.
      rules: [{ id: typeof rule === 'string' ? rule : '', range: typeof rule === 'string' ? range(rulePointer) : entryRange, pointer: typeof rule === 'string' ? rulePointer : pointer }],
      reason: typeof reason === 'string' && reason.trim() !== '' ? reason.trim() : undefined,
      range: entryRange,
      pointer,
      line: 0,
      column: 0,
      document,
      ...(logicalId !== undefined && { logicalId }),
      used: new Set(),
    };
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The findings about the directives: no reason, an unknown rule, and (when asked) suppressing nothing. */
function directiveFindings(
  directives: readonly Directive[],
  ranRuleIds: ReadonlySet<string>,
  place: Place,
  options: SuppressionOptions,
): Finding[] {
  const known = new Set<string>([
    ...ranRuleIds,
    ...(options.knownRuleIds ?? builtinRules.map((rule) => rule.id)),
    ...Object.values(RESERVED_RULE_IDS),
  ]);
  const unusedSeverity = options.reportUnusedDirectives ?? 'off';
  const findings: Finding[] = [];
  const at = (range: Range, pointer: string | undefined): Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn' | 'pointer'> => ({
    ...place(range),
    ...(pointer !== undefined && { pointer }),
  });
  for (const directive of directives) {
    const ruleId = directive.rules?.[0]?.id ?? '';
    const name =
      directive.kind !== 'metadata'
        ? `The sagelint-${directive.kind} comment`
        : ruleId === ''
          ? 'The Metadata.sagelint.ignore entry'
          : `The Metadata.sagelint.ignore entry for "${ruleId}"`;
    if (directive.kind !== 'enable' && directive.reason === undefined) {
      findings.push({
        ruleId: RESERVED_RULE_IDS.suppressionWithoutReason,
        severity: 'warning',
        message:
          directive.kind === 'metadata'
            ? `${name} gives no reason: add one as "reason".`
            : `${name} gives no reason: add one after " -- ".`,
        ...at(directive.range, directive.pointer),
      });
    }
    const unknown = (directive.rules ?? []).filter((rule) => !known.has(rule.id));
    for (const rule of unknown) {
      findings.push({
        ruleId: RESERVED_RULE_IDS.suppressionUnknownRule,
        severity: 'warning',
        message:
          rule.id === ''
            ? `${name} names no rule: add one as "rule".`
            : directive.kind === 'metadata'
              ? `The Metadata.sagelint.ignore entry names "${rule.id}", which is not a sagelint rule.`
              : `${name} names "${rule.id}", which is not a sagelint rule.`,
        ...at(rule.range, rule.pointer),
      });
    }
    if (unusedSeverity === 'off' || directive.kind === 'enable') continue;
    if (directive.rules === undefined) {
      if (directive.used.size === 0) {
        findings.push({
          ruleId: RESERVED_RULE_IDS.unusedSuppression,
          severity: unusedSeverity,
          message: `${name} suppresses no finding: remove it.`,
          ...at(directive.range, directive.pointer),
        });
      }
      continue;
    }
    const unused = directive.rules.filter((rule) => known.has(rule.id) && !directive.used.has(rule.id));
    if (unused.length === 0) continue;
    if (unused.length === directive.rules.length) {
      findings.push({
        ruleId: RESERVED_RULE_IDS.unusedSuppression,
        severity: unusedSeverity,
        message:
          directive.kind === 'metadata'
            ? `${name} suppresses no finding: remove it.`
            : `${name} suppresses no finding of ${unused.map((rule) => `"${rule.id}"`).join(', ')}: remove it.`,
        ...at(directive.range, directive.pointer),
      });
      continue;
    }
    for (const rule of unused) {
      findings.push({
        ruleId: RESERVED_RULE_IDS.unusedSuppression,
        severity: unusedSeverity,
        message: `${name} suppresses no finding of "${rule.id}": remove it from the list.`,
        ...at(rule.range, rule.pointer),
      });
    }
  }
  return findings;
}
