import rule from '../../src/rules/require-one-dataset-format.js';
import { testRule } from '../support/rule-tester.js';

const NONE = 'DatasetFormat chooses no format; add the one the batch transform job writes: Csv, Json or Parquet.';
const keepOne = (formats: string): string => `DatasetFormat chooses ${formats}; keep only the format the batch transform job writes.`;

testRule(rule, {
  valid: [
    // A missing DatasetFormat is require-members' finding.
    { file: 'inline-no-format.yaml', code: 'ModelBiasJobInput:\n  BatchTransformInput: {LocalPath: /opt/ml/processing/input/batch}\n' },
  ],
  invalid: [
    {
      // At the key of the second format, in the order written.
      file: 'example.yaml',
      findings: [{ line: 7, column: 7, endLine: 7, endColumn: 11, message: keepOne('Csv and Json') }],
    },
    {
      file: 'none.json',
      findings: [{ line: 6, column: 7, endLine: 6, endColumn: 22, message: NONE }],
    },
    {
      file: 'all-three-flow.yaml',
      findings: [{ line: 2, column: 54, endLine: 2, endColumn: 57, message: keepOne('Parquet, Csv and Json') }],
    },
    {
      // `Parquet: true` chooses Parquet; `Parquet: false` chooses nothing.
      file: 'template.yaml',
      findings: [
        { line: 15, column: 13, endLine: 15, endColumn: 20, message: keepOne('Csv and Parquet') },
        { line: 24, column: 11, endLine: 24, endColumn: 24, message: NONE },
      ],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 4,
          column: 50,
          endLine: 4,
          endColumn: 56,
          message:
            'DatasetFormat chooses Csv and Parquet; keep only the format the batch transform job writes ' +
            '(from parameter UseParquet, used by Properties.ModelBiasJobInput.BatchTransformInput.DatasetFormat.Parquet).',
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [{ line: 9, column: 7, endLine: 9, endColumn: 22, message: `${NONE.slice(0, -1)} (construct BiasStack/BadBias).` }],
    },
  ],
});
