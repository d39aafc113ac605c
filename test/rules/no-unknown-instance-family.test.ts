import rule from '../../src/rules/no-unknown-instance-family.js';
import { testRule } from '../support/rule-tester.js';

const newer = (value: string, family: string): string =>
  `InstanceType "${value}" is of the family ${family}, which is not in the instance type list bundled with sagelint; it may be newer.`;

/** A message with the note the engine adds before its final period (where the value came from, the CDK construct). */
const withNote = (message: string, note: string): string => `${message.slice(0, -1)} (${note}).`;

testRule(rule, {
  invalid: [
    { file: 'example.yaml', findings: [{ line: 7, column: 19, endLine: 7, endColumn: 31, message: newer('ml.m9.xlarge', 'm9') }] },
    { file: 'z1d.json', findings: [{ line: 3, column: 74, endLine: 3, endColumn: 88, message: newer('ml.z1d.large', 'z1d') }] },
    { file: 'flow.yaml', findings: [{ line: 1, column: 70, endLine: 1, endColumn: 84, message: newer('ml.inf2.xlarge', 'inf2') }] },
    { file: 'crlf.yaml', findings: [{ line: 6, column: 19, endLine: 6, endColumn: 34, message: newer('ml.trn1.2xlarge', 'trn1') }] },
    { file: 'bom-tabs.json', findings: [{ line: 5, column: 20, endLine: 5, endColumn: 39, message: newer('ml.m7i-flex.large', 'm7i-flex') }] },
    { file: 'multi-document.yaml', findings: [{ line: 5, column: 46, endLine: 5, endColumn: 62, message: newer('ml.p4de.24xlarge', 'p4de') }] },
    {
      file: 'template.yaml',
      findings: [
        // Only the Fn::If branch of an unknown family is reported.
        { line: 30, column: 53, endLine: 30, endColumn: 66, message: newer('ml.m9.2xlarge', 'm9') },
        { line: 48, column: 57, endLine: 48, endColumn: 75, message: newer('ml.trn2.48xlarge', 'trn2') },
      ],
    },
    {
      // The parameter's Default is listed; its other allowed value is not.
      file: 'template-parameter.json',
      findings: [
        {
          line: 4,
          column: 105,
          endLine: 4,
          endColumn: 120,
          message: withNote(newer('ml.g7x.xlarge', 'g7x'), 'from parameter GpuInstanceType, used by Properties.JobResources.ClusterConfig.InstanceType'),
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [
        { line: 9, column: 23, endLine: 9, endColumn: 38, message: withNote(newer('ml.m8g.xlarge', 'm8g'), 'construct BiasStack/BadBias') },
      ],
    },
  ],
});
