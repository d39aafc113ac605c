import rule from '../../src/rules/valid-schedule-reference.js';
import { testRule } from '../support/rule-tester.js';

const byArn = (schedule: string, definition: string, via: string): string =>
  `MonitoringJobDefinitionName of ${schedule} gets the ARN of ${definition} from ${via}, but needs its JobDefinitionName.`;
const wrongType = (type: string, schedule: string): string =>
  `MonitoringType "${type}" of ${schedule} does not match the model bias job definition it runs; expected "ModelBias".`;

testRule(rule, {
  invalid: [
    {
      // Reported at the schedule's value, the tag included.
      file: 'example.yaml',
      findings: [{ line: 11, column: 38, endLine: 11, endColumn: 50, message: byArn('BiasSchedule', 'BiasJob', 'Ref') }],
    },
    {
      // Fn::GetAtt in its list and its "A.B" string forms.
      file: 'get-att.json',
      findings: [
        { line: 12, column: 42, endLine: 12, endColumn: 91, message: byArn('HourlySchedule', 'BiasJob', 'Fn::GetAtt') },
        { line: 23, column: 42, endLine: 23, endColumn: 86, message: byArn('DailySchedule', 'BiasJob', 'Fn::GetAtt') },
      ],
    },
    {
      // The schedule of QualityJob is not looked at.
      file: 'monitoring-type.yaml',
      findings: [
        { line: 12, column: 25, endLine: 12, endColumn: 36, message: wrongType('DataQuality', 'BiasSchedule') },
        { line: 20, column: 38, endLine: 20, endColumn: 70, message: byArn('ArnAndType', 'BiasJob', 'Fn::GetAtt') },
        { line: 21, column: 25, endLine: 21, endColumn: 37, message: wrongType('ModelQuality', 'ArnAndType') },
      ],
    },
    {
      // CDK output linted on its own: the construct of the definition is named (the stack only the manifest knows).
      file: 'cdk-synth.json',
      findings: [
        {
          line: 15,
          column: 42,
          endLine: 15,
          endColumn: 99,
          message:
            'MonitoringJobDefinitionName of BiasSchedule9C0D1E2F gets the ARN of BiasJob6A3F2C1D from Fn::GetAtt, but needs its ' +
            'JobDefinitionName (construct BiasStack/BiasJob).',
        },
        {
          line: 16,
          column: 29,
          endLine: 16,
          endColumn: 41,
          message:
            'MonitoringType "MODEL_BIAS" of BiasSchedule9C0D1E2F does not match the model bias job definition it runs; expected ' +
            '"ModelBias" (construct BiasStack/BiasJob).',
        },
      ],
    },
  ],
});
