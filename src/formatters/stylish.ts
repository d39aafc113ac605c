import { relative, sep } from 'node:path';
import { LineIndex } from '../loaders/source-document.js';
import type { Finding, LintResult, Severity } from '../types.js';
import { plural } from '../values.js';
import type { Formatter, FormatterContext } from './formatter.js';

const ANSI = { red: 31, yellow: 33, blue: 34, green: 32, dim: 2, bold: 1, underline: 4 } as const;
type Style = keyof typeof ANSI;

const SEVERITY_STYLE: Readonly<Record<Severity, Style>> = { error: 'red', warning: 'yellow', info: 'blue' };

/**
 * Findings grouped by file, `line:column  severity  message  rule-id` in aligned columns, then a summary,
 * as ESLint's `stylish`; optionally the source line with a caret under each finding.
 */
export const stylish: Formatter = (results, context) => {
  const paint = (style: Style, text: string): string => (context.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  for (const result of results) {
    if (result.findings.length === 0) continue;
    out.push('', paint('underline', displayPath(result.filePath, context)));
    const rows = result.findings.map((finding) => [
      `${finding.line}:${finding.column}`,
      finding.severity,
      finding.message,
      finding.ruleId,
    ]);
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
    const lines = context.codeFrame && result.source !== undefined ? new LineIndex(result.source) : undefined;
    const gutterWidth = Math.max(...result.findings.map((finding) => String(finding.line).length));
    result.findings.forEach((finding, index) => {
      const [position = '', severity = '', message = ''] = rows[index] ?? [];
      out.push(
        `  ${paint('dim', position.padEnd(widths[0] ?? 0))}  ${paint(SEVERITY_STYLE[finding.severity], severity.padEnd(widths[1] ?? 0))}  ` +
          `${message.padEnd(widths[2] ?? 0)}  ${paint('dim', finding.ruleId)}`,
      );
      if (lines !== undefined && result.source !== undefined) {
        out.push(...codeFrame(result.source, lines, finding, gutterWidth, paint));
      }
    });
  }
  out.push('', summary(results, paint), '');
  return out.join('\n');
};

function displayPath(filePath: string, context: FormatterContext): string {
  const path = relative(context.cwd, filePath) || filePath;
  return path.split(sep).join('/');
}

/** The widest source line a code frame shows; a longer one (minified JSON) is cut around the finding, with `…`. */
const FRAME_WIDTH = 120;
/** How much of a cut line is shown before the finding. */
const FRAME_LEAD = 40;

/** The finding's first line with its number, and carets under the span (to the line's end if it runs on). */
function codeFrame(
  source: string,
  lines: LineIndex,
  finding: Finding,
  gutterWidth: number,
  paint: (style: Style, text: string) => string,
): string[] {
  const line = lines.lineText(source, finding.line);
  const gutter = String(finding.line).padStart(gutterWidth);
  const start = finding.column - 1;
  const end = finding.endLine === finding.line ? finding.endColumn - 1 : line.length;
  const from = line.length <= FRAME_WIDTH ? 0 : Math.max(0, Math.min(start - FRAME_LEAD, line.length - FRAME_WIDTH));
  const to = Math.min(line.length, from + FRAME_WIDTH);
  const before = from > 0 ? '…' : '';
  const text = `${before}${line.slice(from, to)}${to < line.length ? '…' : ''}`;
  // Tabs are copied into the caret line, so the carets line up whatever the terminal's tab width.
  const lead = text.slice(0, before.length + start - from).replace(/[^\t]/g, ' ');
  const carets = '^'.repeat(Math.max(1, Math.min(end, to) - start));
  return [
    `    ${paint('dim', `${gutter} |`)} ${text}`,
    `    ${' '.repeat(gutter.length)} ${paint('dim', '|')} ${lead}${paint(SEVERITY_STYLE[finding.severity], carets)}`,
  ];
}

function summary(results: readonly LintResult[], paint: (style: Style, text: string) => string): string {
  const total = (key: 'errorCount' | 'warningCount' | 'infoCount' | 'definitionCount'): number =>
    results.reduce((sum, result) => sum + result[key], 0);
  const errors = total('errorCount');
  const warnings = total('warningCount');
  const infos = total('infoCount');
  const problems = errors + warnings + infos;
  const withoutDefinition = results.filter((result) => result.definitionCount === 0 && result.findings.length === 0).length;
  const counted = [
    `${results.length} ${plural(results.length, 'file')} linted`,
    `${total('definitionCount')} ${plural(total('definitionCount'), 'definition')}`,
    `${withoutDefinition} ${plural(withoutDefinition, 'file')} without one`,
  ].join(', ');
  if (problems === 0) return paint('green', `✔ No problems (${counted}).`);
  const parts = [`${errors} ${plural(errors, 'error')}`, `${warnings} ${plural(warnings, 'warning')}`];
  if (infos > 0) parts.push(`${infos} info`);
  const line = `✖ ${problems} ${plural(problems, 'problem')} (${parts.join(', ')}); ${counted}.`;
  return paint('bold', paint(errors > 0 ? 'red' : 'yellow', line));
}
