/**
 * Bad input is a finding, not an exception (STYLE §5): each case gives exactly one fatal finding, `parse-error`
 * or `read-error`, at the line and column stated; files that merely are not definitions give none.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint, lintText } from '../../src/lint.js';
import { loadText } from '../../src/loaders/load.js';
import type { Finding, LintResult } from '../../src/types.js';

interface Expected {
  ruleId: 'parse-error' | 'read-error';
  line: number;
  /** Left out only where the right column is pinned by an `it.fails` case for a known bug. */
  column?: number;
  endLine?: number;
  endColumn?: number;
  message?: string | RegExp;
}

/** Asserts the result holds exactly one fatal finding matching `expected`, and returns it. */
function expectOneFatal(result: LintResult, expected: Expected): Finding {
  expect(result.findings, `exactly one finding in ${result.filePath}`).toHaveLength(1);
  const [finding] = result.findings;
  if (finding === undefined) throw new Error('unreachable');
  const { message, ...position } = expected;
  expect(finding).toMatchObject({ ...position, severity: 'error', fatal: true });
  if (typeof message === 'string') expect(finding.message).toBe(message);
  else if (message !== undefined) expect(finding.message).toMatch(message);
  expect(result).toMatchObject({ errorCount: 1, warningCount: 0, fatalErrorCount: 1, definitionCount: 0 });
  return finding;
}

const lintAs = (filePath: string, text: string): Promise<LintResult> =>
  Promise.resolve(lintText(text, { filePath, cwd: '/project' }));

describe('JSON syntax errors', () => {
  it('reports an unexpected token where it is', async () => {
    expectOneFatal(await lintAs('a.json', '{\n  "ModelBiasJobInput": {\n    "a": 1 2\n  }\n}\n'), {
      ruleId: 'parse-error',
      line: 3,
      column: 12,
      endLine: 3,
      endColumn: 13,
      message: 'Expected "," or the end of the object or array, found "2".',
    });
  });

  it('reports a syntax error on the right line of a CRLF file', async () => {
    expectOneFatal(await lintAs('a.json', '{\r\n  "ModelBiasJobInput": {\r\n    "a": 1 2\r\n  }\r\n}\r\n'), {
      ruleId: 'parse-error',
      line: 3,
      column: 12,
    });
  });

  it('reports truncated JSON at the end of the file', async () => {
    expectOneFatal(await lintAs('a.json', '{\n  "ModelBiasJobInput": {\n'), {
      ruleId: 'parse-error',
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 1,
      message: 'Unexpected end of file: the JSON is truncated.',
    });
  });

  it('reports an unterminated string where it starts', async () => {
    expectOneFatal(await lintAs('a.json', '{"ModelBiasJobInput": "abc'), {
      ruleId: 'parse-error',
      line: 1,
      column: 23,
      endLine: 1,
      endColumn: 27,
      message: 'Unterminated string, found "\\"abc".',
    });
  });

  it('reports content after the JSON value', async () => {
    expectOneFatal(await lintAs('a.json', '{"ModelBiasJobInput": {}}\n{}'), {
      ruleId: 'parse-error',
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 2,
      message: 'Unexpected content after the end of the JSON value, found "{".',
    });
  });

  it('reports a trailing comma in an object at the comma', async () => {
    expectOneFatal(await lintAs('a.json', '{\n  "ModelBiasJobInput": {},\n}\n'), {
      ruleId: 'parse-error',
      line: 2,
      column: 26,
      endLine: 2,
      endColumn: 27,
      message: 'Unexpected trailing comma.',
    });
  });

  it('reports a trailing comma in an array at the comma', async () => {
    // `[` 29, `1` 30, `,` 31, `2` 33, `,` 34
    expectOneFatal(await lintAs('a.json', '{"ModelBiasJobInput": {"a": [1, 2, ]}}'), {
      ruleId: 'parse-error',
      line: 1,
      column: 34,
      endLine: 1,
      endColumn: 35,
      message: 'Unexpected trailing comma.',
    });
  });

  it('reports a comment in a definition file (the AWS CLI rejects it)', async () => {
    expectOneFatal(await lintAs('request.json', '{\n  // the model\n  "ModelBiasJobInput": {}\n}\n'), {
      ruleId: 'parse-error',
      line: 2,
      column: 3,
      endLine: 2,
      endColumn: 15,
      message: 'Comments are not allowed in JSON, found "// the model".',
    });
  });

  it('is silent about a tsconfig-like file with comments and trailing commas that holds no definition', async () => {
    const tsconfig = '{\n  // compiler settings\n  "compilerOptions": {\n    "strict": true, /* always */\n    "lib": ["ES2023",],\n  },\n}\n';
    const result = await lintAs('tsconfig.json', tsconfig);
    expect(result.findings).toEqual([]);
    expect(result).toMatchObject({ errorCount: 0, fatalErrorCount: 0, definitionCount: 0 });
  });

  it('reports the real syntax error of a file with comments, not its first comment', async () => {
    expectOneFatal(await lintAs('tsconfig.json', '{\n  // c\n  "a": [1 2]\n}\n'), {
      ruleId: 'parse-error',
      line: 3,
      column: 11,
      message: 'Expected "," or the end of the object or array, found "2".',
    });
  });

  it('reports a duplicate key at its second occurrence, naming it', async () => {
    expectOneFatal(await lintAs('a.json', '{\n  "RoleArn": "a",\n  "ModelBiasJobInput": {},\n  "RoleArn": "b"\n}\n'), {
      ruleId: 'parse-error',
      line: 4,
      column: 3,
      endLine: 4,
      endColumn: 12,
      message: 'Duplicate key "RoleArn".',
    });
  });

  it('reports a nested duplicate key', async () => {
    // `{` 23, `"a"` 24..26, `1` 29, `,` 30, `"a"` 32..34
    expectOneFatal(await lintAs('a.json', '{"ModelBiasJobInput": {"a": 1, "a": 2}}'), {
      ruleId: 'parse-error',
      line: 1,
      column: 32,
      endLine: 1,
      endColumn: 35,
      message: 'Duplicate key "a".',
    });
  });
});

describe('YAML syntax errors', () => {
  it('names a control character in a double-quoted string, at the character', async () => {
    expectOneFatal(await lintAs('a.yaml', 'RoleArn: "ab\u0007c"\n'), {
      ruleId: 'parse-error',
      line: 1,
      column: 13,
      message: 'A double-quoted string holds the control character U+0007: write it as an escape.',
    });
  });

  it('places a flow collection left open at its bracket, whatever the parser met next', async () => {
    const message = (kind: string, closer: string): string =>
      `This flow ${kind} is not closed with "${closer}" (a flow collection that goes on to the next lines must be indented more than its key).`;
    expectOneFatal(await lintAs('a.yaml', 'ModelBiasJobInput: {a: 1\n'), { ruleId: 'parse-error', line: 1, column: 20, endColumn: 21, message: message('mapping', '}') });
    // Brackets in quoted and plain text are not collections; the innermost open one is named.
    const text = "Description: it's a [draft\nTags: [{Key: \"a]\", Value: b}, {Key: c\nRoleArn: x\n";
    expectOneFatal(await lintAs('a.yaml', text), { ruleId: 'parse-error', line: 2, column: 31, message: message('mapping', '}') });
    expectOneFatal(await lintAs('a.yaml', 'Tags:\n  - [a, b\n  - c\n'), { ruleId: 'parse-error', line: 2, column: 5, message: message('sequence', ']') });
  });

  it('places a quoted string left open at its quote, when the lines after it are not indented as its own', async () => {
    const message = (kind: string): string =>
      `This ${kind}-quoted string is not closed (a string that goes on to the next lines must be indented more than its key).`;
    expectOneFatal(await lintAs('a.yaml', 'ModelBiasJobInput:\n  S3Uri: "s3://b/k\nRoleArn: x\n'), { ruleId: 'parse-error', line: 2, column: 10, message: message('double') });
    expectOneFatal(await lintAs('a.yaml', "RoleArn: 'it''s\nx: 1\n"), { ruleId: 'parse-error', line: 1, column: 10, message: message('single') });
  });

  it('reads a lone \\r as a line break, as YAML 1.2 does', async () => {
    const source = await loadText('a.yaml', 'ModelBiasJobInput:\r  GroundTruthS3Input: {}\rRoleArn: x\r');
    expect(source.problems).toEqual([]);
    expect(source.documents[0]?.value).toEqual({ ModelBiasJobInput: { GroundTruthS3Input: {} }, RoleArn: 'x' });
  });

  it('reports tab indentation', async () => {
    expectOneFatal(await lintAs('a.yaml', 'ModelBiasJobInput:\n\tGroundTruthS3Input: {}\n'), {
      ruleId: 'parse-error',
      line: 2,
      column: 1,
      message: 'Tab characters must not be used in indentation.',
    });
  });

  it('reports an error in the second document on its own line', async () => {
    expectOneFatal(await lintAs('a.yaml', 'kind: Note\n---\nModelBiasJobInput:\n\tx: 1\n'), {
      ruleId: 'parse-error',
      line: 4,
      column: 1,
    });
  });

  it('reports a duplicate key at its second occurrence', async () => {
    expectOneFatal(await lintAs('a.yaml', 'RoleArn: a\nModelBiasJobInput: {}\nRoleArn: b\n'), {
      ruleId: 'parse-error',
      line: 3,
      column: 1,
      message: /^Duplicate key /,
    });
  });

  it('reports a duplicate key in a flow mapping', async () => {
    expectOneFatal(await lintAs('a.yaml', 'ModelBiasJobInput: {a: 1, a: 2}\n'), {
      ruleId: 'parse-error',
      line: 1,
      column: 27,
      message: 'Duplicate key "a".',
    });
  });

  it('names the whole duplicate YAML key and spans it', async () => {
    expectOneFatal(await lintAs('a.yaml', 'RoleArn: a\nModelBiasJobInput: {}\nRoleArn: b\n'), {
      ruleId: 'parse-error',
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 8,
      message: 'Duplicate key "RoleArn".',
    });
  });

  it('stops a "billion laughs" alias bomb with one finding (bounded, not expanded)', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [previous, name] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi']) {
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const result = await lintAs('bomb.yaml', levels.join('\n') + '\n');
    // a..e expand to 10, 91, 820, 7381, 66430 nodes; in f (line 6) the second *e (column 11) goes past 100000.
    expectOneFatal(result, {
      ruleId: 'parse-error',
      line: 6,
      column: 11,
      endLine: 6,
      endColumn: 13,
      message: 'YAML aliases expand to more than 100000 nodes; the document was not expanded.',
    });
  });

  it('stops a 30-level mapping bomb (2^30 nodes) with one finding (bounded, not expanded)', async () => {
    const levels = ['a0: &a0 {x: 1, y: 2}'];
    for (let level = 1; level < 30; level += 1) levels.push(`a${level}: &a${level} {p: *a${level - 1}, q: *a${level - 1}}`);
    const result = await lintAs('bomb.yaml', levels.join('\n') + '\n');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ ruleId: 'parse-error', fatal: true, message: expect.stringMatching(/more than 100000 nodes/) });
  });

  it('reads a document of more nodes than the alias bound when it has no alias: nothing is expanded', async () => {
    const source = await loadText('a.yaml', Array.from({ length: 60_000 }, (_, index) => `k${index}: [v]`).join('\n'));
    expect(source.problems).toEqual([]);
    expect(Object.keys(source.documents[0]?.value as object)).toHaveLength(60_000);
  });

  it('reports an alias cycle (YAML lets an alias name the node it is in) at the alias, instead of recursing', async () => {
    const message = 'The YAML alias *a refers to a node that contains it.';
    expectOneFatal(await lintAs('cycle.yaml', 'a: &a\n  b: *a\n'), { ruleId: 'parse-error', line: 2, column: 6, endLine: 2, endColumn: 8, message });
    expectOneFatal(await lintAs('cycle.yaml', 'a: &a [*a]\n'), { ruleId: 'parse-error', line: 1, column: 8, endLine: 1, endColumn: 10, message });
    expectOneFatal(await lintAs('cycle.yaml', 'a: &a\n  <<: *a\n'), { ruleId: 'parse-error', line: 2, column: 7, endLine: 2, endColumn: 9, message });
  });

  it('treats keys that differ only in YAML type (1 and "1") as duplicates, as JSON would see them', async () => {
    expectOneFatal(await lintAs('a.yaml', 'ModelBiasJobInput: {}\n1: a\n"1": b\n'), {
      ruleId: 'parse-error',
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 4,
      message: 'Duplicate key "1".',
    });
  });

  it('keeps an error at the end of the file inside it (the parser places it one past the end)', async () => {
    expectOneFatal(await lintAs('a.yaml', 'ModelBiasJobInput:\n  S3Uri: "abc'), {
      ruleId: 'parse-error',
      line: 2,
      column: 14,
      endLine: 2,
      endColumn: 14,
      message: 'Unexpected end of the stream within a double quoted scalar.',
    });
  });

  it('ends an error at the \r of a CRLF line end at the end of that line, not between \r and \n', async () => {
    // The parser places this error at the `\r`, after the `&` that names no anchor.
    expectOneFatal(await lintAs('a.yaml', 'RoleArn: &\r\nx: 1\r\n'), { ruleId: 'parse-error', line: 1, column: 11, endLine: 1, endColumn: 11 });
  });

  it('resolves an alias to the last anchor of its name before it', async () => {
    const source = await loadText('a.yaml', 'a: &x 1\nb: *x\nc: &x 2\nd: *x\n');
    expect(source.documents[0]?.value).toEqual({ a: 1, b: 1, c: 2, d: 2 });
  });

  it('resolves thousands of aliases in one walk of the document, not one walk each', async () => {
    // One walk per alias took 10,000 × 10,000 steps here.
    const source = await loadText('a.yaml', `a: &x 1\nlist: [${Array(10_000).fill('*x').join(', ')}]\n`);
    expect(source.problems).toEqual([]);
    expect(source.documents[0]?.value).toMatchObject({ list: Array(10_000).fill(1) });
  });

  it('reports an unknown alias at the alias', async () => {
    expectOneFatal(await lintAs('a.yaml', 'a: *b\n'), { ruleId: 'parse-error', line: 1, column: 4, endLine: 1, endColumn: 6, message: 'Unknown YAML alias *b.' });
  });
});

describe('empty input', () => {
  it.each([
    ['a.json', ''],
    ['a.yaml', ''],
    ['a.json', '  \n\t\r\n'],
    ['a.yaml', '\n\n   \n'],
    ['a.yaml', '\uFEFF'],
  ])('%s %j is one parse error at 1:1', async (file, text) => {
    expectOneFatal(await lintAs(file, text), { ruleId: 'parse-error', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'The file is empty.' });
  });
});

describe('__proto__ keys', () => {
  it('become own members in JSON, leaving the prototype alone', async () => {
    const source = await loadText('a.json', '{"__proto__": {"polluted": 1}, "ModelBiasJobInput": {}}');
    const value = source.documents[0]?.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.keys(value)).toEqual(['__proto__', 'ModelBiasJobInput']);
    expect(value.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('become own members in YAML, merge keys included', async () => {
    const source = await loadText('a.yaml', '__proto__: {polluted: 1}\nb:\n  <<: {__proto__: {z: 1}}\n');
    const value = source.documents[0]?.value as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(value.polluted).toBeUndefined();
    const merged = value.b;
    expect(merged !== undefined && Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(merged !== undefined && Object.hasOwn(merged, '__proto__')).toBe(true);
  });

  it('is reported as an unknown member at its key', async () => {
    // `"__proto__"` at 27..37
    const result = await lintAs('a.json', '{"ModelBiasJobInput": {}, "__proto__": {"x": 1}}');
    expect(result.findings.filter((finding) => finding.ruleId === 'no-unknown-members')).toEqual([
      expect.objectContaining({ line: 1, column: 27, endLine: 1, endColumn: 38, message: 'The request has an unknown member "__proto__".' }),
    ]);
  });
});

describe('files that cannot be read as text (lint() on temp files)', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sagelint-loaders-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reports a binary file (NUL bytes) as one read error', async () => {
    const file = join(directory, 'binary.json');
    await writeFile(file, Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x00, 0x3a, 0x31, 0x7d]));
    const [result] = await lint([file], { cwd: directory });
    if (result === undefined) throw new Error('no result');
    expectOneFatal(result, { ruleId: 'read-error', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'The file is binary, not JSON or YAML text.' });
  });

  it('reports invalid UTF-8 as one read error', async () => {
    const file = join(directory, 'latin1.yaml');
    await writeFile(file, Buffer.from('RoleArn: caf\xe9\nModelBiasJobInput: {}\n', 'latin1'));
    const [result] = await lint([file], { cwd: directory });
    if (result === undefined) throw new Error('no result');
    expectOneFatal(result, { ruleId: 'read-error', line: 1, column: 1, message: 'The file is not valid UTF-8 text.' });
  });

  it('reads a file with a UTF-8 BOM and does not count it', async () => {
    const file = join(directory, 'bom.json');
    await writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"ModelBiasJobInput": 5}', 'utf8')]));
    const [result] = await lint([file], { cwd: directory });
    // `5` at column 23 once the BOM is left out
    expect(result?.findings.find((finding) => finding.ruleId === 'valid-value-type')).toMatchObject({ line: 1, column: 23, endColumn: 24 });
  });
});
