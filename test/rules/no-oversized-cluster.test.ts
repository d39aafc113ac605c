import rule from '../../src/rules/no-oversized-cluster.js';
import { testRule } from '../support/rule-tester.js';

// The cases run with the rule's example options: { maxInstanceCount: 2, maxVolumeSizeInGB: 100 }.
const RAISE = 'lower it or have the limit raised';
const instances = (count: number, note = ''): string =>
  `InstanceCount ${count} is more than 2, the most your team allows (maxInstanceCount); ${RAISE}${note}.`;
const volume = (size: number, note = ''): string =>
  `VolumeSizeInGB ${size} is more than 100 GB, the most your team allows (maxVolumeSizeInGB); ${RAISE}${note}.`;

const LARGE = 'ModelBiasJobInput: {}\nJobResources: {ClusterConfig: {InstanceCount: 50, VolumeSizeInGB: 5000}}\n';

testRule(rule, {
  valid: [
    // The defaults are the API's limits: the rule adds nothing until configured.
    { file: 'inline-defaults.yaml', code: LARGE, options: {} },
  ],
  invalid: [
    {
      file: 'example.yaml',
      findings: [
        { line: 5, column: 20, endLine: 5, endColumn: 21, message: instances(4) },
        { line: 7, column: 21, endLine: 7, endColumn: 24, message: volume(500) },
      ],
    },
    { file: 'request.json', findings: [{ line: 5, column: 94, endLine: 5, endColumn: 97, message: volume(300) }] },
    {
      // Both branches are judged; "200" as a string is the number CloudFormation passes on.
      file: 'template.yaml',
      findings: [
        { line: 14, column: 39, endLine: 14, endColumn: 40, message: instances(3) },
        { line: 16, column: 27, endLine: 16, endColumn: 32, message: volume(200) },
      ],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 4,
          column: 50,
          endLine: 4,
          endColumn: 55,
          message: volume(250, ' (from parameter VolumeSize, used by Properties.JobResources.ClusterConfig.VolumeSizeInGB)'),
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [{ line: 8, column: 24, endLine: 8, endColumn: 26, message: instances(10, ' (construct BiasStack/BadBias)') }],
    },
    {
      // One limit configured, the other left at the API's.
      file: 'inline-one-limit.yaml',
      code: LARGE,
      options: { maxInstanceCount: 10 },
      findings: [
        { line: 2, column: 47, message: `InstanceCount 50 is more than 10, the most your team allows (maxInstanceCount); ${RAISE}.` },
      ],
    },
  ],
});
