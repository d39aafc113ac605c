import { defineRule } from '../rule-support/define-rule.js';
import { jobInputMemberPointers, jobInputs } from '../rule-support/job-inputs.js';
import { judgeableValue } from '../rule-support/judgeable.js';
import { quote } from '../values.js';

/**
 * A negative ISO 8601 duration in days, hours, minutes and seconds, as the Model Monitor guide writes offsets
 * (`-PT1H`, `-P8D`, `-P1DT12H`): at least one component, and a time component after every `T`.
 */
const NEGATIVE_DURATION = /^-P(?!$)(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

const OFFSETS = ['StartTimeOffset', 'EndTimeOffset'] as const;

export default defineRule({
  id: 'valid-time-offsets',
  title: 'Write the time offsets as negative durations, start before end',
  description:
    '`StartTimeOffset` and `EndTimeOffset` are negative ISO 8601 durations (`-PT1H`, `-P1D`), and the start is ' +
    'the earlier of the two.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'Ground truth labels arrive late, so a bias job analyses a window in the past: the offsets are subtracted ' +
      'from the run\'s start and end time. The Model Monitor guide writes them as negative ISO 8601 durations, ' +
      '"-PT#H or -P#D, where H=hours, D=days, and M=minutes", and gives the window `-P8D` to `-P1D` as its example ' +
      '([Schedule model quality monitoring jobs](https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-model-quality-schedule.html), ' +
      '[EndpointInput](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_EndpointInput.html)). The ' +
      'model\'s own pattern, `.?P.*`, lets through what is no duration (`-P`, `-P1H` without the `T` that hours ' +
      'need, which older versions of the guide showed) and positive offsets, which look into the future, where ' +
      'no data has been captured yet. When both are set, the start must be the more negative, or the window is ' +
      'empty.',
  },
  reads: OFFSETS.flatMap((name) => jobInputMemberPointers(name)),
  check(context) {
    for (const input of jobInputs(context)) {
      const seconds = new Map<string, number>();
      for (const name of OFFSETS) {
        const pointer = `${input.pointer}/${name}`;
        const value = judgeableValue(context, pointer);
        if (typeof value !== 'string') continue;
        const duration = durationSeconds(value);
        if (duration !== undefined) {
          seconds.set(name, duration);
          continue;
        }
        const suggestion = suggestOffset(value);
        const advice =
          suggestion === undefined ? 'write it like "-PT1H" (hours) or "-P1D" (days)' : `write it as ${quote(suggestion)}`;
        const problem = isPositive(value)
          ? 'is not negative, so it looks into the future, where no data has been captured yet'
          : 'is not a negative ISO 8601 duration';
        context.report({ at: pointer, message: `${name} ${quote(value)} ${problem}; ${advice}.` });
      }
      const start = seconds.get('StartTimeOffset');
      const end = seconds.get('EndTimeOffset');
      if (start === undefined || end === undefined || start > end) continue;
      const startText = quote(input.value.StartTimeOffset);
      const endText = quote(input.value.EndTimeOffset);
      context.report({
        at: `${input.pointer}/StartTimeOffset`,
        message:
          start === end
            ? `StartTimeOffset ${startText} is the same time as EndTimeOffset ${endText}, so the window is empty; make StartTimeOffset the more negative offset.`
            : `StartTimeOffset ${startText} is later than EndTimeOffset ${endText}, so the window ends before it starts; swap them.`,
      });
    }
  },
});

/** How far back a negative offset reaches, in seconds; undefined when it is not a negative duration. */
function durationSeconds(offset: string): number | undefined {
  const match = NEGATIVE_DURATION.exec(offset);
  if (match === null) return undefined;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds);
}

function isPositive(offset: string): boolean {
  return /^\+?P/.test(offset);
}

/**
 * The negative duration most likely meant: the sign added (`PT1H`, `+PT1H`), or the `T` put where it belongs
 * (`-P1H` → `-PT1H`, `-PT1D` → `-P1D`). `-P1M` gets no guess: the guide's M is minutes, ISO 8601's a month.
 */
function suggestOffset(offset: string): string | undefined {
  const candidates = [
    offset.replace(/^\+?(?=P)/, '-'),
    offset.replace(/^[-+]?P(\d+[HS])$/, '-PT$1'),
    offset.replace(/^[-+]?PT(\d+D)$/, '-P$1'),
  ];
  return candidates.find((candidate) => candidate !== offset && NEGATIVE_DURATION.test(candidate));
}
