import { describe, expect, it } from 'vitest';
import { bucketNameProblem, parseS3Uri } from '../../src/rule-support/s3.js';
import rule from '../../src/rules/valid-s3-uri.js';
import { testRule } from '../support/rule-tester.js';

const CONFIG_FILE = 'give the key of the analysis config file';
const CONSTRAINTS_FILE = 'give the key of the baseline constraints file (analysis.json)';

testRule(rule, {
  valid: [
    // Prefixes may end with "/" or name the bucket alone; only ConfigUri and the constraints name a file.
    {
      file: 'inline-prefixes.yaml',
      code: 'ModelBiasJobInput: {GroundTruthS3Input: {S3Uri: "s3://example-monitoring/"}}\nModelBiasJobOutputConfig: {MonitoringOutputs: [{S3Output: {S3Uri: "s3://example-monitoring"}}]}\n',
    },
  ],
  invalid: [
    {
      file: 'example.yaml',
      findings: [
        {
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 44,
          message: `ConfigUri "s3://example-monitoring/churn/" names a prefix, not an object; ${CONFIG_FILE}.`,
        },
        {
          line: 7,
          column: 12,
          message: 'S3Uri "s3://Example-Monitoring/churn/ground-truth" has an invalid bucket name "Example-Monitoring": bucket names are lower case.',
        },
        {
          line: 10,
          column: 25,
          message:
            'S3Uri "s3://example_monitoring/churn/reports" has an invalid bucket name "example_monitoring": "_" is not allowed; ' +
            'bucket names hold lower case letters, digits, "." and "-".',
        },
      ],
    },
    {
      // Every S3 URI member of the request, each with a bucket name S3 does not allow.
      file: 'buckets.json',
      findings: [
        {
          line: 4,
          column: 39,
          endLine: 4,
          endColumn: 86,
          message: 'S3Uri "s3://192.168.5.4/churn/baseline/analysis.json" has an invalid bucket name "192.168.5.4": bucket names must not be IP addresses.',
        },
        {
          line: 8,
          column: 18,
          message:
            'ConfigUri "s3://amzn-s3-demo-bucket/churn/analysis_config.json" has an invalid bucket name "amzn-s3-demo-bucket": ' +
            'the prefix "amzn-s3-demo-" is reserved.',
        },
        {
          line: 12,
          column: 39,
          message: 'DataCapturedDestinationS3Uri "s3://ab/churn/capture" has an invalid bucket name "ab": bucket names are 3 to 63 characters long.',
        },
        {
          line: 16,
          column: 38,
          message:
            'S3Uri "s3://example..monitoring/churn/ground-truth" has an invalid bucket name "example..monitoring": bucket names must not contain "..".',
        },
        {
          line: 20,
          column: 32,
          message:
            'S3Uri "s3://churn-reports--usw2-az1--x-s3/reports" has an invalid bucket name "churn-reports--usw2-az1--x-s3": ' +
            'the suffix "--x-s3" is reserved for directory buckets.',
        },
      ],
    },
    {
      file: 'https.yaml',
      findings: [
        {
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 65,
          message: `S3Uri "https://example-monitoring.s3.us-east-1.amazonaws.com" names only a bucket, not an object; ${CONSTRAINTS_FILE}.`,
        },
        {
          line: 7,
          column: 14,
          message:
            'ConfigUri "https://example.com/churn/analysis_config.json" is not an S3 URL (host "example.com"); ' +
            'write it as s3://bucket/key or https://bucket.s3.region.amazonaws.com/key.',
        },
        {
          line: 10,
          column: 12,
          message: 'S3Uri "https://s3.eu-west-1.amazonaws.com/" names no bucket (expected https://s3.eu-west-1.amazonaws.com/bucket/key).',
        },
        {
          line: 14,
          column: 16,
          message:
            'S3Uri "https://Example-Monitoring.s3.eu-west-1.amazonaws.com/churn/reports" has an invalid bucket name "Example-Monitoring": ' +
            'bucket names are lower case.',
        },
      ],
    },
    {
      file: 'template.yaml',
      findings: [
        {
          line: 16,
          column: 20,
          endLine: 16,
          endColumn: 64,
          message: `ConfigUri "s3://example-monitoring/churn/config/" names a prefix, not an object; ${CONFIG_FILE}.`,
        },
        // The dev branch of the Fn::If inside the Fn::Join leaves a bucket name ending in "-".
        {
          line: 19,
          column: 18,
          endLine: 19,
          endColumn: 111,
          message:
            'S3Uri "s3://example-monitoring-dev-/baseline/analysis.json" has an invalid bucket name "example-monitoring-dev-": ' +
            'bucket names begin and end with a letter or digit.',
        },
        {
          line: 22,
          column: 18,
          message: 'S3Uri "s3://xn--monitoring/churn/ground-truth" has an invalid bucket name "xn--monitoring": the prefix "xn--" is reserved.',
        },
      ],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 4,
          column: 49,
          endLine: 4,
          endColumn: 81,
          message:
            `ConfigUri "s3://example-monitoring/churn/" names a prefix, not an object; ${CONFIG_FILE} ` +
            '(from parameter ConfigUri, used by Properties.ModelBiasAppSpecification.ConfigUri).',
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [
        {
          line: 23,
          column: 16,
          endLine: 23,
          endColumn: 66,
          message:
            'S3Uri "s3://sagelint-fixtures-s3alias/bias/ground-truth" has an invalid bucket name "sagelint-fixtures-s3alias": ' +
            'the suffix "-s3alias" is reserved for access point aliases (construct BiasStack/BadBias).',
        },
      ],
    },
  ],
});

describe('parseS3Uri', () => {
  it.each([
    ['s3://example-monitoring/churn/analysis_config.json', { bucket: 'example-monitoring', key: 'churn/analysis_config.json', style: 's3' }],
    ['s3://example-monitoring', { bucket: 'example-monitoring', key: '', style: 's3' }],
    ['s3://example-monitoring/', { bucket: 'example-monitoring', key: '', style: 's3' }],
    ['https://example-monitoring.s3.us-east-1.amazonaws.com/a/b', { bucket: 'example-monitoring', key: 'a/b', style: 'virtual-hosted' }],
    ['https://example-monitoring.s3.amazonaws.com/a', { bucket: 'example-monitoring', key: 'a', style: 'virtual-hosted' }],
    ['https://my.s3.bucket.s3.us-east-1.amazonaws.com/a', { bucket: 'my.s3.bucket', key: 'a', style: 'virtual-hosted' }],
    ['https://example-monitoring.s3.cn-north-1.amazonaws.com.cn/a', { bucket: 'example-monitoring', key: 'a', style: 'virtual-hosted' }],
    ['https://example-monitoring.s3-accelerate.amazonaws.com/a', { bucket: 'example-monitoring', key: 'a', style: 'virtual-hosted' }],
    ['https://example-monitoring.s3.dualstack.us-west-2.amazonaws.com/a', { bucket: 'example-monitoring', key: 'a', style: 'virtual-hosted' }],
    ['https://s3.us-east-1.amazonaws.com/example-monitoring/a', { bucket: 'example-monitoring', key: 'a', style: 'path' }],
    ['https://s3.amazonaws.com/example-monitoring', { bucket: 'example-monitoring', key: '', style: 'path' }],
    ['https://s3-eu-west-1.amazonaws.com/example-monitoring/a', { bucket: 'example-monitoring', key: 'a', style: 'path' }],
    ['https://s3.us-isob-east-1.sc2s.sgov.gov/example-monitoring/a', { bucket: 'example-monitoring', key: 'a', style: 'path' }],
    ['https://s3.eusc-de-east-1.amazonaws.eu/example-monitoring/a', { bucket: 'example-monitoring', key: 'a', style: 'path' }],
  ])('reads %s', (text, expected) => {
    expect(parseS3Uri(text)).toEqual(expected);
  });

  // What the model's pattern already rejects (in a request and in a template) is still explained, for other callers.
  it.each([
    ['example-monitoring/a', 'has no scheme; write it as s3://bucket/key'],
    ['http://example-monitoring/a', 'uses http://; write it as s3://bucket/key or an https:// S3 URL'],
    ['gs://example-monitoring/a', 'is not an S3 URI (scheme "gs"); write it as s3://bucket/key'],
    ['S3://example-monitoring/a', 'must start with "s3://" in lower case'],
    ['HTTPS://example-monitoring.s3.amazonaws.com/a', 'must start with "https://" in lower case'],
    ['s3:/example-monitoring/a', 'must start with "s3://" (two slashes)'],
    ['s3:///a', 'names no bucket; write it as s3://bucket/key'],
    ['https://s3.us-east-1.amazonaws.com/', 'names no bucket (expected https://s3.us-east-1.amazonaws.com/bucket/key)'],
    ['https://example-monitoring.s3.example.com/a', 'is not an S3 URL (host "example-monitoring.s3.example.com"); write it as s3://bucket/key or https://bucket.s3.region.amazonaws.com/key'],
    ['s3://bucket:443/a', 'has an invalid bucket name "bucket:443": ":" is not allowed; bucket names hold lower case letters, digits, "." and "-"'],
  ])('explains %s', (text, problem) => {
    expect(parseS3Uri(text)).toEqual({ problem });
  });
});

describe('bucketNameProblem', () => {
  it.each(['abc', 'a'.repeat(63), 'example.monitoring', 'example-monitoring-2024', '1bucket', 'xn-bucket', 'my-s3alias-bucket', 'sthree'])(
    'allows %s',
    (bucket) => {
      expect(bucketNameProblem(bucket)).toBeUndefined();
    },
  );

  it.each([
    ['ab', 'bucket names are 3 to 63 characters long'],
    ['a'.repeat(64), 'bucket names are 3 to 63 characters long'],
    ['Example', 'bucket names are lower case'],
    ['bücket', '"ü" is not allowed; bucket names hold lower case letters, digits, "." and "-"'],
    ['my bucket', '" " is not allowed; bucket names hold lower case letters, digits, "." and "-"'],
    ['-bucket', 'bucket names begin and end with a letter or digit'],
    ['bucket.', 'bucket names begin and end with a letter or digit'],
    ['my..bucket', 'bucket names must not contain ".."'],
    ['192.168.5.4', 'bucket names must not be IP addresses'],
    ['xn--bucket', 'the prefix "xn--" is reserved'],
    ['sthree-configurator', 'the prefix "sthree-" is reserved'],
    ['amzn-s3-demo-bucket', 'the prefix "amzn-s3-demo-" is reserved'],
    ['my-ap-123456789012-s3alias', 'the suffix "-s3alias" is reserved for access point aliases'],
    ['my-ap--ol-s3', 'the suffix "--ol-s3" is reserved for Object Lambda Access Point aliases'],
    ['my-ap.mrap', 'the suffix ".mrap" is reserved for Multi-Region Access Points'],
    ['bucket--usw2-az1--x-s3', 'the suffix "--x-s3" is reserved for directory buckets'],
    ['bucket--table-s3', 'the suffix "--table-s3" is reserved for table buckets'],
  ])('rejects %s', (bucket, problem) => {
    expect(bucketNameProblem(bucket)).toBe(problem);
  });
});
