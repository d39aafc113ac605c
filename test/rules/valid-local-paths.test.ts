import rule from '../../src/rules/valid-local-paths.js';
import { testRule } from '../support/rule-tester.js';

const WHERE = '/opt/ml/processing/, where processing containers read and write; use a path such as';
const OWN = 'give the output a directory of its own, such as';

testRule(rule, {
  invalid: [
    {
      // An overlap is reported at the output's LocalPath.
      file: 'example.yaml',
      findings: [
        {
          line: 10,
          column: 20,
          endLine: 10,
          endColumn: 44,
          message:
            'S3Output.LocalPath "/opt/ml/processing/input" is the same directory as EndpointInput.LocalPath ' +
            `"/opt/ml/processing/input"; ${OWN} "/opt/ml/processing/output".`,
        },
      ],
    },
    {
      file: 'misplaced.json',
      findings: [
        { line: 6, column: 20, endLine: 6, endColumn: 35, message: `EndpointInput.LocalPath "/tmp/endpoint" is not under ${WHERE} "/opt/ml/processing/input/endpoint".` },
        {
          line: 11,
          column: 86,
          endLine: 11,
          endColumn: 112,
          message: `S3Output.LocalPath "opt/ml/processing/output" is not an absolute path under ${WHERE} "/opt/ml/processing/output".`,
        },
      ],
    },
    {
      file: 'nested.yaml',
      findings: [
        {
          line: 3,
          column: 71,
          endLine: 3,
          endColumn: 102,
          message:
            'S3Output.LocalPath "/opt/ml/processing/input/report" lies inside EndpointInput.LocalPath ' +
            `"/opt/ml/processing/input"; ${OWN} "/opt/ml/processing/output".`,
        },
        {
          line: 7,
          column: 71,
          endLine: 7,
          endColumn: 96,
          message:
            'S3Output.LocalPath "/opt/ml/processing/output" holds BatchTransformInput.LocalPath ' +
            `"/opt/ml/processing/output/batch/"; ${OWN} "/opt/ml/processing/report".`,
        },
        {
          // No output path can be apart from an input at the root: both are to move.
          line: 11,
          column: 71,
          endLine: 11,
          endColumn: 96,
          message:
            'S3Output.LocalPath "/opt/ml/processing/output" lies inside EndpointInput.LocalPath "/opt/ml/processing/"; ' +
            'give each a directory of its own, such as "/opt/ml/processing/input/endpoint" and "/opt/ml/processing/output".',
        },
        {
          line: 14,
          column: 48,
          endLine: 14,
          endColumn: 75,
          message: `EndpointInput.LocalPath "/opt/ml/processing/../input" is not under ${WHERE} "/opt/ml/processing/input/endpoint".`,
        },
        { line: 15, column: 71, endLine: 15, endColumn: 89, message: `S3Output.LocalPath "/opt/ml/processing" is not under ${WHERE} "/opt/ml/processing/output".` },
      ],
    },
    {
      // Both branches are judged; the one that repeats the input's path is pointed at.
      file: 'template.yaml',
      findings: [
        {
          line: 17,
          column: 66,
          endLine: 17,
          endColumn: 99,
          message:
            'S3Output.LocalPath "/opt/ml/processing/input/endpoint" is the same directory as EndpointInput.LocalPath ' +
            `"/opt/ml/processing/input/endpoint"; ${OWN} "/opt/ml/processing/output".`,
        },
      ],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 4,
          column: 49,
          endLine: 4,
          endColumn: 62,
          message:
            `BatchTransformInput.LocalPath "/data/input" is not under ${WHERE} "/opt/ml/processing/input/batch" ` +
            '(from parameter InputPath, used by Properties.ModelBiasJobInput.BatchTransformInput.LocalPath).',
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [
        {
          line: 16,
          column: 22,
          endLine: 16,
          endColumn: 38,
          message: `S3Output.LocalPath "/opt/ml/output" is not under ${WHERE} "/opt/ml/processing/output" (construct BiasStack/BadBias).`,
        },
      ],
    },
  ],
});
