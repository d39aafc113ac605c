/**
 * Formatters are pure functions of fixed results (STYLE §6): output is compared with checked-in files free of
 * colours, machine paths, timestamps and versions. Colour is asserted inline, escape by escape.
 */
import { describe, expect, it } from 'vitest';
import { FORMATTER_NAMES, loadFormatter, SagelintError, type LintResult } from '../../src/index.js';
import { fixedResult, PATTERN_FINDING, TAG_FINDING, TRAILING_COMMA_FINDING, UNKNOWN_FAMILY_FINDING } from '../support/fixed-results.js';

const CWD = '/project';

const A_YAML = [
  'JobDefinitionName:\tchurn_model_bias', // 1: a tab before the value
  'JobResources:', //                        2
  '  ClusterConfig:', //                     3
  '    InstanceType: ml.m9.xlarge', //       4
  '    VolumeSizeInGB: 20000', //            5
  'RoleArn: arn:aws:iam::123456789012:role/SageMakerMonitoringRole', // 6
  'Tags: # sagelint-disable-line require-tag-keys -- the deploy pipeline adds the owner tag', // 7
  '  - Key: team', //                        8
  '    Value: ml-platform', //               9
  '',
].join('\n');

const BROKEN_JSON = '{\n  "ModelBiasJobInput": {},\n}\n';

/** Fixed results, in the order the engine gives them: by path, then by line and column. */
const RESULTS: LintResult[] = [
  fixedResult(
    '/project/monitors/a.yaml',
    [
      PATTERN_FINDING,
      UNKNOWN_FAMILY_FINDING,
      {
        ruleId: 'valid-number-range',
        severity: 'error',
        message: 'VolumeSizeInGB 20000 is more than the maximum 16384.',
        line: 5,
        column: 21,
        endLine: 5,
        endColumn: 26,
        pointer: '/JobResources/ClusterConfig/VolumeSizeInGB',
      },
      { ...TAG_FINDING, message: 'Tags[0] names a team; an owner tag is also customary.' },
    ],
    {
      // Hidden by text formats, in json's suppressedMessages; not counted.
      suppressedFindings: [
        {
          ruleId: 'require-tag-keys',
          severity: 'warning',
          message: 'Tags has no key "owner".',
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 5,
          pointer: '/Tags',
          suppressions: [{ kind: 'inSource', justification: 'the deploy pipeline adds the owner tag' }],
        },
      ],
      source: A_YAML,
    },
  ),
  fixedResult('/project/monitors/broken.json', [{ ...TRAILING_COMMA_FINDING, message: 'Unexpected trailing comma.' }], {
    definitionCount: 0,
    source: BROKEN_JSON,
  }),
  fixedResult('/project/monitors/clean.json', []),
  fixedResult('/project/package.json', [], { definitionCount: 0 }),
];

const CLEAN_ONLY = RESULTS.slice(2);

async function format(name: string, results: readonly LintResult[], options: { color?: boolean; codeFrame?: boolean } = {}): Promise<string> {
  const formatter = await loadFormatter(name);
  return formatter.format(results, { cwd: CWD, color: options.color ?? false, codeFrame: options.codeFrame ?? false });
}

describe('stylish', () => {
  it('groups findings by file with aligned columns and a summary', async () => {
    await expect(await format('stylish', RESULTS)).toMatchFileSnapshot('./__expected__/stylish.txt');
  });

  it('shows a code frame under each finding with codeFrame', async () => {
    await expect(await format('stylish', RESULTS, { codeFrame: true })).toMatchFileSnapshot('./__expected__/stylish-code-frame.txt');
  });

  it('cuts a long line (minified JSON) around the finding, so a frame stays readable and small', async () => {
    const source = `{"JobDefinitionName":"${'a'.repeat(5000)}","X":"ML.M5.XLARGE",${'"k":1,'.repeat(2000)}"z":0}\n`;
    const column = source.indexOf('ML.M5') + 1;
    const finding = { ruleId: 'valid-instance-type', severity: 'error' as const, message: 'Bad.', line: 1, column, endLine: 1, endColumn: column + 12 };
    const output = await format('stylish', [{ filePath: `${CWD}/min.json`, findings: [finding], errorCount: 1, warningCount: 0, infoCount: 0, fatalErrorCount: 0, definitionCount: 1, source }], {
      codeFrame: true,
    });
    const [, , , frame = '', carets = ''] = output.split('\n');
    // 40 characters before the finding, 120 in all.
    expect(frame).toBe(`    1 | …${'a'.repeat(33)}","X":"ML.M5.XLARGE",${'"k":1,'.repeat(11)}…`);
    expect(carets).toBe(`      | ${' '.repeat(41)}${'^'.repeat(12)}`);
    expect(frame.slice(carets.indexOf('^'), carets.lastIndexOf('^') + 1)).toBe('ML.M5.XLARGE');
  });

  it('says there are no problems when there are none', async () => {
    expect(await format('stylish', CLEAN_ONLY)).toBe('\n✔ No problems (2 files linted, 1 definition, 1 file without one).\n');
    expect(await format('stylish', [])).toBe('\n✔ No problems (0 files linted, 0 definitions, 0 files without one).\n');
  });

  it('is what `text` names too', async () => {
    expect(await format('text', RESULTS)).toBe(await format('stylish', RESULTS));
  });

  it('paints with ANSI escapes when asked, and only then', async () => {
    const plain = await format('stylish', RESULTS, { codeFrame: true });
    const painted = await format('stylish', RESULTS, { codeFrame: true, color: true });
    expect(plain).not.toContain('\u001b[');
    expect(painted).toContain('\u001b[4mmonitors/a.yaml\u001b[0m');
    expect(painted).toContain('\u001b[31merror  \u001b[0m');
    expect(painted).toContain('\u001b[33mwarning\u001b[0m');
    expect(painted).toContain('\u001b[34minfo   \u001b[0m');
    expect(painted).toContain('\u001b[2mvalid-number-range\u001b[0m');
    expect(painted).toContain('\u001b[31m^^^^^\u001b[0m');
    expect(painted).toContain('\u001b[1m\u001b[31m✖ 5 problems');
    expect(await format('stylish', CLEAN_ONLY, { color: true })).toContain('\u001b[32m✔ No problems');
    // With the escapes taken out, the painted text is the plain text.
    expect(painted.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });
});

describe('json', () => {
  it('writes ESLint-shaped results', async () => {
    const output = await format('json', RESULTS);
    expect(output).not.toContain('\n');
    const pretty = `${JSON.stringify(JSON.parse(output), null, 2)}\n`;
    await expect(pretty).toMatchFileSnapshot('./__expected__/json.json');
  });

  it('is the same with colour and code frames asked for', async () => {
    expect(await format('json', RESULTS, { color: true, codeFrame: true })).toBe(await format('json', RESULTS));
  });
});

describe('loadFormatter', () => {
  it('knows stylish, text, json, sarif, github and junit', async () => {
    expect(FORMATTER_NAMES).toEqual(['stylish', 'text', 'json', 'sarif', 'github', 'junit']);
    for (const name of FORMATTER_NAMES) expect(typeof (await loadFormatter(name)).format).toBe('function');
  });

  it('throws SagelintError formatter-not-found for another name', async () => {
    const error: unknown = await Promise.resolve()
      .then(() => loadFormatter('sarif-ish'))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SagelintError);
    expect(error).toMatchObject({ code: 'formatter-not-found', message: 'There is no formatter "sarif-ish". Use one of: stylish, text, json, sarif, github, junit.' });
  });
});
