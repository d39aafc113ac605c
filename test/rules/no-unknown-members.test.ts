import rule from '../../src/rules/no-unknown-members.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    // A map's keys are names the user chooses, never unknown members.
    { file: 'inline-environment.json', code: '{"ModelBiasAppSpecification": {"Environment": {"InstanceTyp": "x", "Unknown": "y"}}}\n' },
  ],
  invalid: [
    {
      file: 'example.yaml',
      findings: [
        { line: 7, column: 5, endLine: 7, endColumn: 16, message: 'ClusterConfig has an unknown member "InstanceTyp"; did you mean "InstanceType"?' },
        { line: 10, column: 3, endLine: 10, endColumn: 25, message: 'NetworkConfig has an unknown member "enableNetworkIsolation"; did you mean "EnableNetworkIsolation"?' },
        // EndpointName belongs in ModelBiasJobInput.EndpointInput (CloudFormation has it at the top level).
        { line: 11, column: 1, endLine: 11, endColumn: 13, message: 'The request has an unknown member "EndpointName".' },
      ],
    },
    {
      file: 'lists.json',
      findings: [
        { line: 5, column: 84, endLine: 5, endColumn: 96, message: 'MonitoringOutputs[0].S3Output has an unknown member "UploadMode"; did you mean "S3UploadMode"?' },
        { line: 8, column: 43, message: 'Tags[0] has an unknown member "Owner".' },
        { line: 9, column: 3, message: 'The request has an unknown member "Retries".' },
      ],
    },
    {
      file: 'flow.yaml',
      findings: [
        // A wrong-case ModelBias member still makes the file a request, and is suggested its right spelling.
        { line: 2, column: 3, endLine: 2, endColumn: 20, message: 'The request has an unknown member "modelBiasJobInput"; did you mean "ModelBiasJobInput"?' },
        // InstanceType is present, so it is not suggested for InstanceTypes.
        { line: 3, column: 79, message: 'ClusterConfig has an unknown member "InstanceTypes".' },
        { line: 4, column: 45, message: 'Tags[1] has an unknown member "Valeu"; did you mean "Value"?' },
      ],
    },
    {
      file: 'crlf.yaml',
      findings: [
        { line: 6, column: 5, endLine: 6, endColumn: 25, message: 'EndpointInput has an unknown member "ProbabilityThreshold"; did you mean "ProbabilityThresholdAttribute"?' },
        { line: 8, column: 3, message: 'StoppingCondition has an unknown member "MaxRuntimeInSecs"; did you mean "MaxRuntimeInSeconds"?' },
      ],
    },
    {
      file: 'bom-tabs.json',
      findings: [
        { line: 6, column: 22, endLine: 6, endColumn: 27, message: 'DatasetFormat has an unknown member "CSV"; did you mean "Csv"?' },
        // Environment is present, so the misspelt copy gets no suggestion.
        { line: 10, column: 109, message: 'ModelBiasAppSpecification has an unknown member "Enviroment".' },
      ],
    },
    {
      file: 'multi-document.yaml',
      findings: [
        { line: 10, column: 65, message: 'ClusterConfig has an unknown member "VolumeSizeInGb"; did you mean "VolumeSizeInGB"?' },
      ],
    },
    {
      file: 'inline-escaped-name.json',
      // A member name with the characters a JSON Pointer escapes.
      code: '{"ModelBiasJobInput": {"GroundTruthS3Input": {"a/b~c": 1}}}',
      findings: [{ line: 1, column: 47, endLine: 1, endColumn: 54, message: 'GroundTruthS3Input has an unknown member "a/b~c".' }],
    },
    {
      file: 'template.yaml',
      findings: [
        // Resource-level keys are checked too: Type, Properties, Metadata, DependsOn, Condition and the policies.
        { line: 10, column: 5, endLine: 10, endColumn: 13, message: 'Resource BiasJob has an unknown member "DependOn"; did you mean "DependsOn"?' },
        // The API takes ExcludeFeaturesAttribute; the CloudFormation schema does not (reference §2.2 #3).
        { line: 25, column: 11, endLine: 25, endColumn: 35, message: 'BatchTransformInput has an unknown member "ExcludeFeaturesAttribute".' },
        { line: 38, column: 11, message: 'ClusterConfig has an unknown member "VolumeKmsKeyID"; did you mean "VolumeKmsKeyId"?' },
        { line: 41, column: 5, endLine: 41, endColumn: 14, message: 'Resource MisspeltBiasJob has an unknown member "Propertys"; did you mean "Properties"?' },
      ],
    },
    {
      // Only the second Fn::If branch has the unknown member; it is pointed at inside that branch.
      file: 'template-parameter.json',
      findings: [{ line: 19, column: 94, endLine: 19, endColumn: 106, message: 'GroundTruthS3Input has an unknown member "S3DataType".' }],
    },
    {
      file: 'cdk.json',
      findings: [
        {
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 23,
          message:
            'ClusterConfig has an unknown member "VolumeSizeInGb"; did you mean "VolumeSizeInGB" (construct BiasStack/BadBias)?',
        },
      ],
    },
  ],
});
