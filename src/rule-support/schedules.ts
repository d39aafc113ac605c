import type { RuleContext } from './define-rule.js';
import { linkedSchedules, type LinkedSchedule } from './template.js';

/** The schedules of the template that run this definition (none for a request body). */
export function schedulesOf(context: RuleContext): readonly LinkedSchedule[] {
  if (context.template === undefined) return [];
  return linkedSchedules(context.template, context.valueAt('/Properties/JobDefinitionName'));
}

/**
 * The documented `ScheduleExpression` forms (CreateMonitoringSchedule, ScheduleConfig): hourly, daily at an hour,
 * every N hours from an hour, and `NOW` for a one-off run. Gives the interval in hours (0 for `NOW`).
 */
export function scheduleInterval(expression: string): number | undefined {
  if (expression === 'NOW') return 0;
  if (expression === 'cron(0 * ? * * *)') return 1;
  if (/^cron\(0 ([01]?\d|2[0-3]) \? \* \* \*\)$/.test(expression)) return 24;
  const every = /^cron\(0 ([01]?\d|2[0-3])\/(0?[1-9]|1\d|2[0-4]) \? \* \* \*\)$/.exec(expression);
  return every === null ? undefined : Number(every[2]);
}
