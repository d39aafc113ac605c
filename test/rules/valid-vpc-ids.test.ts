import rule from '../../src/rules/valid-vpc-ids.js';
import { testRule } from '../support/rule-tester.js';

const SECURITY_GROUP = 'expected "sg-" and 8 or 17 hex digits, such as "sg-0123456789abcdef0"';
const SUBNET = 'expected "subnet-" and 8 or 17 hex digits, such as "subnet-0123456789abcdef0"';

testRule(rule, {
  invalid: [
    {
      file: 'example.yaml',
      findings: [
        // Seven hex digits: cut short.
        { line: 5, column: 24, endLine: 5, endColumn: 34, message: `SecurityGroupIds[0] "sg-0123abc" is not a security group id; ${SECURITY_GROUP}.` },
        {
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 35,
          message: 'Subnets[0] "sg-0123456789abcdef0" is a security group id; Subnets takes subnet ids, such as "subnet-0123456789abcdef0".',
        },
      ],
    },
    {
      file: 'request.json',
      findings: [
        // Upper case passes the API model's pattern, but EC2 ids are lower case.
        {
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 50,
          message: 'SecurityGroupIds[0] "sg-0123456789ABCDEF0" is not a security group id; did you mean "sg-0123456789abcdef0"?',
        },
        // A security group's name is not its id.
        { line: 6, column: 52, endLine: 6, endColumn: 61, message: `SecurityGroupIds[1] "default" is not a security group id; ${SECURITY_GROUP}.` },
        // Sixteen hex digits.
        { line: 7, column: 19, endLine: 7, endColumn: 44, message: `Subnets[0] "subnet-0123456789abcdef" is not a subnet id; ${SUBNET}.` },
      ],
    },
    {
      // The CloudFormation schema lets through what the API model would not (a blank, an underscore).
      file: 'template.yaml',
      findings: [
        { line: 12, column: 15, endLine: 12, endColumn: 29, message: 'SecurityGroupIds[0] " sg-0123abcd" is not a security group id; did you mean "sg-0123abcd"?' },
        { line: 14, column: 21, endLine: 14, endColumn: 36, message: `Subnets[0] "subnet_0123abcd" is not a subnet id; ${SUBNET}.` },
      ],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 4,
          column: 53,
          endLine: 4,
          endColumn: 71,
          message:
            `Subnets[1] "subnet-private-a" is not a subnet id; ${SUBNET} ` +
            '(from parameter PrivateSubnet, used by Properties.NetworkConfig.VpcConfig.Subnets[1]).',
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [
        {
          line: 21,
          column: 8,
          endLine: 21,
          endColumn: 23,
          message: `SecurityGroupIds[0] "sg-monitoring" is not a security group id; ${SECURITY_GROUP} (construct BiasStack/BadBias).`,
        },
      ],
    },
    {
      // A subnet id among the security groups.
      file: 'inline-swapped.yaml',
      code: 'ModelBiasJobInput: {}\nNetworkConfig: {VpcConfig: {SecurityGroupIds: [subnet-0123abcd], Subnets: [subnet-0123abcd]}}\n',
      findings: [
        {
          line: 2,
          column: 48,
          message: 'SecurityGroupIds[0] "subnet-0123abcd" is a subnet id; SecurityGroupIds takes security group ids, such as "sg-0123456789abcdef0".',
        },
      ],
    },
  ],
});
