/** Unit tests of `resolveVariants`: what CloudFormation intrinsic functions resolve to offline, and where values come from. */
import { describe, expect, it } from 'vitest';
import { MAX_VARIANTS, resolveVariants, UNKNOWN, type ResolveOptions, type Variant } from '../../src/definitions/intrinsics.js';

const BASE = '/Resources/Job/Properties';

/** A variant as plain data, so that `toEqual` compares origins and unknowns too. */
interface Plain {
  value: unknown;
  origins: Record<string, { pointer: string; via?: string }>;
  unknowns: string[];
}

function plain(variant: Variant): Plain {
  return { value: variant.value, origins: Object.fromEntries(variant.origins), unknowns: [...variant.unknowns].sort() };
}

/** Resolves `value` as the properties of resource `Job` in `template`. */
function resolve(value: unknown, template: Record<string, unknown> = {}, options?: ResolveOptions): Plain[] {
  return resolveVariants(value, BASE, template, options).map(plain);
}

/** Resolves `value` and expects exactly one variant. */
function resolveOne(value: unknown, template: Record<string, unknown> = {}, options?: ResolveOptions): Plain {
  const variants = resolve(value, template, options);
  expect(variants).toHaveLength(1);
  const [only] = variants;
  if (only === undefined) throw new Error('no variant');
  return only;
}

function parameters(declared: Record<string, unknown>): Record<string, unknown> {
  return { Parameters: declared };
}

describe('literals', () => {
  it('gives one variant equal to the value, with no origin and no unknown', () => {
    const value = { A: 'text', B: [1, true, null], C: { D: 'e' } };
    expect(resolve(value)).toEqual([{ value, origins: {}, unknowns: [] }]);
  });

  it('shares what holds no intrinsic function with the input, and copies the paths to those that do', () => {
    const value = { A: { B: 'c' }, D: { E: { Ref: 'P' }, F: ['g'] } };
    const variants = resolveVariants(value, BASE, parameters({ P: { Type: 'String', Default: 'x', AllowedValues: ['x', 'y'] } }));
    expect(variants.map((variant) => variant.value)).toEqual([
      { A: { B: 'c' }, D: { E: 'x', F: ['g'] } },
      { A: { B: 'c' }, D: { E: 'y', F: ['g'] } },
    ]);
    for (const variant of variants) {
      const resolved = variant.value as typeof value;
      expect(resolved).not.toBe(value);
      expect(resolved.A).toBe(value.A);
      expect(resolved.D).not.toBe(value.D);
      expect(resolved.D.F).toBe(value.D.F);
    }
    expect(value.D.E).toEqual({ Ref: 'P' });
  });
});

describe('Ref to a parameter', () => {
  it('resolves to the Default, with an origin at /Parameters/X/Default', () => {
    const template = parameters({ Size: { Type: 'Number', Default: 30 } });
    expect(resolve({ VolumeSizeInGB: { Ref: 'Size' } }, template)).toEqual([
      {
        value: { VolumeSizeInGB: 30 },
        origins: { '/VolumeSizeInGB': { pointer: '/Parameters/Size/Default', via: 'parameter Size' } },
        unknowns: [],
      },
    ]);
  });

  it('gives one variant per AllowedValues entry when there is no Default', () => {
    const template = parameters({ Mode: { Type: 'String', AllowedValues: ['File', 'Pipe', 'FastFile'] } });
    expect(resolve({ S3InputMode: { Ref: 'Mode' } }, template)).toEqual(
      ['File', 'Pipe', 'FastFile'].map((mode, index) => ({
        value: { S3InputMode: mode },
        origins: { '/S3InputMode': { pointer: `/Parameters/Mode/AllowedValues/${index}`, via: 'parameter Mode' } },
        unknowns: [],
      })),
    );
  });

  it('gives the Default first, then each other allowed value, pointing at its AllowedValues entry', () => {
    const template = parameters({ Mode: { Type: 'String', Default: 'Pipe', AllowedValues: ['File', 'Pipe', 'FastFile'] } });
    const origin = (pointer: string): Plain['origins'] => ({ '/S3InputMode': { pointer, via: 'parameter Mode' } });
    expect(resolve({ S3InputMode: { Ref: 'Mode' } }, template)).toEqual([
      { value: { S3InputMode: 'Pipe' }, origins: origin('/Parameters/Mode/Default'), unknowns: [] },
      { value: { S3InputMode: 'File' }, origins: origin('/Parameters/Mode/AllowedValues/0'), unknowns: [] },
      { value: { S3InputMode: 'FastFile' }, origins: origin('/Parameters/Mode/AllowedValues/2'), unknowns: [] },
    ]);
  });

  it('takes the same choice wherever the same parameter is used', () => {
    const template = parameters({ Name: { Type: 'String', Default: 'a', AllowedValues: ['a', 'b'] } });
    expect(resolve({ X: { Ref: 'Name' }, Y: { Ref: 'Name' } }, template).map((variant) => variant.value)).toEqual([
      { X: 'a', Y: 'a' },
      { X: 'b', Y: 'b' },
    ]);
  });

  it('is unknown for a parameter with neither Default nor AllowedValues', () => {
    const template = parameters({ Name: { Type: 'String' } });
    expect(resolve({ JobDefinitionName: { Ref: 'Name' } }, template)).toEqual([
      { value: { JobDefinitionName: UNKNOWN }, origins: {}, unknowns: ['/JobDefinitionName'] },
    ]);
  });

  it('is unknown for a name declared nowhere, and for a template without Parameters', () => {
    expect(resolveOne({ A: { Ref: 'Missing' } }, parameters({ Other: { Type: 'String', Default: 'x' } })).unknowns).toEqual(['/A']);
    expect(resolveOne({ A: { Ref: 'Missing' } }).unknowns).toEqual(['/A']);
  });

  it('splits a CommaDelimitedList Default into a list, with the origin on the list', () => {
    const template = parameters({ Subnets: { Type: 'CommaDelimitedList', Default: 'subnet-1,subnet-2' } });
    expect(resolve({ Subnets: { Ref: 'Subnets' } }, template)).toEqual([
      {
        value: { Subnets: ['subnet-1', 'subnet-2'] },
        origins: { '/Subnets': { pointer: '/Parameters/Subnets/Default', via: 'parameter Subnets' } },
        unknowns: [],
      },
    ]);
  });

  it('trims the spaces around CommaDelimitedList members', () => {
    const template = parameters({ Subnets: { Type: 'CommaDelimitedList', Default: 'subnet-1, subnet-2' } });
    expect(resolveOne({ Subnets: { Ref: 'Subnets' } }, template).value).toEqual({ Subnets: ['subnet-1', 'subnet-2'] });
  });

  it('splits a List<AWS::EC2::Subnet::Id> Default into a list', () => {
    const template = parameters({ Subnets: { Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-1,subnet-2' } });
    expect(resolveOne({ Subnets: { Ref: 'Subnets' } }, template).value).toEqual({ Subnets: ['subnet-1', 'subnet-2'] });
  });

  it('is unknown for an SSM parameter type, whose Default names a parameter rather than giving the value', () => {
    const template = parameters({
      Image: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/sagemaker/clarify/image', AllowedValues: ['/a', '/b'] },
    });
    expect(resolve({ ImageUri: { Ref: 'Image' } }, template)).toEqual([
      { value: { ImageUri: UNKNOWN }, origins: {}, unknowns: ['/ImageUri'] },
    ]);
  });
});

describe('Ref to a resource or a pseudo parameter', () => {
  it('is unknown for a resource', () => {
    const template = { Resources: { Role: { Type: 'AWS::IAM::Role', Properties: {} } } };
    expect(resolveOne({ RoleArn: { Ref: 'Role' } }, template)).toEqual({ value: { RoleArn: UNKNOWN }, origins: {}, unknowns: ['/RoleArn'] });
  });

  it('is unknown for a Ref whose argument is not a string', () => {
    expect(resolveOne({ A: { Ref: ['x'] } }).unknowns).toEqual(['/A']);
  });

  it('removes a member that is Ref AWS::NoValue', () => {
    expect(resolveOne({ A: 'kept', B: { Ref: 'AWS::NoValue' } })).toEqual({ value: { A: 'kept' }, origins: {}, unknowns: [] });
  });

  it('removes a list item that is Ref AWS::NoValue, and gives the later items their written place', () => {
    const variant = resolveOne({ Tags: ['a', { Ref: 'AWS::NoValue' }, 'c', { Key: 'd' }] });
    expect(variant.value).toEqual({ Tags: ['a', 'c', { Key: 'd' }] });
    expect(variant.origins).toEqual({
      '/Tags/1': { pointer: `${BASE}/Tags/2` },
      '/Tags/2': { pointer: `${BASE}/Tags/3` },
    });
    expect(variant.unknowns).toEqual([]);
  });

  it('places an unknown after a removed list item at its new index', () => {
    const variant = resolveOne({ Tags: [{ Ref: 'AWS::NoValue' }, { 'Fn::GetAtt': ['Res', 'Arn'] }] });
    expect(variant.value).toEqual({ Tags: [UNKNOWN] });
    expect(variant.unknowns).toEqual(['/Tags/0']);
  });

  it('gives an undefined value for a whole value that is Ref AWS::NoValue', () => {
    expect(resolveOne({ Ref: 'AWS::NoValue' }).value).toBeUndefined();
  });

  it.each(['AWS::Region', 'AWS::Partition', 'AWS::AccountId', 'AWS::StackName', 'AWS::URLSuffix'])('is unknown for %s without a region', (pseudo) => {
    expect(resolveOne({ A: { Ref: pseudo } }).unknowns).toEqual(['/A']);
  });

  it('knows AWS::Region and AWS::Partition from the region option', () => {
    const options = { region: 'cn-north-1' };
    expect(resolveOne({ Region: { Ref: 'AWS::Region' }, Partition: { Ref: 'AWS::Partition' } }, {}, options)).toEqual({
      value: { Region: 'cn-north-1', Partition: 'aws-cn' },
      origins: {},
      unknowns: [],
    });
    expect(resolveOne({ A: { Ref: 'AWS::AccountId' } }, {}, options).unknowns).toEqual(['/A']);
  });

  it('does not let a parameter named like a pseudo parameter override it', () => {
    const template = parameters({ 'AWS::Region': { Type: 'String', Default: 'eu-west-1' } });
    expect(resolveOne({ A: { Ref: 'AWS::Region' } }, template).unknowns).toEqual(['/A']);
  });
});

describe('Fn::If', () => {
  it('gives both branches as variants, each with its origin', () => {
    expect(resolve({ InstanceType: { 'Fn::If': ['IsProd', 'ml.m5.xlarge', 'ml.t3.medium'] } })).toEqual([
      { value: { InstanceType: 'ml.m5.xlarge' }, origins: { '/InstanceType': { pointer: `${BASE}/InstanceType/Fn::If/1` } }, unknowns: [] },
      { value: { InstanceType: 'ml.t3.medium' }, origins: { '/InstanceType': { pointer: `${BASE}/InstanceType/Fn::If/2` } }, unknowns: [] },
    ]);
  });

  it('places what is inside a branch at the branch', () => {
    const variants = resolve({ Config: { 'Fn::If': ['C', { Size: 1 }, { Size: { Ref: 'AWS::NoValue' } }] } });
    expect(variants.map((variant) => variant.value)).toEqual([{ Config: { Size: 1 } }, { Config: {} }]);
    expect(variants[1]?.origins).toEqual({ '/Config': { pointer: `${BASE}/Config/Fn::If/2` } });
  });

  it('removes the member when the chosen branch is AWS::NoValue', () => {
    expect(resolve({ A: { 'Fn::If': ['C', 'x', { Ref: 'AWS::NoValue' }] } }).map((variant) => variant.value)).toEqual([{ A: 'x' }, {}]);
  });

  it('resolves a branch that is a Ref to a parameter to the parameter, with the parameter as origin', () => {
    const template = parameters({ Size: { Type: 'Number', Default: 30 } });
    const [, second] = resolve({ A: { 'Fn::If': ['C', 1, { Ref: 'Size' }] } }, template);
    expect(second).toEqual({
      value: { A: 30 },
      origins: { '/A': { pointer: '/Parameters/Size/Default', via: 'parameter Size' } },
      unknowns: [],
    });
  });

  it('is unknown when its argument is not a list of three', () => {
    expect(resolveOne({ A: { 'Fn::If': ['C', 'x'] } }).unknowns).toEqual(['/A']);
  });

  it('gives nested Ifs in the first branch one variant each', () => {
    const variants = resolve({ A: { 'Fn::If': ['C1', { 'Fn::If': ['C2', 'a', 'b'] }, 'c'] } });
    expect(new Set(variants.map((variant) => variant.value))).toEqual(new Set([{ A: 'a' }, { A: 'b' }, { A: 'c' }]));
    expect(variants.find((variant) => (variant.value as { A: string }).A === 'b')?.origins).toEqual({
      '/A': { pointer: `${BASE}/A/Fn::If/1/Fn::If/2` },
    });
  });

  it('judges every value of an If nested in the second branch', () => {
    const variants = resolve({ A: { 'Fn::If': ['C1', 'a', { 'Fn::If': ['C2', 'b', 'c'] }] } });
    expect(variants.map((variant) => variant.value)).toContainEqual({ A: 'c' });
  });

  it('judges every allowed value of a parameter used only in the second branch', () => {
    const template = parameters({ Mode: { Type: 'String', Default: 'File', AllowedValues: ['File', 'FastFile'] } });
    const variants = resolve({ A: { 'Fn::If': ['C', 'Pipe', { Ref: 'Mode' }] } }, template);
    expect(variants.map((variant) => variant.value)).toContainEqual({ A: 'FastFile' });
  });
});

describe('Fn::Sub', () => {
  it('is the string itself without variables', () => {
    expect(resolveOne({ A: { 'Fn::Sub': 'plain-text' } })).toEqual({ value: { A: 'plain-text' }, origins: {}, unknowns: [] });
  });

  it('writes ${!Literal} as ${Literal}', () => {
    expect(resolveOne({ A: { 'Fn::Sub': 'a-${!Literal}-b' } }).value).toEqual({ A: 'a-${Literal}-b' });
  });

  it('substitutes a variables map of literals', () => {
    expect(resolveOne({ A: { 'Fn::Sub': ['s3://${Bucket}/${Prefix}/x', { Bucket: 'my-bucket', Prefix: 'bias' }] } }).value).toEqual({
      A: 's3://my-bucket/bias/x',
    });
  });

  it('substitutes a variable whose value is an intrinsic that resolves', () => {
    const variant = resolveOne({ A: { 'Fn::Sub': ['${X}-y', { X: { 'Fn::Join': ['-', ['a', 'b']] } }] } });
    expect(variant.value).toEqual({ A: 'a-b-y' });
    expect(variant.unknowns).toEqual([]);
  });

  it('is unknown when it references a template parameter, even one with a Default', () => {
    const template = parameters({ Bucket: { Type: 'String', Default: 'my-bucket' } });
    expect(resolveOne({ A: { 'Fn::Sub': 's3://${Bucket}/x' } }, template)).toEqual({ value: { A: UNKNOWN }, origins: {}, unknowns: ['/A'] });
  });

  it('is unknown when a variable is unknown, or a resource attribute is referenced', () => {
    expect(resolveOne({ A: { 'Fn::Sub': ['${X}', { X: { 'Fn::GetAtt': ['R', 'Arn'] } }] } }).unknowns).toContain('/A');
    expect(resolveOne({ A: { 'Fn::Sub': '${Role.Arn}' } }).unknowns).toEqual(['/A']);
  });

  it('knows ${AWS::Region} and ${AWS::Partition} only with a region', () => {
    const value = { A: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::bucket-${AWS::Region}' } };
    expect(resolveOne(value).unknowns).toEqual(['/A']);
    expect(resolveOne(value, {}, { region: 'us-gov-west-1' }).value).toEqual({ A: 'arn:aws-us-gov:s3:::bucket-us-gov-west-1' });
  });

  it('is unknown for an argument of the wrong shape', () => {
    expect(resolveOne({ A: { 'Fn::Sub': ['${X}', ['not', 'a', 'map']] } }).unknowns).toEqual(['/A']);
    expect(resolveOne({ A: { 'Fn::Sub': 5 } }).unknowns).toEqual(['/A']);
  });
});

describe('Fn::Join', () => {
  it('joins literals', () => {
    expect(resolveOne({ A: { 'Fn::Join': ['', ['s3://', 'bucket', '/', 1]] } })).toEqual({
      value: { A: 's3://bucket/1' },
      origins: {},
      unknowns: [],
    });
  });

  it('is unknown when the list holds a Ref to a resource', () => {
    const template = { Resources: { Bucket: { Type: 'AWS::S3::Bucket' } } };
    const variant = resolveOne({ A: { 'Fn::Join': ['', ['s3://', { Ref: 'Bucket' }, '/x']] } }, template);
    expect(variant.value).toEqual({ A: UNKNOWN });
    expect(variant.unknowns).toContain('/A');
  });

  it('joins a list that is a Ref to a CommaDelimitedList parameter', () => {
    const template = parameters({ Parts: { Type: 'CommaDelimitedList', Default: 'a,b,c' } });
    expect(resolveOne({ A: { 'Fn::Join': ['-', { Ref: 'Parts' }] } }, template).value).toEqual({ A: 'a-b-c' });
  });

  it('is unknown for an argument of the wrong shape', () => {
    expect(resolveOne({ A: { 'Fn::Join': ['-'] } }).unknowns).toEqual(['/A']);
    expect(resolveOne({ A: { 'Fn::Join': [1, ['a']] } }).unknowns).toEqual(['/A']);
  });
});

describe('Fn::Select', () => {
  it('selects a literal item, with its origin in the list', () => {
    expect(resolveOne({ A: { 'Fn::Select': ['1', ['x', 'y', 'z']] } })).toEqual({
      value: { A: 'y' },
      origins: { '/A': { pointer: `${BASE}/A/Fn::Select/1/1` } },
      unknowns: [],
    });
  });

  it('is unknown past the end of the list, and for a list that is not literal', () => {
    expect(resolveOne({ A: { 'Fn::Select': [3, ['x']] } }).unknowns).toEqual(['/A']);
    expect(resolveOne({ A: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] } }).unknowns).toEqual(['/A']);
  });
});

describe('Fn::FindInMap', () => {
  const template = {
    Parameters: { Env: { Type: 'String', Default: 'prod' } },
    Mappings: { Images: { prod: { Uri: 'image:prod' }, dev: { Uri: 'image:dev' } } },
  };

  it('looks up a literal key, with the origin at the mapping value', () => {
    expect(resolveOne({ ImageUri: { 'Fn::FindInMap': ['Images', 'dev', 'Uri'] } }, template)).toEqual({
      value: { ImageUri: 'image:dev' },
      origins: { '/ImageUri': { pointer: '/Mappings/Images/dev/Uri', via: 'mapping Images' } },
      unknowns: [],
    });
  });

  it('looks up a key that is a Ref to a parameter', () => {
    const variant = resolveOne({ ImageUri: { 'Fn::FindInMap': ['Images', { Ref: 'Env' }, 'Uri'] } }, template);
    expect(variant.value).toEqual({ ImageUri: 'image:prod' });
    expect(variant.origins['/ImageUri']).toEqual({ pointer: '/Mappings/Images/prod/Uri', via: 'mapping Images' });
  });

  it('is unknown for a key that is unknown or missing', () => {
    expect(resolveOne({ A: { 'Fn::FindInMap': ['Images', { Ref: 'AWS::Region' }, 'Uri'] } }, template).unknowns).toContain('/A');
    expect(resolveOne({ A: { 'Fn::FindInMap': ['Images', 'test', 'Uri'] } }, template).unknowns).toEqual(['/A']);
    expect(resolveOne({ A: { 'Fn::FindInMap': ['Nothing', 'prod', 'Uri'] } }, template).unknowns).toEqual(['/A']);
  });

  it('looks up AWS::Region when the region is given', () => {
    const regional = { Mappings: { Images: { 'us-east-1': { Uri: 'image:use1' } } } };
    expect(resolveOne({ A: { 'Fn::FindInMap': ['Images', { Ref: 'AWS::Region' }, 'Uri'] } }, regional, { region: 'us-east-1' }).value).toEqual({
      A: 'image:use1',
    });
  });
});

describe('deploy-time functions', () => {
  it.each([
    ['Fn::GetAtt', ['Role', 'Arn']],
    ['Fn::ImportValue', 'shared-role-arn'],
    ['Fn::GetAZs', ''],
    ['Fn::Base64', 'text'],
    ['Fn::Split', [',', 'a,b']],
  ])('%s is unknown', (name, argument) => {
    expect(resolveOne({ A: { [name]: argument } })).toEqual({ value: { A: UNKNOWN }, origins: {}, unknowns: ['/A'] });
  });

  it('keeps an object with more keys than an intrinsic as an object', () => {
    expect(resolveOne({ A: { Ref: 'x', Other: 1 } }).value).toEqual({ A: { Ref: 'x', Other: 1 } });
  });

  it('returns the frozen UNKNOWN marker, which cannot be changed', () => {
    expect(Object.isFrozen(UNKNOWN)).toBe(true);
  });
});

describe('values that refer to themselves', () => {
  // CloudFormation rejects such a template; offline its value is unknown, rather than a stack overflow.
  it('is unknown for a parameter whose Default refers to itself, directly or through another parameter', () => {
    const template = parameters({
      Self: { Type: 'String', Default: { Ref: 'Self' } },
      First: { Type: 'String', Default: { 'Fn::Select': [0, [{ Ref: 'Second' }]] } },
      Second: { Type: 'String', AllowedValues: [{ Ref: 'First' }] },
    });
    expect(resolveOne({ A: { Ref: 'Self' }, B: { Ref: 'First' } }, template).unknowns).toEqual(['/A', '/B']);
  });

  it('is unknown for a mapping value that looks itself up, directly or through another mapping', () => {
    const template = {
      Mappings: {
        Self: { k: { v: { 'Fn::FindInMap': ['Self', 'k', 'v'] } } },
        First: { k: { v: { 'Fn::FindInMap': ['Second', 'k', 'v'] } } },
        Second: { k: { v: { 'Fn::FindInMap': ['First', 'k', 'v'] } } },
      },
    };
    const value = { A: { 'Fn::FindInMap': ['Self', 'k', 'v'] }, B: { 'Fn::FindInMap': ['First', 'k', 'v'] } };
    expect(resolveOne(value, template).unknowns).toEqual(['/A', '/B']);
  });
});

describe('the bound on decisions', () => {
  it('gives a bounded number of variants for 100 parameters of AllowedValues', () => {
    const declared: Record<string, unknown> = {};
    const value: Record<string, unknown> = {};
    for (let index = 0; index < 100; index += 1) {
      declared[`P${index}`] = { Type: 'String', Default: 'a', AllowedValues: ['a', 'b', 'c'] };
      value[`M${index}`] = { Ref: `P${index}` };
    }
    const variants = resolveVariants(value, BASE, parameters(declared));
    // The defaults, then the other values of the first decisions, up to the bound.
    expect(variants).toHaveLength(MAX_VARIANTS);
    expect(variants[1]?.value).toMatchObject({ M0: 'b', M1: 'a' });
    expect(variants[2]?.value).toMatchObject({ M0: 'c', M1: 'a' });
    expect(variants[0]?.value).toEqual(Object.fromEntries(Object.keys(value).map((key) => [key, 'a'])));
  });

  it('takes each decision alone: the others keep their defaults', () => {
    const template = parameters({
      A: { Type: 'String', Default: 'a1', AllowedValues: ['a1', 'a2'] },
      B: { Type: 'String', Default: 'b1', AllowedValues: ['b1', 'b2'] },
    });
    expect(resolve({ X: { Ref: 'A' }, Y: { Ref: 'B' } }, template).map((variant) => variant.value)).toEqual([
      { X: 'a1', Y: 'b1' },
      { X: 'a2', Y: 'b1' },
      { X: 'a1', Y: 'b2' },
    ]);
  });
});

describe('conditions the parameter values decide', () => {
  const template = {
    Parameters: { KeyArn: { Type: 'String', Default: '' }, Size: { Type: 'Number', Default: 30, AllowedValues: [30, 50] } },
    Conditions: {
      HasKey: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'KeyArn' }, ''] }] },
      Big: { 'Fn::Equals': [{ Ref: 'Size' }, 50] },
      BigWithKey: { 'Fn::And': [{ Condition: 'Big' }, { Condition: 'HasKey' }] },
      InRegion: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] },
      Loop: { 'Fn::Not': [{ Condition: 'Loop' }] },
      LoopThroughIf: { 'Fn::Equals': [{ 'Fn::If': ['LoopThroughIf', 'a', 'b'] }, 'a'] },
    },
  };

  it('takes only the branch the parameter values choose', () => {
    const variants = resolveVariants({ Key: { 'Fn::If': ['HasKey', { Ref: 'KeyArn' }, { Ref: 'AWS::NoValue' }] } }, BASE, template);
    expect(variants.map((variant) => variant.value)).toEqual([{}]);
  });

  it('decides a condition consistently with the parameter value used elsewhere in the same variant', () => {
    const value = { Count: { 'Fn::If': ['Big', 2, 1] }, Size: { Ref: 'Size' } };
    expect(resolveVariants(value, BASE, template).map((variant) => variant.value)).toEqual([
      { Count: 1, Size: 30 },
      { Count: 2, Size: 50 },
    ]);
  });

  it('evaluates Fn::And, Fn::Or, Fn::Not and Condition references', () => {
    // Size 30 and Size 50 are both tried; without a key, BigWithKey is false either way.
    const variants = resolveVariants({ A: { 'Fn::If': ['BigWithKey', 'yes', 'no'] } }, BASE, template);
    expect(variants.map((variant) => variant.value)).toEqual([{ A: 'no' }, { A: 'no' }]);
  });

  it('judges both branches when the condition cannot be known offline, or refers to itself', () => {
    for (const condition of ['InRegion', 'Loop', 'LoopThroughIf']) {
      const variants = resolveVariants({ A: { 'Fn::If': [condition, 'yes', 'no'] } }, BASE, template);
      expect(variants.map((variant) => variant.value)).toEqual([{ A: 'yes' }, { A: 'no' }]);
    }
    const known = resolveVariants({ A: { 'Fn::If': ['InRegion', 'yes', 'no'] } }, BASE, template, { region: 'eu-west-1' });
    expect(known.map((variant) => variant.value)).toEqual([{ A: 'no' }]);
  });
});

describe('pseudo parameters a region decides', () => {
  it('knows AWS::URLSuffix, in Ref and in Fn::Sub, only when a region is given', () => {
    const value = { A: { Ref: 'AWS::URLSuffix' }, B: { 'Fn::Sub': 'x.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/y' } };
    expect(resolveOne(value, {}, { region: 'cn-north-1' }).value).toEqual({ A: 'amazonaws.com.cn', B: 'x.dkr.ecr.cn-north-1.amazonaws.com.cn/y' });
    expect(resolveOne(value).unknowns).toEqual(['/A', '/B']);
  });
});
