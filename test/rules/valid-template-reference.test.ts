import rule from '../../src/rules/valid-template-reference.js';
import { testRule } from '../support/rule-tester.js';

const refMissing = (name: string): string => `Ref names "${name}", which is neither a parameter nor a resource of this template.`;
const subMissing = (name: string): string =>
  `Fn::Sub refers to \${${name}}, which is neither a variable, a parameter nor a resource of this template.`;

testRule(rule, {
  valid: [
    // A condition that refers to other conditions without a cycle; Ref to the bias job's sibling resource.
    {
      file: 'inline-condition-chain.yaml',
      code:
        'Conditions:\n  A: !Equals [a, b]\n  B: !Not [!Condition A]\n  C: !And [!Condition A, !Condition B]\n' +
        'Resources:\n  Role:\n    Type: AWS::IAM::Role\n  BiasJob:\n    Type: AWS::SageMaker::ModelBiasJobDefinition\n' +
        '    Condition: C\n    Properties:\n      RoleArn: !GetAtt [Role, Arn]\n      JobDefinitionName: !Ref Role\n',
    },
  ],
  invalid: [
    {
      // Positions are in the template: at the name that does not resolve, or the Fn::Sub string that holds it.
      file: 'example.yaml',
      findings: [
        { line: 7, column: 16, endLine: 7, endColumn: 28, message: 'The condition "IsProduction" is not defined in Conditions.' },
        { line: 9, column: 21, endLine: 9, endColumn: 28, message: refMissing('RoleARN') },
        { line: 11, column: 25, endLine: 11, endColumn: 68, message: subMissing('ConfigBucket') },
        // `!GetAtt A.B` is split at the dot; the finding spans the whole scalar.
        { line: 13, column: 27, endLine: 13, endColumn: 40, message: 'Fn::GetAtt names "OutputKey", which is not a resource of this template.' },
      ],
    },
    {
      file: 'long-form.json',
      findings: [
        { line: 9, column: 20, endLine: 9, endColumn: 35, message: 'DependsOn names "MonitorBucket", which is not a resource of this template.' },
        { line: 11, column: 29, endLine: 11, endColumn: 42, message: refMissing('MonitorRole') },
        { line: 13, column: 36, message: subMissing('ImageAccount') },
        // The variables map has "Prefx", not "Prefix"; the list form is pointed at as a whole.
        { line: 14, column: 37, endLine: 14, endColumn: 107, message: subMissing('Prefix') },
        { line: 17, column: 39, endLine: 17, endColumn: 59, message: 'Fn::GetAtt names "OutputKey", which is not a resource of this template.' },
        { line: 19, column: 54, endLine: 19, endColumn: 72, message: 'Fn::GetAtt names "OutputBucket", which is not a resource of this template.' },
      ],
    },
    {
      file: 'conditions-and-mappings.yaml',
      findings: [
        { line: 16, column: 25, endLine: 16, endColumn: 36, message: 'DependsOn names "MonitorRole", which is not a resource of this template.' },
        { line: 19, column: 24, endLine: 19, endColumn: 30, message: 'The condition "HasKey" is not defined in Conditions.' },
        {
          line: 22,
          column: 37,
          endLine: 22,
          endColumn: 50,
          message: 'Fn::FindInMap names the mapping "InstanceTypes", which the template does not define.',
        },
        { line: 23, column: 49, endLine: 23, endColumn: 53, message: 'Fn::FindInMap names the key "prod", which the mapping Instances does not have.' },
        { line: 24, column: 55, endLine: 24, endColumn: 65, message: 'Fn::FindInMap names the key "VolumeSize", which Instances.dev does not have.' },
      ],
    },
    {
      // One cycle, one finding: at the key of the condition the resource uses.
      file: 'condition-cycle.yaml',
      findings: [
        { line: 2, column: 3, endLine: 2, endColumn: 9, message: 'The conditions IsProd → InProdAccount → IsProd refer to each other in a cycle.' },
      ],
    },
    {
      file: 'inline-ref-in-sub-variables.json',
      code:
        '{"Resources": {"BiasJob": {"Type": "AWS::SageMaker::ModelBiasJobDefinition", "DependsOn": ["Bucket"],\n' +
        '  "Properties": {"JobDefinitionName": {"Fn::Sub": ["${Stack}-bias", {"Stack": {"Ref": "StackName"}}]}}}}}\n',
      findings: [
        { line: 1, column: 92, endLine: 1, endColumn: 100, message: 'DependsOn names "Bucket", which is not a resource of this template.' },
        { line: 2, column: 87, endLine: 2, endColumn: 98, message: refMissing('StackName') },
      ],
    },
  ],
});
