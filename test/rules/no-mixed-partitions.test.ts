import rule from '../../src/rules/no-mixed-partitions.js';
import { testRule } from '../support/rule-tester.js';

const ADVICE = 'use one partition for the whole definition';
const AWS_ROLE = 'RoleArn "arn:aws:iam::123456789012:role/SageMakerMonitoringRole" is in partition aws';

testRule(rule, {
  invalid: [
    {
      // As many values disagree as agree: the image's region says where the job runs.
      file: 'example.yaml',
      findings: [
        { line: 7, column: 10, endLine: 7, endColumn: 64, message: `${AWS_ROLE}, but ImageUri (cn-north-1) is in aws-cn; ${ADVICE}.` },
      ],
    },
    {
      // Here the image is the odd one out.
      file: 'request.json',
      findings: [
        {
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 100,
          message:
            'ImageUri "598674086554.dkr.ecr.us-gov-west-1.amazonaws.com/sagemaker-clarify-processin... is in region ' +
            `us-gov-west-1 of partition aws-us-gov, but KmsKeyId (us-east-1) and RoleArn are in aws; ${ADVICE}.`,
        },
      ],
    },
    {
      file: 'environment.yaml',
      findings: [
        {
          line: 7,
          column: 22,
          endLine: 7,
          endColumn: 72,
          message:
            'Environment["ALERT_TOPIC_ARN"] "arn:aws-cn:sns:cn-north-1:123456789012:bias-alerts" is in partition aws-cn, ' +
            `but ImageUri (us-east-1) and RoleArn are in aws; ${ADVICE}.`,
        },
      ],
    },
    {
      // One object under two members (a YAML alias) is judged under each, and placed where it is written.
      file: 'alias.yaml',
      findings: [
        {
          line: 9,
          column: 13,
          endLine: 9,
          endColumn: 88,
          message:
            'KmsKeyId "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" is in partition aws, ' +
            `but ImageUri (cn-north-1) and RoleArn are in aws-cn; ${ADVICE}.`,
        },
        {
          line: 9,
          column: 13,
          endLine: 9,
          endColumn: 88,
          message:
            'KmsKeyId "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" is in region us-east-1 ' +
            `of partition aws, but ImageUri (cn-north-1) and RoleArn are in aws-cn; ${ADVICE}.`,
        },
      ],
    },
    {
      // Fn::Sub without variables is known; of the Fn::If branches, only the second disagrees.
      file: 'template.yaml',
      findings: [
        {
          line: 25,
          column: 11,
          endLine: 25,
          endColumn: 65,
          message: `${AWS_ROLE}, but ImageUri (cn-northwest-1) and VolumeKmsKeyId (cn-northwest-1) are in aws-cn; ${ADVICE}.`,
        },
      ],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 74,
          message:
            `${AWS_ROLE}, but ImageUri (cn-north-1) is in aws-cn; ${ADVICE} ` +
            '(from parameter MonitoringRoleArn, used by Properties.RoleArn).',
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [
        {
          line: 18,
          column: 16,
          endLine: 18,
          endColumn: 71,
          message:
            'RoleArn "arn:aws-us-gov:iam::123456789012:role/bias-monitoring" is in partition aws-us-gov, but ' +
            `VolumeKmsKeyId (us-east-1) and ImageUri (us-east-1) are in aws; ${ADVICE} (construct BiasStack/BadBias).`,
        },
      ],
    },
    {
      // Two values that disagree, neither with a region: the later one is reported.
      file: 'inline-two-arns.yaml',
      code:
        'ModelBiasJobInput: {}\nRoleArn: arn:aws:iam::123456789012:role/monitoring\n' +
        'ModelBiasAppSpecification: {Environment: {TOPIC: "arn:aws-iso:sns:us-iso-east-1:123456789012:alerts"}}\n',
      findings: [
        {
          line: 3,
          column: 50,
          message:
            'Environment["TOPIC"] "arn:aws-iso:sns:us-iso-east-1:123456789012:alerts" is in partition aws-iso, but RoleArn ' +
            `is in aws; ${ADVICE}.`,
        },
      ],
    },
  ],
});
