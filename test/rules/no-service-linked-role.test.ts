import rule from '../../src/rules/no-service-linked-role.js';
import { testRule } from '../support/rule-tester.js';

const ADVICE = 'which SageMaker jobs cannot assume; use an execution role that trusts sagemaker.amazonaws.com';
const SAGEMAKER_SLR = 'RoleArn "arn:aws:iam::123456789012:role/aws-service-role/sagemaker.amazonaws.com/AWSS...';
const ofSageMaker = `${SAGEMAKER_SLR} is a service-linked role (of sagemaker.amazonaws.com), ${ADVICE}`;

testRule(rule, {
  invalid: [
    { file: 'example.yaml', findings: [{ line: 5, column: 10, endLine: 5, endColumn: 123, message: `${ofSageMaker}.` }] },
    {
      file: 'request.json',
      findings: [
        {
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 118,
          message:
            'RoleArn "arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AW... is a service-linked ' +
            `role (of autoscaling.amazonaws.com), ${ADVICE}.`,
        },
      ],
    },
    {
      // Only the Fn::If branch with the service-linked role.
      file: 'template.yaml',
      findings: [{ line: 19, column: 11, endLine: 19, endColumn: 124, message: `${ofSageMaker}.` }],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 133,
          message: `${ofSageMaker} (from parameter MonitoringRoleArn, used by Properties.RoleArn).`,
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [{ line: 10, column: 16, endLine: 10, endColumn: 131, message: `${ofSageMaker} (construct BiasStack/BadBias).` }],
    },
    {
      file: 'inline-other-partition.yaml',
      code: 'ModelBiasJobInput: {}\nRoleArn: arn:aws-cn:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS\n',
      findings: [
        {
          line: 2,
          column: 10,
          message:
            'RoleArn "arn:aws-cn:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServ... is a service-linked ' +
            `role (of ecs.amazonaws.com), ${ADVICE}.`,
        },
      ],
    },
  ],
});
