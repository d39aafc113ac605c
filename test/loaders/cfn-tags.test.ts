/**
 * CloudFormation short-form tags in YAML (`!Ref X`, `!GetAtt A.B`, …) load as their long forms, with a source tree
 * in which the tag is the key of the one member and the tagged node its value. Positions are counted by hand in the
 * comments, as in positions.test.ts.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadText } from '../../src/loaders/load.js';
import { LineIndex, nodeForPointer, rangeForPointer, type PointerTarget } from '../../src/loaders/source-document.js';

interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

async function valueOf(text: string): Promise<unknown> {
  const source = await loadText('a.yaml', text);
  expect(source.problems).toEqual([]);
  return source.documents[0]?.value;
}

/** The span a pointer names in `text`, as the engine computes it. */
async function spanOf(text: string, pointer: string, target: PointerTarget = 'value'): Promise<Span> {
  const source = await loadText('a.yaml', text);
  expect(source.problems).toEqual([]);
  const document = source.documents[0];
  if (document === undefined) throw new Error('no document');
  const range = rangeForPointer(source.text, document.root, pointer, target);
  const lines = new LineIndex(source.text);
  const start = lines.position(range.start);
  const end = lines.position(range.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The text a pointer names. */
async function textAt(text: string, pointer: string, target: PointerTarget = 'value'): Promise<string> {
  const source = await loadText('a.yaml', text);
  const document = source.documents[0];
  if (document === undefined) throw new Error('no document');
  const range = rangeForPointer(source.text, document.root, pointer, target);
  return source.text.slice(range.start, range.end);
}

const FN_TAGS = [
  'And', 'Base64', 'Cidr', 'Equals', 'FindInMap', 'GetAZs', 'If', 'ImportValue', 'Join', 'Not', 'Or', 'Select', 'Split', 'Sub',
  'Transform', 'Contains', 'EachMemberEquals', 'ValueOf', 'ToJsonString', 'Length', 'ForEach',
];

describe('short-form tags: values', () => {
  it.each([
    ...FN_TAGS.map((name) => [`!${name}`, `Fn::${name}`]),
    ['!Ref', 'Ref'],
    ['!Condition', 'Condition'],
    ['!GetAtt', 'Fn::GetAtt'],
  ])('%s becomes {"%s": …} in scalar, flow and block sequence, and flow and block mapping form', async (tag, key) => {
    const scalar = tag === '!GetAtt' ? ['a', 'b'] : 'a.b';
    expect(await valueOf(`X: ${tag} a.b\n`)).toEqual({ X: { [key]: scalar } });
    expect(await valueOf(`X: ${tag} 'a.b'\n`)).toEqual({ X: { [key]: scalar } });
    expect(await valueOf(`X: ${tag} [a, 1, true]\n`)).toEqual({ X: { [key]: ['a', 1, true] } });
    expect(await valueOf(`X: ${tag}\n  - a\n  - 1\n`)).toEqual({ X: { [key]: ['a', 1] } });
    expect(await valueOf(`X: ${tag} {A: 1}\n`)).toEqual({ X: { [key]: { A: 1 } } });
    expect(await valueOf(`X: ${tag}\n  A: 1\n  B: [c]\n`)).toEqual({ X: { [key]: { A: 1, B: ['c'] } } });
  });

  it('keeps a scalar-form argument a string, as the long form would have it', async () => {
    expect(await valueOf('X: !Base64 123\nY: !Ref true\n')).toEqual({ X: { 'Fn::Base64': '123' }, Y: { Ref: 'true' } });
  });

  it('converts the common CloudFormation idioms', async () => {
    expect(await valueOf("A: !Sub 'a-${X}'\n")).toEqual({ A: { 'Fn::Sub': 'a-${X}' } });
    expect(await valueOf("A: !Sub ['a-${X}', {X: 1}]\n")).toEqual({ A: { 'Fn::Sub': ['a-${X}', { X: 1 }] } });
    expect(await valueOf("A: !GetAZs ''\nB: !GetAZs\nC: !GetAZs us-east-1\n")).toEqual({
      A: { 'Fn::GetAZs': '' },
      B: { 'Fn::GetAZs': '' },
      C: { 'Fn::GetAZs': 'us-east-1' },
    });
    expect(await valueOf('A: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}\n')).toEqual({
      A: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } },
    });
    expect(await valueOf('A: !Cidr [!GetAtt Vpc.CidrBlock, 6, 5]\n')).toEqual({
      A: { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 6, 5] },
    });
  });

  it('splits scalar-form !GetAtt at the first dot and leaves the sequence form alone', async () => {
    expect(await valueOf('A: !GetAtt Res.Attr\n')).toEqual({ A: { 'Fn::GetAtt': ['Res', 'Attr'] } });
    expect(await valueOf('A: !GetAtt A.B.C\n')).toEqual({ A: { 'Fn::GetAtt': ['A', 'B.C'] } });
    expect(await valueOf('A: !GetAtt "Db.Endpoint.Address"\n')).toEqual({ A: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] } });
    expect(await valueOf('A: !GetAtt [Res, Attr]\n')).toEqual({ A: { 'Fn::GetAtt': ['Res', 'Attr'] } });
    expect(await valueOf('A: !GetAtt [Res, A.B]\n')).toEqual({ A: { 'Fn::GetAtt': ['Res', 'A.B'] } });
    expect(await valueOf('A: !GetAtt [Res, !Ref Attr]\n')).toEqual({ A: { 'Fn::GetAtt': ['Res', { Ref: 'Attr' }] } });
    // no dot: one item, as cfn-lint reads it; CloudFormation rejects both
    expect(await valueOf('A: !GetAtt Res\n')).toEqual({ A: { 'Fn::GetAtt': ['Res'] } });
  });

  it('nests tags at any depth', async () => {
    expect(await valueOf("A: !Join ['', [!Ref A, !Sub '${B}']]\n")).toEqual({
      A: { 'Fn::Join': ['', [{ Ref: 'A' }, { 'Fn::Sub': '${B}' }]] },
    });
    expect(await valueOf('A: !If [C, !Ref X, !Ref AWS::NoValue]\n')).toEqual({
      A: { 'Fn::If': ['C', { Ref: 'X' }, { Ref: 'AWS::NoValue' }] },
    });
    expect(await valueOf("A: !Select [0, !GetAZs '']\n")).toEqual({ A: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] } });
    const deep = [
      'A: !If',
      '  - IsProd',
      '  - !Join',
      '    - ":"',
      '    - - !Select [0, !Split [",", !ImportValue Shared]]',
      '      - !Base64 {Fn::Sub: "x"}',
      '  - !Not [!Equals [!Ref B, !FindInMap [M, !Ref AWS::Region, K]]]',
      '',
    ].join('\n');
    expect(await valueOf(deep)).toEqual({
      A: {
        'Fn::If': [
          'IsProd',
          { 'Fn::Join': [':', [{ 'Fn::Select': [0, { 'Fn::Split': [',', { 'Fn::ImportValue': 'Shared' }] }] }, { 'Fn::Base64': { 'Fn::Sub': 'x' } }]] },
          { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'B' }, { 'Fn::FindInMap': ['M', { Ref: 'AWS::Region' }, 'K'] }] }] },
        ],
      },
    });
  });

  it('converts a tagged document root and tagged sequence items', async () => {
    expect(await valueOf('!Ref X\n')).toEqual({ Ref: 'X' });
    expect(await valueOf('- !Ref A\n- !Condition B\n- c\n')).toEqual([{ Ref: 'A' }, { Condition: 'B' }, 'c']);
  });

  it('resolves aliases of tagged nodes, with the anchor before or after the tag', async () => {
    const text = ['A: &ref !Ref X', 'B: !GetAtt &att R.Arn', 'C: *ref', 'D: [*att, *ref]', 'E: &list !If [C, *ref, !Ref Y]', 'F: *list', ''].join('\n');
    const ref = { Ref: 'X' };
    const list = { 'Fn::If': ['C', ref, { Ref: 'Y' }] };
    expect(await valueOf(text)).toEqual({ A: ref, B: { 'Fn::GetAtt': ['R', 'Arn'] }, C: ref, D: [{ 'Fn::GetAtt': ['R', 'Arn'] }, ref], E: list, F: list });
    // an alias points at the anchored original, tag included
    expect(await textAt(text, '/C')).toBe('!Ref X');
    expect(await textAt(text, '/C/Ref', 'key')).toBe('!Ref');
    expect(await textAt(text, '/F/Fn::If/1/Ref')).toBe('X');
  });

  it('keeps the plain value under a tag that is not CloudFormation’s, and standard tags work as before', async () => {
    expect(await valueOf('A: !Foo bar\nB: !Foo [1]\nC: !Foo {x: 1}\nD: !fn::Ref x\n')).toEqual({ A: 'bar', B: [1], C: { x: 1 }, D: 'x' });
    expect(await valueOf("A: !!str 1\nB: !!int '3'\nC: !!float '1.5'\nD: !!map {x: !!null ''}\n")).toEqual({ A: '1', B: 3, C: 1.5, D: { x: null } });
    const binary = (await valueOf('A: !!binary aGVsbG8=\n')) as { A: Uint8Array };
    expect(Array.from(binary.A)).toEqual([104, 101, 108, 108, 111]);
    expect(await textAt('A: !Foo bar\n', '/A')).toBe('bar');
  });

  it('leaves JSON-form intrinsics as they are written', async () => {
    const text = 'A: {Ref: X}\nB:\n  Fn::GetAtt: Res.Attr\nC: {"Fn::Sub": ["${A}", {A: !Ref Z}]}\n';
    expect(await valueOf(text)).toEqual({ A: { Ref: 'X' }, B: { 'Fn::GetAtt': 'Res.Attr' }, C: { 'Fn::Sub': ['${A}', { A: { Ref: 'Z' } }] } });
    expect(await textAt(text, '/A/Ref', 'key')).toBe('Ref');
  });

  it('reads a request file without tags as the YAML library does', async () => {
    const text = await readFile(new URL('../../fixtures/examples/broken-request.yaml', import.meta.url), 'utf8');
    expect(await valueOf(text)).toEqual(parse(text));
  });
});

describe('short-form tags: positions', () => {
  it('points at the whole tagged node, the tag as the key, and each half of a scalar !GetAtt', async () => {
    const text = 'Properties:\n  RoleArn: !GetAtt MonitorRole.Arn  # the role\n';
    // line 2: `RoleArn` 3..9, `!GetAtt` 12..18, `MonitorRole` 20..30, `.` 31, `Arn` 32..34
    expect(await spanOf(text, '/Properties/RoleArn')).toEqual({ line: 2, column: 12, endLine: 2, endColumn: 35 });
    expect(await spanOf(text, '/Properties/RoleArn/Fn::GetAtt', 'key')).toEqual({ line: 2, column: 12, endLine: 2, endColumn: 19 });
    expect(await spanOf(text, '/Properties/RoleArn/Fn::GetAtt')).toEqual({ line: 2, column: 20, endLine: 2, endColumn: 35 });
    expect(await spanOf(text, '/Properties/RoleArn/Fn::GetAtt/0')).toEqual({ line: 2, column: 20, endLine: 2, endColumn: 31 });
    expect(await spanOf(text, '/Properties/RoleArn/Fn::GetAtt/1')).toEqual({ line: 2, column: 32, endLine: 2, endColumn: 35 });
    // a missing member of the intrinsic falls back to the tag
    expect(await spanOf(text, '/Properties/RoleArn/Fn::GetAtt/2')).toEqual({ line: 2, column: 12, endLine: 2, endColumn: 19 });
  });

  it('splits a quoted !GetAtt inside its quotes, and a multi-line one not at all', async () => {
    expect(await textAt('A: !GetAtt "Db.Endpoint.Address"\n', '/A/Fn::GetAtt/0')).toBe('Db');
    expect(await textAt('A: !GetAtt "Db.Endpoint.Address"\n', '/A/Fn::GetAtt/1')).toBe('Endpoint.Address');
    expect(await textAt("A: !GetAtt 'R.Arn'\n", '/A/Fn::GetAtt/1')).toBe('Arn');
    // a plain scalar folded over two lines has no single dot to split at: both items name the whole scalar
    const folded = 'A: !GetAtt Res\n  .Attr\n';
    expect(await valueOf(folded)).toEqual({ A: { 'Fn::GetAtt': ['Res ', 'Attr'] } });
    expect(await textAt(folded, '/A/Fn::GetAtt/0')).toBe('Res\n  .Attr');
    expect(await textAt(folded, '/A/Fn::GetAtt/1')).toBe('Res\n  .Attr');
  });

  it('points into a multi-line sequence-form !If', async () => {
    const text = [
      'Config:', //                            1
      '  KmsKeyId: !If', //                    2
      '    - HasKmsKey', //                    3
      '    - !Ref KmsKeyArn', //               4
      '    - !Ref AWS::NoValue', //            5
      'Next: 1', //                            6
      '',
    ].join('\n');
    // the node runs from `!If` (line 2, 13..15) to the end of its last item (line 5, `AWS::NoValue` 12..23)
    expect(await spanOf(text, '/Config/KmsKeyId')).toEqual({ line: 2, column: 13, endLine: 5, endColumn: 24 });
    expect(await spanOf(text, '/Config/KmsKeyId/Fn::If', 'key')).toEqual({ line: 2, column: 13, endLine: 2, endColumn: 16 });
    expect(await spanOf(text, '/Config/KmsKeyId/Fn::If')).toEqual({ line: 3, column: 5, endLine: 5, endColumn: 24 });
    expect(await spanOf(text, '/Config/KmsKeyId/Fn::If/0')).toEqual({ line: 3, column: 7, endLine: 3, endColumn: 16 });
    // line 4: `!Ref` 7..10, `KmsKeyArn` 12..20
    expect(await spanOf(text, '/Config/KmsKeyId/Fn::If/1')).toEqual({ line: 4, column: 7, endLine: 4, endColumn: 21 });
    expect(await spanOf(text, '/Config/KmsKeyId/Fn::If/1/Ref', 'key')).toEqual({ line: 4, column: 7, endLine: 4, endColumn: 11 });
    expect(await spanOf(text, '/Config/KmsKeyId/Fn::If/1/Ref')).toEqual({ line: 4, column: 12, endLine: 4, endColumn: 21 });
    expect(await spanOf(text, '/Config/KmsKeyId/Fn::If/2/Ref')).toEqual({ line: 5, column: 12, endLine: 5, endColumn: 24 });
  });

  it('points into a mapping-form !Sub and a block-mapping !Transform', async () => {
    const text = [
      'Name: !Sub', //                          1
      "  - '${Prefix}-${Env}'", //              2
      '  - Prefix: !Ref Stack', //              3
      '    Env: prod', //                       4
      'Snippet: !Transform', //                 5
      '  Name: AWS::Include', //                6
      '  Parameters: {Location: !Sub "s3://${B}/k"}', // 7
      '',
    ].join('\n');
    expect(await spanOf(text, '/Name/Fn::Sub', 'key')).toEqual({ line: 1, column: 7, endLine: 1, endColumn: 11 });
    expect(await spanOf(text, '/Name/Fn::Sub/0')).toEqual({ line: 2, column: 5, endLine: 2, endColumn: 23 });
    // line 3: `Prefix` 5..10, `!Ref` 13..16, `Stack` 18..22
    expect(await spanOf(text, '/Name/Fn::Sub/1/Prefix', 'key')).toEqual({ line: 3, column: 5, endLine: 3, endColumn: 11 });
    expect(await spanOf(text, '/Name/Fn::Sub/1/Prefix')).toEqual({ line: 3, column: 13, endLine: 3, endColumn: 23 });
    expect(await spanOf(text, '/Name/Fn::Sub/1/Prefix/Ref')).toEqual({ line: 3, column: 18, endLine: 3, endColumn: 23 });
    expect(await spanOf(text, '/Name/Fn::Sub/1/Env')).toEqual({ line: 4, column: 10, endLine: 4, endColumn: 14 });
    // line 5: `!Transform` 10..19; the mapping starts on line 6
    expect(await spanOf(text, '/Snippet')).toEqual({ line: 5, column: 10, endLine: 7, endColumn: 45 });
    expect(await spanOf(text, '/Snippet/Fn::Transform', 'key')).toEqual({ line: 5, column: 10, endLine: 5, endColumn: 20 });
    expect(await spanOf(text, '/Snippet/Fn::Transform/Name')).toEqual({ line: 6, column: 9, endLine: 6, endColumn: 21 });
    // line 7: `{` 15, `Location` 16..23, `!Sub` 26..29, `"s3://${B}/k"` 31..43, `}` 44
    expect(await spanOf(text, '/Snippet/Fn::Transform/Parameters/Location/Fn::Sub', 'key')).toEqual({ line: 7, column: 26, endLine: 7, endColumn: 30 });
    expect(await spanOf(text, '/Snippet/Fn::Transform/Parameters/Location/Fn::Sub')).toEqual({ line: 7, column: 31, endLine: 7, endColumn: 44 });
  });

  it('points into nested flow tags on one line', async () => {
    const text = "A: !Join ['', [!Ref B, !Select [0, !GetAZs '']]]\n";
    // `!Join` 4..8, `[` 10, `''` 11..12, `[` 15, `!Ref` 16..19, `B` 21, `!Select` 24..30, `[` 32, `0` 33, `!GetAZs` 36..42, `''` 44..45
    expect(await spanOf(text, '/A/Fn::Join/1/0')).toEqual({ line: 1, column: 16, endLine: 1, endColumn: 22 });
    expect(await spanOf(text, '/A/Fn::Join/1/0/Ref')).toEqual({ line: 1, column: 21, endLine: 1, endColumn: 22 });
    expect(await spanOf(text, '/A/Fn::Join/1/1/Fn::Select/1')).toEqual({ line: 1, column: 36, endLine: 1, endColumn: 46 });
    expect(await spanOf(text, '/A/Fn::Join/1/1/Fn::Select/1/Fn::GetAZs', 'key')).toEqual({ line: 1, column: 36, endLine: 1, endColumn: 43 });
    expect(await spanOf(text, '/A/Fn::Join/1/1/Fn::Select/1/Fn::GetAZs')).toEqual({ line: 1, column: 44, endLine: 1, endColumn: 46 });
  });

  it('gives a tag with no value the tag as its range, and keeps an anchor between tag and value inside the node', async () => {
    const text = 'A: !GetAZs\nB: !Ref &b X\nC: &c !Ref Y\n';
    expect(await spanOf(text, '/A')).toEqual({ line: 1, column: 4, endLine: 1, endColumn: 11 });
    expect(await spanOf(text, '/A/Fn::GetAZs')).toEqual({ line: 1, column: 4, endLine: 1, endColumn: 11 });
    // `!Ref` 4..7, `&b` 9..10, `X` 12
    expect(await spanOf(text, '/B')).toEqual({ line: 2, column: 4, endLine: 2, endColumn: 13 });
    // `&c` 4..5, `!Ref` 7..10, `Y` 12: the node starts at its tag
    expect(await spanOf(text, '/C')).toEqual({ line: 3, column: 7, endLine: 3, endColumn: 13 });
  });

  it('tells the tag of a block mapping from the tag of its first key', async () => {
    const text = 'A: !Transform\n  !Foo Name: x\n';
    expect(await valueOf(text)).toEqual({ A: { 'Fn::Transform': { Name: 'x' } } });
    expect(await spanOf(text, '/A/Fn::Transform', 'key')).toEqual({ line: 1, column: 4, endLine: 1, endColumn: 14 });
  });

  it('gives the source tree of a tagged node one member, keyed and ranged by the tag', async () => {
    const source = await loadText('a.yaml', 'A: !Ref X\n');
    const root = source.documents[0]?.root;
    if (root === undefined) throw new Error('no document');
    const node = nodeForPointer(root, '/A');
    expect(node).toMatchObject({ kind: 'object', range: { start: 3, end: 9 } });
    if (node?.kind !== 'object') throw new Error('expected an object node');
    expect([...node.entries]).toEqual([['Ref', { key: { start: 3, end: 7 }, node: { kind: 'scalar', range: { start: 8, end: 9 } } }]]);
  });
});

describe('a CloudFormation template fixture full of short-form tags', () => {
  const path = new URL('../../fixtures/loaders/cfn-tags/template.yaml', import.meta.url);

  /** Every string in the value that still starts with `!`, which would be a tag that was not converted. */
  function leftoverTags(value: unknown): string[] {
    if (typeof value === 'string') return value.startsWith('!') ? [value] : [];
    if (Array.isArray(value)) return value.flatMap(leftoverTags);
    if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(leftoverTags);
    return [];
  }

  it('loads with no problems and converts every tag', async () => {
    const text = await readFile(path, 'utf8');
    const source = await loadText('template.yaml', text);
    expect(source.problems).toEqual([]);
    expect(source.documents).toHaveLength(1);
    const template = source.documents[0]?.value;
    expect(leftoverTags(template)).toEqual([]);
    const job = (template as { Resources: Record<string, { Properties: Record<string, unknown> }> }).Resources.BiasJob?.Properties;
    expect(job).toMatchObject({
      JobDefinitionName: { 'Fn::Sub': ['${Name}-bias', { Name: { Ref: 'EndpointName' } }] },
      RoleArn: { 'Fn::GetAtt': ['MonitorRole', 'Arn'] },
      ModelBiasJobOutputConfig: { KmsKeyId: { 'Fn::If': ['HasKmsKey', { Ref: 'KmsKeyArn' }, { Ref: 'AWS::NoValue' }] } },
      JobResources: { ClusterConfig: { InstanceCount: 1, VolumeKmsKeyId: { 'Fn::If': ['ProdWithKey', { Ref: 'KmsKeyArn' }, { Ref: 'AWS::NoValue' }] } } },
    });
    expect(template).toMatchObject({
      Conditions: { ProdWithKey: { 'Fn::And': [{ Condition: 'IsProd' }, { Condition: 'HasKmsKey' }] } },
      Outputs: { RoleName: { Value: { 'Fn::GetAtt': ['MonitorRole', 'RoleId'] } } },
    });
  });

  it('resolves pointers to the tag and to the values in it', async () => {
    const text = await readFile(path, 'utf8');
    const base = '/Resources/BiasJob/Properties';
    expect(await textAt(text, `${base}/RoleArn/Fn::GetAtt`, 'key')).toBe('!GetAtt');
    expect(await textAt(text, `${base}/RoleArn/Fn::GetAtt/0`)).toBe('MonitorRole');
    expect(await textAt(text, `${base}/JobResources/ClusterConfig/VolumeKmsKeyId/Fn::If/1`)).toBe('!Ref KmsKeyArn');
    expect(await textAt(text, `${base}/JobResources/ClusterConfig/InstanceType/Fn::FindInMap/1/Ref`)).toBe('Environment');
    expect(await textAt(text, '/Outputs/RoleName/Value/Fn::GetAtt/1')).toBe('RoleId');
  });
});
