/**
 * The `github` format: workflow commands that GitHub Actions turns into annotations. Fixed results in, output
 * compared with a checked-in file; then every line is parsed back the way the runner reads it.
 */
import { describe, expect, it } from 'vitest';
import type { FormatterContext } from '../../src/formatters/formatter.js';
import { github } from '../../src/formatters/github.js';
import type { LintResult } from '../../src/types.js';
import { fixedResult, PATTERN_FINDING, TAG_FINDING, TRAILING_COMMA_FINDING, UNKNOWN_FAMILY_FINDING } from '../support/fixed-results.js';

/** Linted from a package inside the repository: `file=` is relative to the repository root, not the cwd. */
const CONTEXT: FormatterContext = {
  cwd: '/project/service',
  repositoryRoot: '/project',
  color: false,
  codeFrame: false,
  rules: [],
  toolVersion: '0.0.0-test',
};

const RESULTS: LintResult[] = [
  fixedResult('/project/service/monitors/a.yaml', [PATTERN_FINDING, UNKNOWN_FAMILY_FINDING, TAG_FINDING]),
  fixedResult('/project/service/monitors/clean.json', []),
  fixedResult('/project/service/team a,b/bias job.json', [TRAILING_COMMA_FINDING], { definitionCount: 0 }),
];

interface Command {
  command: string;
  properties: Record<string, string>;
  data: string;
}

/** Undoes `escapeData` / `escapeProperty` in one pass, so that `%253A` comes back as `%3A`. */
function unescape(value: string): string {
  const codes: Record<string, string> = { '%25': '%', '%0D': '\r', '%0A': '\n', '%3A': ':', '%2C': ',' };
  return value.replace(/%(?:25|0D|0A|3A|2C)/g, (code) => codes[code] ?? code);
}

/** Reads a line as the runner does: `::command key=value,…::data`, with no raw `:` in the properties. */
function parseCommand(line: string): Command {
  const match = /^::([a-z]+) ([^:\r\n]*)::([^\r\n]*)$/.exec(line);
  if (match === null) throw new Error(`not a workflow command: ${JSON.stringify(line)}`);
  const [, command = '', list = '', data = ''] = match;
  const properties: Record<string, string> = {};
  for (const property of list.split(',')) {
    const equals = property.indexOf('=');
    expect(equals).toBeGreaterThan(0);
    const key = property.slice(0, equals);
    expect(properties).not.toHaveProperty(key);
    properties[key] = unescape(property.slice(equals + 1));
  }
  return { command, properties, data: unescape(data) };
}

/** What each finding should read back as, in the order of the results. */
function expectedCommands(results: readonly LintResult[], file: (filePath: string) => string): Command[] {
  const commands = { error: 'error', warning: 'warning', info: 'notice' } as const;
  return results.flatMap((result) =>
    result.findings.map((finding) => ({
      command: commands[finding.severity],
      properties: {
        file: file(result.filePath),
        line: String(finding.line),
        endLine: String(finding.endLine),
        col: String(finding.column),
        endColumn: String(finding.endColumn),
        title: `sagelint(${finding.ruleId})`,
      },
      data: finding.message,
    })),
  );
}

function lines(output: string): string[] {
  expect(output.endsWith('\n')).toBe(true);
  return output.slice(0, -1).split('\n');
}

describe('github', () => {
  it('writes one workflow command per finding', async () => {
    await expect(github(RESULTS, CONTEXT)).toMatchFileSnapshot('./__expected__/github.txt');
  });

  it('writes lines that parse back to the findings, paths from the repository root', () => {
    const output = github(RESULTS, CONTEXT);
    expect(lines(output).map(parseCommand)).toEqual(
      expectedCommands(RESULTS, (filePath) => filePath.slice('/project/'.length)),
    );
  });

  it('escapes as @actions/core does, `%` first', () => {
    const output = github(RESULTS, CONTEXT);
    expect(output).toContain('::notice file=service/monitors/a.yaml,line=8,endLine=9,col=5,endColumn=23,title=sagelint(example-tag-owner)::');
    expect(output).toContain('Tags[0] is "team: ml, 100%25"; an owner tag is also customary.%0ASee ]]> & <owner> in "rules.md".\n');
    expect(output).toContain('::error file=service/team a%2Cb/bias job.json,line=2,');
    expect(output).toContain('{0,62}$.\n');
  });

  it('escapes CR, and escapes that are already in the text', () => {
    const result: LintResult = {
      filePath: '/project/service/50%25:x.json',
      findings: [
        { ruleId: 'example', severity: 'warning', message: 'a\r\nb %0A c::d', line: 1, column: 1, endLine: 1, endColumn: 2 },
      ],
      errorCount: 0,
      warningCount: 1,
      infoCount: 0,
      fatalErrorCount: 0,
      definitionCount: 1,
    };
    const output = github([result], CONTEXT);
    expect(output).toBe(
      '::warning file=service/50%2525%3Ax.json,line=1,endLine=1,col=1,endColumn=2,title=sagelint(example)::a%0D%0Ab %250A c::d\n',
    );
    expect(lines(output).map(parseCommand)).toEqual(expectedCommands([result], () => 'service/50%25:x.json'));
  });

  it('takes paths from the cwd when there is no repository root', () => {
    const { repositoryRoot: _, ...withoutRoot } = CONTEXT;
    const output = github(RESULTS, withoutRoot);
    expect(lines(output).map(parseCommand)).toEqual(
      expectedCommands(RESULTS, (filePath) => filePath.slice('/project/service/'.length)),
    );
  });

  it('writes nothing at all when there is no finding', () => {
    expect(github([], CONTEXT)).toBe('');
    expect(github(RESULTS.filter((result) => result.findings.length === 0), CONTEXT)).toBe('');
  });
});
