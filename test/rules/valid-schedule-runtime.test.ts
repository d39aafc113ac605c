import rule from '../../src/rules/valid-schedule-runtime.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  invalid: [
    {
      // At the definition's MaxRuntimeInSeconds, not at the schedule.
      file: 'example.yaml',
      findings: [
        {
          line: 7,
          column: 30,
          endLine: 7,
          endColumn: 34,
          message: 'MaxRuntimeInSeconds 3600 is more than 1800, the most a model bias job run hourly by BiasSchedule may take.',
        },
      ],
    },
    {
      file: 'every-six-hours.json',
      findings: [
        {
          line: 7,
          column: 55,
          endLine: 7,
          endColumn: 60,
          message: 'MaxRuntimeInSeconds 30000 is more than 21600, the most a model bias job run every 6 hours by BiasSchedule may take.',
        },
      ],
    },
    {
      // A value from a parameter's Default is reported there, with a note saying where it is used.
      file: 'parameter.yaml',
      findings: [
        {
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 18,
          message:
            'MaxRuntimeInSeconds 3600 is more than 1800, the most a model bias job run hourly by BiasSchedule may take ' +
            '(from parameter MaxRuntime, used by Properties.StoppingCondition.MaxRuntimeInSeconds).',
        },
      ],
    },
    {
      // Each allowed value is judged too: the default fits, the other does not.
      file: 'inline-allowed-values.yaml',
      code:
        'Parameters:\n  MaxRuntime:\n    Type: Number\n    Default: 1800\n    AllowedValues: [1800, 3600]\n' +
        'Resources:\n  BiasJob:\n    Type: AWS::SageMaker::ModelBiasJobDefinition\n    Properties:\n      JobDefinitionName: b\n' +
        '      StoppingCondition: {MaxRuntimeInSeconds: !Ref MaxRuntime}\n' +
        '  Hourly:\n    Type: AWS::SageMaker::MonitoringSchedule\n    Properties:\n' +
        '      MonitoringScheduleConfig: {MonitoringJobDefinitionName: b, ScheduleConfig: {ScheduleExpression: cron(0 * ? * * *)}}\n',
      findings: [
        {
          line: 5,
          column: 27,
          endLine: 5,
          endColumn: 31,
          message:
            'MaxRuntimeInSeconds 3600 is more than 1800, the most a model bias job run hourly by Hourly may take ' +
            '(from parameter MaxRuntime, used by Properties.StoppingCondition.MaxRuntimeInSeconds).',
        },
      ],
    },
  ],
});
