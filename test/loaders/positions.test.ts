/**
 * Positions are public API (STYLE §2): 1-based line and column, columns in UTF-16 code units, end exclusive,
 * a byte order mark not counted. Each case states the exact span by hand; a comment shows how it was counted.
 */
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint.js';
import { loadText } from '../../src/loaders/load.js';
import { LineIndex, rangeForPointer, type PointerTarget } from '../../src/loaders/source-document.js';

interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The span a pointer names in document `index` of `text`, as the engine computes it. */
async function spanOf(file: string, text: string, pointer: string, target: PointerTarget = 'value', index = 0): Promise<Span> {
  const source = await loadText(file, text);
  expect(source.problems, `${file} must parse`).toEqual([]);
  const document = source.documents[index];
  if (document === undefined) throw new Error(`${file} has no document ${index}`);
  const range = rangeForPointer(source.text, document.root, pointer, target);
  const lines = new LineIndex(source.text);
  const start = lines.position(range.start);
  const end = lines.position(range.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** Findings as [ruleId, line, column, endLine, endColumn], for compact exact comparison. */
async function findingsOf(file: string, text: string): Promise<[string, number, number, number, number][]> {
  const result = await lintText(text, { filePath: file, cwd: '/project' });
  return result.findings.map((finding) => [finding.ruleId, finding.line, finding.column, finding.endLine, finding.endColumn]);
}

describe('LineIndex', () => {
  it('ends lines at \\n, \\r\\n and a lone \\r, and counts columns from 1', () => {
    const text = 'a\nbc\r\nd\re';
    const lines = new LineIndex(text);
    expect(lines.position(0)).toEqual({ line: 1, column: 1 });
    expect(lines.position(1)).toEqual({ line: 1, column: 2 }); // the \n itself
    expect(lines.position(2)).toEqual({ line: 2, column: 1 });
    expect(lines.position(4)).toEqual({ line: 2, column: 3 }); // the \r of \r\n
    expect(lines.position(6)).toEqual({ line: 3, column: 1 });
    expect(lines.position(8)).toEqual({ line: 4, column: 1 });
    expect(lines.position(text.length)).toEqual({ line: 4, column: 2 });
    expect([1, 2, 3, 4].map((line) => lines.lineText(text, line))).toEqual(['a', 'bc', 'd', 'e']);
  });

  it('places an offset between the \\r and the \\n of a line end, or past the text, at the end of its line', () => {
    const text = 'a\nbc\r\nd';
    const lines = new LineIndex(text);
    expect(lines.position(5)).toEqual({ line: 2, column: 3 });
    expect(lines.position(text.length + 1)).toEqual({ line: 3, column: 2 });
  });

  it('finds the lines of any mix of line ends as splitting the text at them does', () => {
    const texts = ['', '\n', '\r', '\r\n', '\n\r', '\r\r\n\n', 'a\r\rb\n\nc\r\n', 'x\n\r\ny\rz', '\r\n\r\n\r', 'no line end'];
    for (const text of texts) {
      const lines = new LineIndex(text);
      const expected = text.split(/\r\n|\r|\n/);
      expect(expected.map((_, index) => lines.lineText(text, index + 1)), JSON.stringify(text)).toEqual(expected);
      // Every offset's line is the number of line ends before it, a `\r\n`'s `\n` counting with its `\r`.
      for (let offset = 0; offset <= text.length; offset += 1) {
        const before = text.slice(0, offset).replace(/\r$/, text[offset] === '\n' ? '' : '\r');
        expect(lines.position(offset).line, `${JSON.stringify(text)} at ${offset}`).toBe(before.split(/\r\n|\r|\n/).length);
      }
    }
  });
});

describe('JSON positions', () => {
  const text = '{\n  "RoleArn": "r",\n  "JobResources": {"ClusterConfig": {"InstanceCount": 0}}\n}\n';

  it('points at a scalar value and at its key', async () => {
    // line 2: `  "RoleArn": "r",`: key at 3..11, value at 14..16
    expect(await spanOf('a.json', text, '/RoleArn')).toEqual({ line: 2, column: 14, endLine: 2, endColumn: 17 });
    expect(await spanOf('a.json', text, '/RoleArn', 'key')).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 12 });
  });

  it('points into nested objects on one line', async () => {
    // line 3: `"JobResources"` 3..16, `{` 19, `"ClusterConfig"` 20..34, `{` 37, `"InstanceCount"` 38..52, `0` 55
    expect(await spanOf('a.json', text, '/JobResources/ClusterConfig/InstanceCount')).toEqual({ line: 3, column: 55, endLine: 3, endColumn: 56 });
    expect(await spanOf('a.json', text, '/JobResources/ClusterConfig')).toEqual({ line: 3, column: 37, endLine: 3, endColumn: 57 });
  });

  it('counts a tab as one column', async () => {
    const tabbed = '{\n\t"RoleArn":\t"r",\n\t"X": {\t"Y": 1}\n}\n';
    // line 2: tab 1, `"RoleArn"` 2..10, `:` 11, tab 12, `"r"` 13..15
    expect(await spanOf('a.json', tabbed, '/RoleArn')).toEqual({ line: 2, column: 13, endLine: 2, endColumn: 16 });
    // line 3: tab 1, `"X"` 2..4, `{` 7, tab 8, `"Y"` 9..11, `1` 14
    expect(await spanOf('a.json', tabbed, '/X/Y', 'key')).toEqual({ line: 3, column: 9, endLine: 3, endColumn: 12 });
    expect(await spanOf('a.json', tabbed, '/X/Y')).toEqual({ line: 3, column: 14, endLine: 3, endColumn: 15 });
  });

  it('counts lines across CRLF and keeps the \\r out of spans', async () => {
    const crlf = '{\r\n  "RoleArn": "r",\r\n  "X": [1, 2]\r\n}\r\n';
    expect(await spanOf('a.json', crlf, '/X/1')).toEqual({ line: 3, column: 12, endLine: 3, endColumn: 13 });
    expect(await spanOf('a.json', crlf, '/X')).toEqual({ line: 3, column: 8, endLine: 3, endColumn: 14 });
    // the root object spans to the closing brace, not past its line end
    expect(await spanOf('a.json', crlf, '')).toEqual({ line: 1, column: 1, endLine: 4, endColumn: 2 });
  });

  it('does not count a UTF-8 byte order mark', async () => {
    const source = await loadText('a.json', '\uFEFF{"RoleArn": "r"}');
    expect(source.text.startsWith('\uFEFF')).toBe(false);
    // `{` 1, `"RoleArn"` 2..10, `"r"` 13..15
    expect(await spanOf('a.json', '\uFEFF{"RoleArn": "r"}', '/RoleArn')).toEqual({ line: 1, column: 13, endLine: 1, endColumn: 16 });
  });

  it('counts an astral character (emoji) as two UTF-16 columns', async () => {
    const text = '{"Note": "😀", "RoleArn": "r"}';
    // `"Note"` 2..7, `"😀"` 10..13 (quote, two code units, quote), `"RoleArn"` 16..24, `"r"` 27..29
    expect(await spanOf('a.json', text, '/Note')).toEqual({ line: 1, column: 10, endLine: 1, endColumn: 14 });
    expect(await spanOf('a.json', text, '/RoleArn')).toEqual({ line: 1, column: 27, endLine: 1, endColumn: 30 });
  });

  it('places findings the same way through lintText', async () => {
    const text = '{"JobDefinitionName": "😀", "ModelBiasJobInput": 5}';
    // `"😀"` at 23..26; `"ModelBiasJobInput"` 29..47; `5` at 50
    const findings = await findingsOf('a.json', text);
    expect(findings).toContainEqual(['valid-string-pattern', 1, 23, 1, 27]);
    expect(findings).toContainEqual(['valid-value-type', 1, 50, 1, 51]);
  });

  it('places a finding after a BOM and CRLF line ends through lintText', async () => {
    const text = '\uFEFF{\r\n  "ModelBiasJobInput": {},\r\n  "JobResources": {"ClusterConfig": {"InstanceType": "ml.m9.xlarge"}}\r\n}\r\n';
    // line 3: `"InstanceType"` 38..51, `"ml.m9.xlarge"` 54..67
    expect(await findingsOf('a.json', text)).toContainEqual(['no-unknown-instance-family', 3, 54, 3, 68]);
  });
});

describe('YAML positions', () => {
  const text = 'RoleArn: r\nJobResources:\n  ClusterConfig:\n    InstanceCount: 0\n';

  it('points at a scalar, its key, and a block mapping without its line end', async () => {
    expect(await spanOf('a.yaml', text, '/JobResources/ClusterConfig/InstanceCount')).toEqual({ line: 4, column: 20, endLine: 4, endColumn: 21 });
    expect(await spanOf('a.yaml', text, '/JobResources/ClusterConfig/InstanceCount', 'key')).toEqual({ line: 4, column: 5, endLine: 4, endColumn: 18 });
    expect(await spanOf('a.yaml', text, '/JobResources/ClusterConfig')).toEqual({ line: 4, column: 5, endLine: 4, endColumn: 21 });
  });

  it('counts lines across CRLF', async () => {
    const crlf = 'RoleArn: r\r\nX:\r\n  - 1\r\n  - 2\r\n';
    expect(await spanOf('a.yaml', crlf, '/X/1')).toEqual({ line: 4, column: 5, endLine: 4, endColumn: 6 });
    expect(await spanOf('a.yaml', crlf, '/X')).toEqual({ line: 3, column: 3, endLine: 4, endColumn: 6 });
  });

  it('does not count a byte order mark', async () => {
    expect(await spanOf('a.yaml', '\uFEFFRoleArn: r\n', '/RoleArn')).toEqual({ line: 1, column: 10, endLine: 1, endColumn: 11 });
  });

  it('counts an astral character (emoji) as two UTF-16 columns', async () => {
    const flow = 'Tags: [{Key: 😀, Value: v}]\n';
    // `{` 8, `Key` 9..11, `😀` 14..15, `Value` 18..22, `v` 25
    expect(await spanOf('a.yaml', flow, '/Tags/0/Key')).toEqual({ line: 1, column: 14, endLine: 1, endColumn: 16 });
    expect(await spanOf('a.yaml', flow, '/Tags/0/Value')).toEqual({ line: 1, column: 25, endLine: 1, endColumn: 26 });
  });

  it('finds the definition in the second document of a stream', async () => {
    const stream = 'kind: Note\n---\nModelBiasJobInput:\n  Bogus: 1\n';
    const source = await loadText('a.yaml', stream);
    expect(source.documents).toHaveLength(2);
    expect(await spanOf('a.yaml', stream, '/ModelBiasJobInput/Bogus', 'key', 1)).toEqual({ line: 4, column: 3, endLine: 4, endColumn: 8 });
    const result = await lintText(stream, { filePath: 'a.yaml', cwd: '/project' });
    expect(result.definitionCount).toBe(1);
    expect(result.findings.find((finding) => finding.ruleId === 'no-unknown-members')).toMatchObject({
      line: 4,
      column: 3,
      endLine: 4,
      endColumn: 8,
      message: 'ModelBiasJobInput has an unknown member "Bogus".',
    });
  });

  it('points a finding inside aliased content at the anchored original', async () => {
    const anchored = [
      'defaults: &cluster', //            1
      '  InstanceCount: 1', //            2
      '  InstanceType: ml.m9.xlarge', //  3
      '  VolumeSizeInGB: 30', //          4
      'ModelBiasJobInput: {}', //         5
      'JobResources:', //                 6
      '  ClusterConfig: *cluster', //     7
      '',
    ].join('\n');
    const source = await loadText('a.yaml', anchored);
    expect(source.documents[0]?.value).toMatchObject({
      JobResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m9.xlarge', VolumeSizeInGB: 30 } },
    });
    expect(await findingsOf('a.yaml', anchored)).toContainEqual(['no-unknown-instance-family', 3, 17, 3, 29]);
    // the alias's key is where it is written; its value is the anchored mapping
    expect(await spanOf('a.yaml', anchored, '/JobResources/ClusterConfig', 'key')).toEqual({ line: 7, column: 3, endLine: 7, endColumn: 16 });
    expect(await spanOf('a.yaml', anchored, '/JobResources/ClusterConfig')).toEqual({ line: 2, column: 3, endLine: 4, endColumn: 21 });
  });

  it('resolves merge keys (<<): merged members point at the original, explicit members win', async () => {
    const merged = [
      'base: &cluster', //                1
      '  InstanceType: ml.m9.xlarge', //  2
      '  InstanceCount: 1', //            3
      'ModelBiasJobInput: {}', //         4
      'JobResources:', //                 5
      '  ClusterConfig:', //              6
      '    <<: *cluster', //              7
      '    InstanceCount: 2', //          8
      '',
    ].join('\n');
    const source = await loadText('a.yaml', merged);
    const value = source.documents[0]?.value as { JobResources: { ClusterConfig: Record<string, unknown> } };
    expect(value.JobResources.ClusterConfig).toEqual({ InstanceCount: 2, InstanceType: 'ml.m9.xlarge' });
    expect(Object.keys(value.JobResources.ClusterConfig)).not.toContain('<<');
    expect(await findingsOf('a.yaml', merged)).toContainEqual(['no-unknown-instance-family', 2, 17, 2, 29]);
    expect(await spanOf('a.yaml', merged, '/JobResources/ClusterConfig/InstanceType')).toEqual({ line: 2, column: 17, endLine: 2, endColumn: 29 });
    expect(await spanOf('a.yaml', merged, '/JobResources/ClusterConfig/InstanceCount')).toEqual({ line: 8, column: 20, endLine: 8, endColumn: 21 });
  });
});

describe('a pointer that does not resolve falls back to its closest ancestor', () => {
  const json = '{\n  "JobResources": {\n    "ClusterConfig": {}\n  }\n}\n';

  it('uses the key of the deepest existing member', async () => {
    expect(await spanOf('a.json', json, '/JobResources/ClusterConfig/VolumeSizeInGB')).toEqual({ line: 3, column: 5, endLine: 3, endColumn: 20 });
    expect(await spanOf('a.json', json, '/JobResources/Nope/Deeper')).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 17 });
  });

  it('uses the first line of the root when nothing resolves', async () => {
    expect(await spanOf('a.json', json, '/Nope')).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 2 });
    expect(await spanOf('a.yaml', 'RoleArn: r\nX: 1\n', '/Nope')).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 11 });
  });

  it('handles array indexes: out of range goes to the array key, inside an item to its first line', async () => {
    const yaml = 'Tags:\n  - Key: a\n    Value: b\n';
    expect(await spanOf('a.yaml', yaml, '/Tags/3')).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 5 });
    expect(await spanOf('a.yaml', yaml, '/Tags/x')).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 5 });
    expect(await spanOf('a.yaml', yaml, '/Tags/0/Nope')).toEqual({ line: 2, column: 5, endLine: 2, endColumn: 11 });
  });

  it('unescapes ~1 and ~0 in pointer segments', async () => {
    const text = '{"a/b": {"c~d": 1}}';
    // `"a/b"` 2..6, `{` 9, `"c~d"` 10..14, `1` 17
    expect(await spanOf('a.json', text, '/a~1b/c~0d')).toEqual({ line: 1, column: 17, endLine: 1, endColumn: 18 });
  });
});
