/**
 * In-file suppressions (STYLE §4, the last layer): YAML comment directives and CloudFormation `Metadata.sagelint`,
 * through the public `lintText`; the engine's options (`inlineConfig`, `reportUnusedDirectives`) through `lintSource`,
 * which the CLI and configuration feed.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import { extractFromSource } from '../../src/definitions/extract.js';
import { lintSource, type LintSourceOptions } from '../../src/engine/lint-source.js';
import { loadText } from '../../src/loaders/load.js';
import { lintText, loadFormatter, RESERVED_RULE_IDS, rules as builtinRules, type Finding, type LintResult } from '../../src/index.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'fixtures', 'suppressions');

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

async function lintFixture(name: string): Promise<LintResult> {
  return lintText(fixture(name), { filePath: name, cwd: FIXTURES });
}

/** Through the engine, with its suppression options. */
async function lintWith(name: string, text: string, options: LintSourceOptions): Promise<LintResult> {
  const source = await loadText(join(FIXTURES, name), text);
  return lintSource(source, await extractFromSource(source), await resolveRuleSettings(builtinRules), options);
}

/** `line:column-endLine:endColumn rule-id`, the way to compare positions at a glance. */
function at(finding: Finding): string {
  return `${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.ruleId}`;
}

function justified(finding: Finding): string {
  return `${finding.line}:${finding.column} ${finding.ruleId}: ${(finding.suppressions ?? []).map((one) => `${one.kind} "${one.justification}"`).join(', ')}`;
}

/** A small request that breaks three rules on lines 1–3, for directives written around it. */
const REQUEST_TAIL = [
  'ModelBiasAppSpecification:',
  '  ImageUri: 205585389593.dkr.ecr.us-east-1.amazonaws.com/sagemaker-clarify-processing:1.0',
  '  ConfigUri: s3://bucket/config.json',
  'ModelBiasJobInput:',
  '  EndpointInput:',
  '    EndpointName: churn-endpoint',
  '    LocalPath: /opt/ml/processing/input/endpoint',
  '  GroundTruthS3Input:',
  '    S3Uri: s3://bucket/ground-truth',
  'ModelBiasJobOutputConfig:',
  '  KmsKeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  '  MonitoringOutputs:',
  '    - S3Output:',
  '        S3Uri: s3://bucket/reports',
  '        LocalPath: /opt/ml/processing/output',
  'NetworkConfig:',
  '  EnableNetworkIsolation: true',
  '  VpcConfig:',
  '    SecurityGroupIds: [sg-0123456789abcdef0]',
  '    Subnets: [subnet-0123456789abcdef0]',
  'RoleArn: arn:aws:iam::123456789012:role/bias',
  'StoppingCondition:',
  '  MaxRuntimeInSeconds: 1800',
  '',
];

function request(...head: string[]): string {
  return [...head, ...REQUEST_TAIL].join('\n');
}

const JOB_RESOURCES = [
  'JobResources:',
  '  ClusterConfig:',
  '    InstanceCount: 0',
  '    InstanceType: ml.m5.xlarge',
  '    VolumeSizeInGB: 20000',
  '    VolumeKmsKeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
];

describe('YAML comment directives', () => {
  it('suppresses by disable-line, disable-next-line and disable … enable, and reports directives without reason or with unknown rules', async () => {
    const result = await lintFixture('request.yaml');
    expect(result.findings.map(at)).toEqual([
      // `#` inside a quoted string is no comment: the finding on that line stays.
      '9:19-9:97 valid-string-length',
      '9:19-9:97 valid-string-pattern',
      // The directive without a reason, from `#` to the end of the comment; it still suppresses (below).
      '27:27-27:90 suppression-without-reason',
      // The unknown id itself.
      '28:50-28:62 suppression-unknown-rule',
    ]);
    expect(result.findings.filter((finding) => finding.ruleId.startsWith('suppression-')).map((finding) => finding.message)).toEqual([
      'The sagelint-disable-line comment gives no reason: add one after " -- ".',
      'The sagelint-disable-next-line comment names "valid-s3-url", which is not a sagelint rule.',
    ]);
    expect(result.suppressedFindings?.map(justified)).toEqual([
      '3:20 valid-string-pattern: inSource "legacy name kept for dashboards"',
      // disable-next-line on line 11 skips the blank line 12 and the comment on line 13.
      '14:18 valid-enum-value: inSource "FastFile is enabled in our accounts"',
      // Both rules of the block disable on line 2; require-output-kms-key is enabled again on line 22, after it.
      '17:1 require-output-kms-key: inSource "keys are set by the platform stack"',
      '24:3 require-volume-kms-key: inSource "keys are set by the platform stack"',
      '27:21 valid-number-range: inSource ""',
      '29:1 require-vpc-config: inSource "the deploy pipeline attaches the VPC"',
    ]);
    // The counts are of the findings shown: the suppressed ones are not counted.
    expect(result).toMatchObject({ errorCount: 2, warningCount: 2, infoCount: 0, fatalErrorCount: 0, definitionCount: 1 });
  });

  it('takes no `#` in a quoted string or a block scalar for a comment', async () => {
    const text = request(
      "JobDefinitionName: 'it''s # sagelint-disable-line valid-string-pattern -- no'",
      'Environment: {}',
      ...JOB_RESOURCES.slice(0, 3),
      '    InstanceType: "ml.m5.xlarge # sagelint-disable-next-line valid-number-range -- no"',
      '    VolumeSizeInGB: 20000',
      '# notes: |',
      '#   # sagelint-disable valid-value-type -- commented out, still a comment',
    ).replace('Environment: {}', 'Tags:\n  - Key: note\n    Value: |\n      # sagelint-disable -- text of a block scalar\n      done');
    const result = await lintText(text, { filePath: 'quoted.yaml', cwd: FIXTURES });
    expect(result.suppressedFindings).toBeUndefined();
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(
      expect.arrayContaining(['valid-string-pattern', 'valid-number-range', 'valid-instance-type', 'require-volume-kms-key']),
    );
  });

  it('disables every rule without rule ids, until an enable; an enable of one rule leaves the others disabled', async () => {
    const text = request(
      '# sagelint-disable -- generated by the legacy exporter',
      'JobDefinitionName: churn_model_bias',
      '# sagelint-enable valid-number-range',
      // Without VolumeKmsKeyId: require-volume-kms-key on ClusterConfig, line 5.
      ...JOB_RESOURCES.slice(0, 5),
      '# sagelint-enable',
    );
    const result = await lintText(text, { filePath: 'block.yaml', cwd: FIXTURES });
    expect(result.findings.map(at)).toEqual(['6:20-6:21 valid-number-range', '8:21-8:26 valid-number-range']);
    expect(result.suppressedFindings?.map(justified)).toEqual([
      '2:20 valid-string-pattern: inSource "generated by the legacy exporter"',
      '5:3 require-volume-kms-key: inSource "generated by the legacy exporter"',
    ]);
    expect(result).toMatchObject({ errorCount: 2, warningCount: 0 });
  });

  it('suppresses every rule a directive lists, and only those', async () => {
    const text = request(
      'JobDefinitionName: churn_model_bias',
      ...JOB_RESOURCES.slice(0, 4),
      '    VolumeSizeInGB: 20000 # sagelint-disable-line valid-number-range,require-volume-kms-key -- approved',
      '  # sagelint-disable-next-line valid-number-range , valid-string-pattern -- approved',
    ).replace('JobDefinitionName: churn_model_bias', '# sagelint-disable-next-line valid-string-pattern, valid-number-range -- legacy\nJobDefinitionName: churn_model_bias');
    const result = await lintText(text, { filePath: 'several.yaml', cwd: FIXTURES });
    // require-volume-kms-key is reported on ClusterConfig (line 4), not on line 7: it stays.
    expect(result.findings.map(at)).toEqual(['4:3-4:16 require-volume-kms-key', '5:20-5:21 valid-number-range']);
    expect(result.suppressedFindings?.map(justified)).toEqual([
      '2:20 valid-string-pattern: inSource "legacy"',
      '7:21 valid-number-range: inSource "approved"',
    ]);
  });

  it('finds the next line past blank and comment-only lines, and names a line only if one follows', async () => {
    const text = request(
      '# sagelint-disable-next-line valid-string-pattern -- legacy name',
      '',
      '   ',
      '# another comment',
      '  # and an indented one',
      'JobDefinitionName: churn_model_bias',
      ...JOB_RESOURCES.slice(0, 2),
      '    InstanceCount: 1',
      ...JOB_RESOURCES.slice(3),
    ).concat('# sagelint-disable-next-line valid-role-arn -- nothing follows\n');
    const result = await lintWith('next-line.yaml', text, { reportUnusedDirectives: 'warning' });
    expect(result.suppressedFindings?.map(justified)).toEqual(['6:20 valid-string-pattern: inSource "legacy name"']);
    expect(result.findings.map(at)).toEqual(['11:21-11:26 valid-number-range', '36:1-36:63 unused-suppression']);
  });

  it('does not suppress fatal findings', async () => {
    const result = await lintText('# sagelint-disable -- broken on purpose\nModelBiasJobInput: [\n', { filePath: 'broken.yaml', cwd: FIXTURES });
    expect(result.findings.map((finding) => finding.ruleId)).toEqual([RESERVED_RULE_IDS.parseError]);
    expect(result.suppressedFindings).toBeUndefined();
  });

  it('accepts a rule that exists but is off, and knows no directive in JSON', async () => {
    const off = await lintText(request('# sagelint-disable-next-line require-tag-keys -- tags come later', ...JOB_RESOURCES), {
      filePath: 'off.yaml',
      cwd: FIXTURES,
    });
    expect(off.findings.filter((finding) => finding.ruleId.startsWith('suppression-'))).toEqual([]);
    const clean = readFileSync(join(ROOT, 'fixtures', 'examples', 'clean-request.json'), 'utf8');
    const named = clean.replace('"churn-model-bias"', '"a # sagelint-disable-line valid-string-pattern -- no"');
    expect(named).not.toBe(clean);
    const json = await lintText(named, { filePath: 'r.json', cwd: FIXTURES });
    expect(json.suppressedFindings).toBeUndefined();
    expect(json.findings.some((finding) => finding.ruleId === 'valid-string-pattern')).toBe(true);
  });
});

describe('CloudFormation Metadata.sagelint.ignore', () => {
  it('suppresses in a resource and in the whole template (YAML); a value shared with a resource that does not suppress stays', async () => {
    const result = await lintFixture('template.yaml');
    expect(result.findings.map(at)).toEqual([
      // The parameter's default is used by First, which suppresses valid-number-range, and by Second, which does not.
      '10:14-10:19 valid-number-range',
      // The entry without a reason: the whole entry.
      '49:13-49:41 suppression-without-reason',
    ]);
    expect(result.findings[1]).toMatchObject({
      pointer: '/Resources/Second/Metadata/sagelint/ignore/0',
      message: 'The Metadata.sagelint.ignore entry for "require-volume-kms-key" gives no reason: add one as "reason".',
    });
    expect(result.suppressedFindings?.map(justified)).toEqual([
      '22:26 valid-number-range: inSource "Approved by the platform team (ticket ML-42)."',
      '41:7 require-vpc-config: inSource "The jobs run in the shared VPC that the pipeline attaches."',
      '52:9 require-volume-kms-key: inSource ""',
      '71:7 require-vpc-config: inSource "The jobs run in the shared VPC that the pipeline attaches."',
    ]);
    expect(result).toMatchObject({ errorCount: 1, warningCount: 1 });
  });

  it('suppresses a finding at a parameter default used only by the resource that asks', async () => {
    const text = fixture('template.yaml').replace(/(Second:[\s\S]*VolumeSizeInGB: )!Ref VolumeSize/, '$1 30');
    const result = await lintText(text, { filePath: 'one-user.yaml', cwd: FIXTURES });
    expect(result.findings.map(at)).toEqual(['49:13-49:41 suppression-without-reason']);
    expect(result.suppressedFindings?.map(justified)).toContain('10:14 valid-number-range: inSource "Approved by the platform team (ticket ML-42)."');
  });

  it('works in JSON templates, and reports an unknown rule id at its value', async () => {
    const result = await lintFixture('template.json');
    expect(result.findings.map(at)).toEqual(['19:30-19:31 valid-number-range', '66:23-66:43 suppression-unknown-rule']);
    expect(result.findings[1]).toMatchObject({
      pointer: '/Resources/First/Metadata/sagelint/ignore/0/rule',
      message: 'The Metadata.sagelint.ignore entry names "valid-number-rnage", which is not a sagelint rule.',
    });
    expect(result.suppressedFindings?.map(justified)).toEqual(['83:31 valid-number-range: inSource "Large volume approved."']);
  });

  it('reports an entry that names no rule', async () => {
    const text = fixture('template.json').replace('"rule": "valid-number-rnage",', '"rules": ["valid-number-range"],');
    const result = await lintText(text, { filePath: 'no-rule.json', cwd: FIXTURES });
    expect(result.findings.filter((finding) => finding.ruleId === RESERVED_RULE_IDS.suppressionUnknownRule).map(at)).toEqual([
      '65:13-68:14 suppression-unknown-rule',
    ]);
  });
});

describe('options', () => {
  it('inlineConfig: false ignores every in-file suppression', async () => {
    for (const name of ['request.yaml', 'template.yaml', 'template.json']) {
      const result = await lintWith(name, fixture(name), { inlineConfig: false });
      expect(result.suppressedFindings, name).toBeUndefined();
      expect(result.findings.filter((finding) => finding.ruleId.startsWith('suppression-')), name).toEqual([]);
    }
    const request = await lintWith('request.yaml', fixture('request.yaml'), { inlineConfig: false });
    expect(request).toMatchObject({ errorCount: 5, warningCount: 3 });
  });

  it('reportUnusedDirectives reports what suppressed nothing, at the severity asked for', async () => {
    expect((await lintFixture('request.yaml')).findings.some((finding) => finding.ruleId === RESERVED_RULE_IDS.unusedSuppression)).toBe(false);
    const request = await lintWith('request.yaml', fixture('request.yaml'), { reportUnusedDirectives: 'error' });
    // One rule of two in the list suppressed nothing: that rule id is reported.
    expect(request.findings.filter((finding) => finding.ruleId === RESERVED_RULE_IDS.unusedSuppression)).toEqual([
      {
        ruleId: 'unused-suppression',
        severity: 'error',
        message: 'The sagelint-disable-line comment suppresses no finding of "valid-instance-type": remove it from the list.',
        line: 27,
        column: 71,
        endLine: 27,
        endColumn: 90,
      },
    ]);
    expect(request.errorCount).toBe(3);
    const template = await lintWith('template.json', fixture('template.json'), { reportUnusedDirectives: 'warning' });
    // The template's entry: no finding of require-vpc-config (both resources have a VpcConfig). The unknown id is
    // reported once, as unknown.
    expect(template.findings.filter((finding) => finding.ruleId === RESERVED_RULE_IDS.unusedSuppression)).toEqual([
      {
        ruleId: 'unused-suppression',
        severity: 'warning',
        message: 'The Metadata.sagelint.ignore entry for "require-vpc-config" suppresses no finding: remove it.',
        line: 6,
        column: 9,
        endLine: 9,
        endColumn: 10,
        pointer: '/Metadata/sagelint/ignore/0',
      },
    ]);
  });

  it('reportUnusedDirectives counts a rule that is off as unused', async () => {
    const resources = ['JobDefinitionName: churn-model-bias', 'JobResources:', '  ClusterConfig:', '    InstanceCount: 1', '    InstanceType: ml.m5.xlarge', '    VolumeSizeInGB: 30'];
    const text = request('# sagelint-disable-next-line require-tag-keys -- tags come later', ...resources);
    const result = await lintWith('off.yaml', text, { reportUnusedDirectives: 'warning' });
    expect(result.findings.map(at)).toEqual(['1:1-1:65 unused-suppression', '4:3-4:16 require-volume-kms-key']);
    expect(result.findings[0]?.message).toBe('The sagelint-disable-next-line comment suppresses no finding of "require-tag-keys": remove it.');
  });
});

describe('formatters', () => {
  it('stylish hides suppressed findings, json lists them in suppressedMessages, sarif marks them suppressed', async () => {
    const result = await lintFixture('request.yaml');
    const context = { cwd: FIXTURES };
    const text = (await loadFormatter('stylish')).format([result], context);
    expect(text).not.toContain('valid-enum-value');
    expect(text).toContain('✖ 4 problems (2 errors, 2 warnings)');

    const [json] = JSON.parse((await loadFormatter('json')).format([result], context)) as Record<string, unknown>[];
    expect(json?.['errorCount']).toBe(2);
    expect((json?.['messages'] as unknown[]).length).toBe(4);
    expect(json?.['suppressedMessages']).toContainEqual({
      ruleId: 'valid-enum-value',
      severity: 2,
      severityName: 'error',
      message: 'S3InputMode "FastFile" is not one of "File", "Pipe".',
      line: 14,
      column: 18,
      endLine: 14,
      endColumn: 26,
      pointer: '/ModelBiasJobInput/EndpointInput/S3InputMode',
      suppressions: [{ kind: 'directive', justification: 'FastFile is enabled in our accounts' }],
    });

    const sarif = JSON.parse((await loadFormatter('sarif')).format([result], { ...context, repositoryRoot: FIXTURES })) as {
      runs: { results: { ruleId: string; suppressions?: unknown[]; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    const results = sarif.runs[0]?.results ?? [];
    expect(results).toHaveLength(10);
    expect(results.map((one) => one.locations[0]?.physicalLocation.region.startLine)).toEqual([3, 9, 9, 14, 17, 24, 27, 27, 28, 29]);
    expect(results.find((one) => one.ruleId === 'valid-enum-value')?.suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'FastFile is enabled in our accounts' },
    ]);
    expect(results.filter((one) => one.suppressions === undefined).map((one) => one.ruleId)).toEqual([
      'valid-string-length',
      'valid-string-pattern',
      'suppression-without-reason',
      'suppression-unknown-rule',
    ]);
  });
});
