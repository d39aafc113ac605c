import { isAbsolute, relative, sep } from 'node:path';
import type { Finding, LintResult, Severity } from '../types.js';
import type { Formatter, FormatterContext } from './formatter.js';

/** The workflow command for each severity: Actions shows `notice` as a blue annotation. */
const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands, one line per finding, which the runner turns into annotations on the
 * pull request: `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=sagelint(rule)::message`. The file
 * is relative to the repository root, which Actions resolves it against. Nothing else is written: no summary
 * line, and an empty string when there is no finding.
 */
export const github: Formatter = (results, context) =>
  results.flatMap((result) => result.findings.map((finding) => `${command(result, finding, context)}\n`)).join('');

function command(result: LintResult, finding: Finding, context: FormatterContext): string {
  const properties: [string, string | number][] = [
    ['file', repositoryPath(result.filePath, context)],
    ['line', finding.line],
    ['endLine', finding.endLine],
    ['col', finding.column],
    ['endColumn', finding.endColumn],
    ['title', `sagelint(${finding.ruleId})`],
  ];
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${COMMAND[finding.severity]} ${list}::${escapeData(finding.message)}`;
}

/** The path from the repository root (`cwd` when there is none), with `/`. */
function repositoryPath(filePath: string, context: FormatterContext): string {
  const root = context.repositoryRoot ?? context.cwd;
  const path = isAbsolute(filePath) ? relative(root, filePath) || filePath : filePath;
  return path.split(sep).join('/');
}

/** As `@actions/core`'s `escapeData`: `%` first, so that the escapes it writes are not escaped again. */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As `@actions/core`'s `escapeProperty`: `:` and `,` would end the property or the property list. */
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
