import { defineRule } from '../rule-support/define-rule.js';
import { scheduleInterval, schedulesOf } from '../rule-support/schedules.js';
import { isRecord } from '../values.js';

/** For model bias and model quality, an hourly run is split between the ground-truth merge and the analysis. */
const HOURLY_BIAS_LIMIT = 1800;

export default defineRule({
  id: 'valid-schedule-runtime',
  title: 'Fit the job\'s run time in its schedule',
  description: '`MaxRuntimeInSeconds` is at most 1800 on an hourly schedule, and at most the interval of any other.',
  severity: 'error',
  appliesTo: ['cfn-resource'],
  docs: {
    rationale:
      '`MonitoringStoppingCondition.MaxRuntimeInSeconds` "cannot exceed the frequency of the job … For model bias ' +
      'and model quality hourly schedules, this can be up to 1800 seconds" (SageMaker API reference). A longer ' +
      'limit makes the schedule fail to create.',
  },
  // Besides the template: the name its schedules may know the definition by.
  reads: ['/StoppingCondition/MaxRuntimeInSeconds', '/JobDefinitionName'],
  check(context) {
    const runtime = context.valueAt('/Properties/StoppingCondition/MaxRuntimeInSeconds');
    if (typeof runtime !== 'number') return;
    for (const schedule of schedulesOf(context)) {
      const config = schedule.config.ScheduleConfig;
      const expression = isRecord(config) ? config.ScheduleExpression : undefined;
      const interval = typeof expression === 'string' ? scheduleInterval(expression) : undefined;
      if (interval === undefined || interval === 0) continue;
      const limit = interval === 1 ? HOURLY_BIAS_LIMIT : interval * 3600;
      if (runtime > limit) {
        const every = interval === 1 ? 'hourly' : `every ${interval} hours`;
        context.report({
          at: '/Properties/StoppingCondition/MaxRuntimeInSeconds',
          message: `MaxRuntimeInSeconds ${runtime} is more than ${limit}, the most a model bias job run ${every} by ${schedule.logicalId} may take.`,
        });
      }
    }
  },
});
