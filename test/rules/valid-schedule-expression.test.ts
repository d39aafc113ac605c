import rule from '../../src/rules/valid-schedule-expression.js';
import { testRule } from '../support/rule-tester.js';

const undocumented = (expression: string): string =>
  `ScheduleExpression "${expression}" is not a documented form; expected "cron(0 * ? * * *)", "cron(0 H ? * * *)", ` +
  '"cron(0 H/N ? * * *)" or "NOW".';

testRule(rule, {
  valid: [
    // Hours written with two digits, and every 24 hours.
    {
      file: 'inline-two-digit-hours.json',
      code:
        '{"Resources": {"BiasJob": {"Type": "AWS::SageMaker::ModelBiasJobDefinition", "Properties": {"JobDefinitionName": "b"}},\n' +
        ' "S1": {"Type": "AWS::SageMaker::MonitoringSchedule", "Properties": {"MonitoringScheduleConfig": {"MonitoringJobDefinitionName": "b", "ScheduleConfig": {"ScheduleExpression": "cron(0 08 ? * * *)"}}}},\n' +
        ' "S2": {"Type": "AWS::SageMaker::MonitoringSchedule", "Properties": {"MonitoringScheduleConfig": {"MonitoringJobDefinitionName": "b", "ScheduleConfig": {"ScheduleExpression": "cron(0 23/24 ? * * *)"}}}}}}\n',
    },
  ],
  invalid: [
    {
      // General EventBridge cron is not one of SageMaker's forms.
      file: 'example.yaml',
      findings: [{ line: 14, column: 31, endLine: 14, endColumn: 49, message: undocumented('cron(0 12 * * ? *)') }],
    },
    {
      file: 'expressions.json',
      findings: [
        { line: 14, column: 53, endLine: 14, endColumn: 67, message: undocumented('rate(1 hour)') },
        { line: 25, column: 53, endLine: 25, endColumn: 73, message: undocumented('cron(0 25 ? * * *)') },
      ],
    },
    {
      // One finding per missing member, at the ScheduleConfig key.
      file: 'now.yaml',
      findings: [
        { line: 13, column: 9, endLine: 13, endColumn: 23, message: 'ScheduleConfig runs "NOW" but has no DataAnalysisEndTime.' },
        { line: 13, column: 9, endLine: 13, endColumn: 23, message: 'ScheduleConfig runs "NOW" but has no DataAnalysisStartTime.' },
        { line: 22, column: 9, endLine: 22, endColumn: 23, message: 'ScheduleConfig runs "NOW" but has no DataAnalysisEndTime.' },
      ],
    },
  ],
});
