import rule from '../../src/rules/valid-time-offsets.js';
import { testRule } from '../support/rule-tester.js';

const FUTURE = 'is not negative, so it looks into the future, where no data has been captured yet';
const NOT_DURATION = 'is not a negative ISO 8601 duration';
const LIKE = 'write it like "-PT1H" (hours) or "-P1D" (days).';

/** A one-line request: the StartTimeOffset value starts at column 54. */
const offsets = (start: string, end: string): string =>
  `ModelBiasJobInput: {EndpointInput: {StartTimeOffset: ${start}, EndTimeOffset: ${end}}}\n`;

testRule(rule, {
  valid: [
    { file: 'inline-minutes.yaml', code: offsets('-PT90M', '-PT1H') },
    { file: 'inline-seconds.yaml', code: offsets('-PT3600S', '-PT0S') },
  ],
  invalid: [
    {
      // The start later than the end: reported at the start.
      file: 'example.yaml',
      findings: [
        {
          line: 6,
          column: 22,
          endLine: 6,
          endColumn: 27,
          message: 'StartTimeOffset "-PT1H" is later than EndTimeOffset "-PT2H", so the window ends before it starts; swap them.',
        },
      ],
    },
    {
      file: 'positive.json',
      findings: [
        { line: 7, column: 26, endLine: 7, endColumn: 32, message: `StartTimeOffset "PT2H" ${FUTURE}; write it as "-PT2H".` },
        // Hours need the T, which older versions of the guide left out.
        { line: 8, column: 24, endLine: 8, endColumn: 30, message: `EndTimeOffset "-P1H" ${NOT_DURATION}; write it as "-PT1H".` },
      ],
    },
    {
      file: 'malformed.yaml',
      findings: [
        { line: 4, column: 22, endLine: 4, endColumn: 24, message: `StartTimeOffset "-P" ${NOT_DURATION}; ${LIKE}` },
        // No guess for M: minutes to the guide, a month to ISO 8601.
        { line: 5, column: 20, endLine: 5, endColumn: 24, message: `EndTimeOffset "-P1M" ${NOT_DURATION}; ${LIKE}` },
        { line: 7, column: 22, endLine: 7, endColumn: 27, message: `StartTimeOffset "-PT1D" ${NOT_DURATION}; write it as "-P1D".` },
        { line: 8, column: 20, endLine: 8, endColumn: 25, message: `EndTimeOffset "+PT1H" ${FUTURE}; write it as "-PT1H".` },
        {
          line: 11,
          column: 42,
          endLine: 11,
          endColumn: 46,
          message:
            'StartTimeOffset "-P1D" is the same time as EndTimeOffset "-PT24H", so the window is empty; make StartTimeOffset the more negative offset.',
        },
      ],
    },
    {
      // Each branch of the condition is judged; the bad one is pointed at.
      file: 'template.yaml',
      findings: [{ line: 13, column: 47, endLine: 13, endColumn: 50, message: `StartTimeOffset "P8D" ${FUTURE}; write it as "-P8D".` }],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 4,
          column: 51,
          endLine: 4,
          endColumn: 58,
          message:
            'StartTimeOffset "-PT1H" is later than EndTimeOffset "-PT2H", so the window ends before it starts; swap them ' +
            '(from parameter WindowStart, used by Properties.ModelBiasJobInput.BatchTransformInput.StartTimeOffset).',
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [
        { line: 11, column: 26, endLine: 11, endColumn: 32, message: `StartTimeOffset "-P1H" ${NOT_DURATION}; write it as "-PT1H" (construct BiasStack/BadBias).` },
      ],
    },
    {
      file: 'inline-fraction.yaml',
      code: offsets('-P1.5D', '-P1D'),
      findings: [{ line: 1, column: 54, message: `StartTimeOffset "-P1.5D" ${NOT_DURATION}; ${LIKE}` }],
    },
    {
      file: 'inline-dangling-t.yaml',
      code: offsets('-P2D', '-P1DT'),
      findings: [{ line: 1, column: 75, message: `EndTimeOffset "-P1DT" ${NOT_DURATION}; ${LIKE}` }],
    },
  ],
});
