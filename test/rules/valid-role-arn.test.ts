import { describe, expect, it } from 'vitest';
import { judgeRoleArn } from '../../src/rule-support/role-arns.js';
import rule from '../../src/rules/valid-role-arn.js';
import { testRule } from '../support/rule-tester.js';

const PARTITION_LIST = 'aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc';
const SEGMENTS = 'expected role/{path/}{name}, with a name and path segments of letters, digits and +=,.@_-.';

testRule(rule, {
  invalid: [
    {
      file: 'example.yaml',
      findings: [
        {
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 68,
          message: `RoleArn "arn:aws-foo:iam::123456789012:role/SageMakerMonitoringRole" names partition "aws-foo", which is not an AWS partition; use one of ${PARTITION_LIST}.`,
        },
      ],
    },
    {
      file: 'request.json',
      findings: [
        {
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 71,
          message:
            'RoleArn "arn:aws:iam::123456789012:roles/SageMakerMonitoringRole" has resource "roles/SageMakerMonitoringRole"; expected role/{path/}{name}.',
        },
      ],
    },
    {
      file: 'path-and-name.yaml',
      findings: [
        {
          line: 3,
          column: 10,
          message: 'RoleArn "arn:aws:iam::123456789012:roleSageMakerMonitoring" has resource "roleSageMakerMonitoring"; expected role/{path/}{name}.',
        },
        {
          line: 6,
          column: 10,
          message: `RoleArn "arn:aws:iam::123456789012:role//SageMakerMonitoringRole" has resource "role//SageMakerMonitoringRole"; ${SEGMENTS}`,
        },
        {
          line: 9,
          column: 10,
          message: `RoleArn "arn:aws:iam::123456789012:role/service-role/" has resource "role/service-role/"; ${SEGMENTS}`,
        },
        {
          line: 12,
          column: 10,
          endLine: 12,
          endColumn: 106,
          message:
            'RoleArn "arn:aws:iam::123456789012:role/SageMakerModelBiasMonitoringExecutionRoleForT... has a role name of 65 ' +
            'characters; IAM allows at most 64.',
        },
      ],
    },
    {
      // Both branches of the Fn::If are judged.
      file: 'template.yaml',
      findings: [
        {
          line: 18,
          column: 11,
          endLine: 18,
          endColumn: 69,
          message: `RoleArn "arn:aws-gov:iam::123456789012:role/SageMakerMonitoringRole" names partition "aws-gov", which is not an AWS partition; use one of ${PARTITION_LIST}.`,
        },
        {
          line: 19,
          column: 11,
          message: `RoleArn "arn:aws:iam::123456789012:role/monitoring//SageMakerMonitoringRole" has resource "role/monitoring//SageMakerMonitoringRole"; ${SEGMENTS}`,
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
          endColumn: 76,
          message:
            'RoleArn "arn:awscn:iam::123456789012:role/SageMakerMonitoringRole" names partition "awscn", which is not an ' +
            `AWS partition; use one of ${PARTITION_LIST} (from parameter MonitoringRoleArn, used by Properties.RoleArn).`,
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [
        {
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 68,
          message:
            'RoleArn "arn:aws-gov:iam::123456789012:role/bias-monitoring" names partition "aws-gov", which is not an AWS ' +
            `partition; use one of ${PARTITION_LIST} (construct BiasStack/BadBias).`,
        },
      ],
    },
  ],
});

// What the rule would say of the values the model's pattern rejects first (valid-string-pattern reports those, so the
// rule stays quiet on them; fixtures/rules/valid-role-arn/valid/schema-reported.yaml).
describe('judgeRoleArn', () => {
  const problem = (text: string): string | undefined => {
    const verdict = judgeRoleArn(text);
    return 'problem' in verdict ? verdict.problem : undefined;
  };
  const FORM = 'arn:{partition}:iam::{12-digit account}:role/{path/}{name}';

  it('names what was given instead of a role ARN', () => {
    expect(problem('SageMakerMonitoringRole')).toBe(
      'is not an ARN; expected an IAM role ARN such as "arn:aws:iam::123456789012:role/SageMakerMonitoringRole"',
    );
    expect(problem('role/x y')).toBe(`is not an ARN; expected an IAM role ARN (${FORM})`);
    expect(problem('arn:aws:s3:::example-monitoring')).toBe(`is an ARN of service "s3"; expected an IAM role ARN (${FORM})`);
    expect(problem('arn:aws:iam::123456789012:user/alice')).toBe(`is an IAM user ARN; expected a role ARN (${FORM})`);
    expect(problem('arn:aws:iam::123456789012:root')).toBe(`is an IAM root ARN; expected a role ARN (${FORM})`);
  });

  it('names the wrong field of an IAM role ARN', () => {
    expect(problem('arn:aws:iam:us-east-1:123456789012:role/x')).toBe(
      `names region "us-east-1", but an IAM ARN leaves the region empty (${FORM})`,
    );
    expect(problem('arn:aws:iam::12345678901:role/x')).toBe('has account "12345678901", which is not a 12-digit account id');
    expect(problem(`arn:aws:iam::123456789012:role/${'p/'.repeat(256)}x`)).toBe('has a role path of 513 characters; IAM allows at most 512');
  });

  it('gives the parts of a valid role ARN', () => {
    expect(judgeRoleArn('arn:aws-cn:iam::123456789012:role/service-role/monitoring')).toEqual({
      arn: { partition: 'aws-cn', accountId: '123456789012', path: '/service-role/', name: 'monitoring' },
    });
    expect(judgeRoleArn('arn:aws:iam::123456789012:role/x')).toEqual({
      arn: { partition: 'aws', accountId: '123456789012', path: '/', name: 'x' },
    });
  });
});
