import { formatPointer } from '../loaders/source-document.js';
import { defineRule } from '../rule-support/define-rule.js';
import { schedulesOf } from '../rule-support/schedules.js';
import { quote } from '../values.js';

export default defineRule({
  id: 'valid-schedule-reference',
  title: 'Schedule a bias job definition by its name, as a model bias job',
  description:
    'A monitoring schedule that runs this definition names it by `JobDefinitionName` (not its ARN) and has ' +
    '`MonitoringType: ModelBias`.',
  severity: 'error',
  appliesTo: ['cfn-resource'],
  docs: {
    rationale:
      '`MonitoringScheduleConfig.MonitoringJobDefinitionName` takes a name (1–63 characters, ' +
      '`^[a-zA-Z0-9](-*[a-zA-Z0-9])*$`). `Ref` and `Fn::GetAtt …JobDefinitionArn` of an ' +
      '`AWS::SageMaker::ModelBiasJobDefinition` both return its ARN, which fails that pattern when the stack is ' +
      'deployed, and the resource has no attribute for its name: set `JobDefinitionName` explicitly and use it in ' +
      'both places. The schedule\'s `MonitoringType` must say which kind of definition it runs: `ModelBias`.',
  },
  // Besides the template: the name its schedules may know the definition by.
  reads: ['/JobDefinitionName'],
  check(context) {
    for (const schedule of schedulesOf(context)) {
      const name = `${schedule.configPointer}/MonitoringJobDefinitionName`;
      if (schedule.namedBy !== 'name') {
        context.report({
          at: name,
          absolute: true,
          message:
            `MonitoringJobDefinitionName of ${schedule.logicalId} gets the ARN of ${context.template?.logicalId ?? 'the definition'} ` +
            `from ${schedule.namedBy}, but needs its JobDefinitionName.`,
        });
      }
      const type = schedule.config.MonitoringType;
      if (typeof type === 'string' && type !== 'ModelBias') {
        context.report({
          at: schedule.configPointer + formatPointer(['MonitoringType']),
          absolute: true,
          message: `MonitoringType ${quote(type)} of ${schedule.logicalId} does not match the model bias job definition it runs; expected "ModelBias".`,
        });
      }
    }
  },
});
