import { defineRule } from '../rule-support/define-rule.js';
import { isRecord, listWords } from '../values.js';

const FORMATS = ['Csv', 'Json', 'Parquet'] as const;

export default defineRule({
  id: 'require-one-dataset-format',
  title: 'Choose exactly one dataset format',
  description: '`BatchTransformInput.DatasetFormat` chooses exactly one of `Csv`, `Json` and `Parquet`.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      '`DatasetFormat` tells the job how the batch transform job wrote the data it captured. The model makes ' +
      '`Csv`, `Json` and `Parquet` all optional members of a plain structure, yet the data has one format, so ' +
      'exactly one must be chosen ' +
      '([MonitoringDatasetFormat](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringDatasetFormat.html), ' +
      '[BatchTransformInput](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_BatchTransformInput.html)). ' +
      'The API chooses Parquet with an empty object (`Parquet: {}`); CloudFormation and the CDK with a boolean ' +
      '(`Parquet: true`). `Parquet: false`, which the CDK\'s samples write beside another format, chooses nothing, ' +
      'so `Csv` with `Parquet: false` is one format and `Parquet: false` alone is none.',
  },
  reads: ['/ModelBiasJobInput/BatchTransformInput/DatasetFormat'],
  check(context) {
    const pointer = `${context.propertiesPointer}/ModelBiasJobInput/BatchTransformInput/DatasetFormat`;
    const format = context.valueAt(pointer);
    // A missing DatasetFormat is require-members' finding; one made by an intrinsic function is unknown.
    if (!isRecord(format) || context.isUnknown(pointer)) return;
    // A Parquet flag from a parameter without a Default may be true or false: the count is not known.
    if (context.isUnknown(`${pointer}/Parquet`)) return;
    // Any other value than `false` counts as chosen: a mistyped one (`Parquet: {}` in a template) is
    // valid-value-type's finding, and what its author meant is plain.
    const formats: readonly string[] = FORMATS;
    const chosen = Object.keys(format).filter((name) => formats.includes(name) && format[name] !== false);
    // In the order of the document: the first reads as the author's main choice.
    const [, second] = chosen;
    if (chosen.length === 0) {
      context.report({
        at: pointer,
        target: 'key',
        message: 'DatasetFormat chooses no format; add the one the batch transform job writes: Csv, Json or Parquet.',
      });
    } else if (second !== undefined) {
      context.report({
        at: `${pointer}/${second}`,
        target: 'key',
        message: `DatasetFormat chooses ${listWords(chosen)}; keep only the format the batch transform job writes.`,
      });
    }
  },
});
