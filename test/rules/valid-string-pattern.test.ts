import rule from '../../src/rules/valid-string-pattern.js';
import { testRule } from '../support/rule-tester.js';

const NAME = '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$';
const S3_URI = '^(https|s3)://([^/]+)/?(.*)$';
const DESTINATION_S3_URI = '^(https|s3)://([^/])/?(.*)$';
const ROLE_ARN = '^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$';
const ENVIRONMENT_KEY = '^[a-zA-Z_][a-zA-Z0-9_]*$';
const KMS_KEY_ID = '^[a-zA-Z0-9:/_-]*$';
const VPC_ID = '^[-0-9a-zA-Z]+$';
const TAG = '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$';
// CloudFormation's own patterns (reference §2.2 #11, #12), where they differ from the API's; an unanchored schema
// pattern is shown as what it means for the whole value.
const CFN_NAME = '^[a-zA-Z0-9](-*[a-zA-Z0-9])*$';
const CFN_TIME_OFFSET = '^.?P[\\s\\S]*$';
const CFN_VPC_ID = '^[\\s\\S]*[-0-9a-zA-Z][\\s\\S]*$';

testRule(rule, {
  valid: [
    // The time offsets only need a "P", optionally after one character (a sign).
    { file: 'inline-time-offsets.json', code: '{"ModelBiasJobInput": {"EndpointInput": {"StartTimeOffset": "-PT1H", "EndTimeOffset": "P"}}}\n' },
    // Environment values take any text, line breaks included.
    { file: 'inline-environment-value.yaml', code: 'ModelBiasAppSpecification:\n  Environment: {A: "#!\\n\\t ä 🙂"}\n' },
  ],
  invalid: [
    {
      file: 'example.yaml',
      findings: [
        // "my_job" matches the pattern unanchored ("my" alone does); the service checks the whole value.
        { line: 1, column: 20, endLine: 1, endColumn: 26, message: `JobDefinitionName "my_job" does not match the pattern ${NAME}.` },
        {
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 66,
          message: `ConfigUri "http://example-monitoring/churn/analysis_config.json" does not match the pattern ${S3_URI}.`,
        },
        // A map key is reported at the key, not at its value.
        { line: 6, column: 5, endLine: 6, endColumn: 7, message: `Environment key "1A" does not match the pattern ${ENVIRONMENT_KEY}.` },
        // The model's RoleArn pattern wants ":role", so a user ARN is rejected.
        { line: 16, column: 10, message: `RoleArn "arn:aws:iam::123456789012:user/x" does not match the pattern ${ROLE_ARN}.` },
        { line: 18, column: 10, message: `Tags[0].Key "a!" does not match the pattern ${TAG}.` },
        // A quoted YAML scalar is pointed at with its quotes.
        { line: 19, column: 12, endLine: 19, endColumn: 20, message: `Tags[0].Value "#churn" does not match the pattern ${TAG}.` },
      ],
    },
    {
      file: 'names.json',
      findings: [
        { line: 2, column: 24, endLine: 2, endColumn: 30, message: `JobDefinitionName "-abc" does not match the pattern ${NAME}.` },
        { line: 3, column: 53, message: `BaseliningJobName "baseline-" does not match the pattern ${NAME}.` },
        { line: 5, column: 40, endLine: 5, endColumn: 56, message: `EndpointName "churn_endpoint" does not match the pattern ${NAME}.` },
      ],
    },
    {
      file: 's3-uris.yaml',
      findings: [
        // No bucket between "//" and "/".
        { line: 4, column: 12, message: `S3Uri "s3:///constraints.json" does not match the pattern ${S3_URI}.` },
        // No scheme.
        { line: 6, column: 14, message: `ConfigUri "example-monitoring/churn/analysis_config.json" does not match the pattern ${S3_URI}.` },
        {
          line: 9,
          column: 35,
          message: `DataCapturedDestinationS3Uri "http://example-capture/churn" does not match the pattern ${DESTINATION_S3_URI}.`,
        },
        // The scheme is case-sensitive.
        { line: 13, column: 12, message: `S3Uri "S3://example-monitoring/ground-truth" does not match the pattern ${S3_URI}.` },
        // Flow style, inside the one monitoring output.
        { line: 16, column: 25, endLine: 16, endColumn: 51, message: `S3Uri "example-monitoring/reports" does not match the pattern ${S3_URI}.` },
      ],
    },
    {
      file: 'ids-and-keys.json',
      findings: [
        { line: 3, column: 44, endLine: 3, endColumn: 48, message: `Environment key "1A" does not match the pattern ${ENVIRONMENT_KEY}.` },
        { line: 3, column: 55, message: `Environment key "MAX-RECORDS" does not match the pattern ${ENVIRONMENT_KEY}.` },
        { line: 5, column: 45, message: `KmsKeyId "alias/my key" does not match the pattern ${KMS_KEY_ID}.` },
        { line: 6, column: 58, message: `VolumeKmsKeyId "key#1" does not match the pattern ${KMS_KEY_ID}.` },
        { line: 9, column: 52, endLine: 9, endColumn: 61, message: `SecurityGroupIds[1] "sg_0123" does not match the pattern ${VPC_ID}.` },
        { line: 10, column: 32, message: `Subnets[1] "subnet 02" does not match the pattern ${VPC_ID}.` },
        // SubnetId has no minimum length in the model; the pattern's "+" is what rejects an empty id.
        { line: 10, column: 45, endLine: 10, endColumn: 47, message: `Subnets[2] "" does not match the pattern ${VPC_ID}.` },
        { line: 13, column: 14, message: `RoleArn "arn:aws:iam::123456789012:user/x" does not match the pattern ${ROLE_ARN}.` },
      ],
    },
    {
      file: 'flow-tags.yaml',
      findings: [
        { line: 2, column: 10, message: `RoleArn "arn:aws:iam::12345678901:role/too-few-digits" does not match the pattern ${ROLE_ARN}.` },
        { line: 3, column: 14, endLine: 3, endColumn: 18, message: `Tags[0].Key "a!" does not match the pattern ${TAG}.` },
        { line: 3, column: 51, message: `Tags[1].Value "ml#ops" does not match the pattern ${TAG}.` },
        // An emoji is no letter, space or number; the column after the key "東京" counts UTF-16 units.
        { line: 3, column: 81, endLine: 3, endColumn: 85, message: `Tags[2].Value "🙂" does not match the pattern ${TAG}.` },
      ],
    },
    {
      file: 'inline-time-offset.json',
      code: '{"ModelBiasJobInput": {"EndpointInput": {"StartTimeOffset": "-1H"}}}\n',
      findings: [{ line: 1, column: 61, endLine: 1, endColumn: 66, message: 'StartTimeOffset "-1H" does not match the pattern ^.?P.*$.' }],
    },
    {
      // CloudFormation's patterns: no finding for EndpointName "churn_endpoint", Environment key "1A", KmsKeyId
      // "alias/my key", DataCapturedDestinationS3Uri "s3://example-capture/churn" or SecurityGroupIds[0] "sg_0123".
      file: 'template.yaml',
      findings: [
        { line: 7, column: 26, endLine: 7, endColumn: 36, message: `JobDefinitionName "churn_bias" does not match the pattern ${CFN_NAME}.` },
        { line: 10, column: 16, message: `RoleArn "arn:aws:iam::123456789012:user/monitoring" does not match the pattern ${ROLE_ARN}.` },
        // Fn::Sub without variables is evaluated; the finding spans the tagged value.
        {
          line: 13,
          column: 20,
          endLine: 13,
          endColumn: 79,
          message: `ConfigUri "http://example-monitoring/churn/analysis_config.json" does not match the pattern ${S3_URI}.`,
        },
        { line: 22, column: 28, endLine: 22, endColumn: 31, message: `StartTimeOffset "-1H" does not match the pattern ${CFN_TIME_OFFSET}.` },
        { line: 24, column: 18, message: `S3Uri "example-monitoring/churn/ground-truth" does not match the pattern ${S3_URI}.` },
        // CloudFormation's id pattern is unanchored: only a value without any letter, digit or "-" fails it.
        { line: 39, column: 39, endLine: 39, endColumn: 42, message: `SecurityGroupIds[1] "___" does not match the pattern ${CFN_VPC_ID}.` },
        { line: 43, column: 18, endLine: 43, endColumn: 26, message: `Tags[0].Value "#churn" does not match the pattern ${TAG}.` },
      ],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 7,
          column: 83,
          endLine: 7,
          endColumn: 108,
          message: `RoleArn "SageMakerMonitoringRole" does not match the pattern ${ROLE_ARN} (from parameter MonitoringRoleArn, used by Properties.RoleArn).`,
        },
        {
          line: 13,
          column: 32,
          endLine: 13,
          endColumn: 80,
          message: `ConfigUri "s3//example-monitoring-us/analysis_config.json" does not match the pattern ${S3_URI} (from mapping Buckets, used by Properties.ModelBiasAppSpecification.ConfigUri).`,
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [
        {
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 36,
          message: `JobDefinitionName "bad_name" does not match the pattern ${CFN_NAME} (construct BiasStack/BadBias).`,
        },
        {
          line: 15,
          column: 19,
          message: `ConfigUri "sagelint-fixtures/bias/analysis_config.json" does not match the pattern ${S3_URI} (construct BiasStack/BadBias).`,
        },
      ],
    },
  ],
});
