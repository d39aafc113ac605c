import { defineRule } from '../rule-support/define-rule.js';
import { scheduleInterval, schedulesOf } from '../rule-support/schedules.js';
import { isRecord, quote } from '../values.js';

export default defineRule({
  id: 'valid-schedule-expression',
  title: 'Schedule the job with a documented expression',
  description:
    'The `ScheduleExpression` of a schedule that runs this definition is one of the documented forms, and `NOW` ' +
    'comes with `DataAnalysisStartTime` and `DataAnalysisEndTime`.',
  severity: 'error',
  appliesTo: ['cfn-resource'],
  docs: {
    rationale:
      'SageMaker monitoring schedules accept only a few cron forms (CreateMonitoringSchedule, `ScheduleConfig`): ' +
      'hourly `cron(0 * ? * * *)`, daily `cron(0 H ? * * *)`, every N hours `cron(0 H/N ? * * *)`, and `NOW` for ' +
      'one run at once, which needs `DataAnalysisStartTime` and `DataAnalysisEndTime` (ISO 8601 offsets such as ' +
      '`-PT1H`). Any other expression, including general EventBridge cron and `rate()` expressions, fails when ' +
      'the schedule is created.',
  },
  // Besides the template: the name its schedules may know the definition by.
  reads: ['/JobDefinitionName'],
  check(context) {
    for (const schedule of schedulesOf(context)) {
      const config = schedule.config.ScheduleConfig;
      if (!isRecord(config)) continue;
      const expression = config.ScheduleExpression;
      const at = `${schedule.configPointer}/ScheduleConfig`;
      if (typeof expression !== 'string') continue;
      const interval = scheduleInterval(expression);
      if (interval === undefined) {
        context.report({
          at: `${at}/ScheduleExpression`,
          absolute: true,
          message:
            `ScheduleExpression ${quote(expression)} is not a documented form; expected "cron(0 * ? * * *)", ` +
            '"cron(0 H ? * * *)", "cron(0 H/N ? * * *)" or "NOW".',
        });
      } else if (interval === 0) {
        for (const member of ['DataAnalysisStartTime', 'DataAnalysisEndTime']) {
          if (config[member] === undefined) {
            context.report({ at, absolute: true, target: 'key', message: `ScheduleConfig runs "NOW" but has no ${member}.` });
          }
        }
      }
    }
  },
});
