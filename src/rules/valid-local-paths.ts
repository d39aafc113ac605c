import { posix } from 'node:path';
import { defineRule, type RuleContext } from '../rule-support/define-rule.js';
import { jobInputMemberPointers, jobInputs, type JobInputName } from '../rule-support/job-inputs.js';
import { judgeableValue } from '../rule-support/judgeable.js';
import { quote } from '../values.js';

/** Where a processing container's local paths must begin (ProcessingS3Input.LocalPath). */
const PROCESSING_ROOT = '/opt/ml/processing/';

/** The paths the SageMaker Python SDK and the guides use, to suggest. */
const CONVENTIONAL: Readonly<Record<JobInputName | 'S3Output', string>> = {
  EndpointInput: '/opt/ml/processing/input/endpoint',
  BatchTransformInput: '/opt/ml/processing/input/batch',
  S3Output: '/opt/ml/processing/output',
};

/** Output paths to suggest, the conventional one first, when the output shares the input's directory. */
const OUTPUT_SUGGESTIONS = [CONVENTIONAL.S3Output, `${PROCESSING_ROOT}report`];

interface LocalPath {
  /** `EndpointInput`, `BatchTransformInput` or `S3Output`: what the message calls the path's owner. */
  owner: JobInputName | 'S3Output';
  pointer: string;
  value: string;
  /** The path without `.`, `..` and doubled or trailing slashes. */
  normalized: string;
}

export default defineRule({
  id: 'valid-local-paths',
  title: 'Keep local paths under /opt/ml/processing/, the input apart from the output',
  description:
    'Every `LocalPath` is an absolute path under `/opt/ml/processing/`, and the input\'s and the output\'s ' +
    'neither are the same nor lie one inside the other.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'A monitoring job runs as a SageMaker processing job: the input is downloaded to its `LocalPath` and the ' +
      'output uploaded from its own. For processing jobs, `LocalPath` "is an absolute path to the input data and ' +
      'must begin with /opt/ml/processing/" ([ProcessingS3Input](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProcessingS3Input.html)), ' +
      'and the output\'s is "an absolute path for the output data" ([MonitoringS3Output](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringS3Output.html)); ' +
      'the model\'s pattern for the monitoring inputs, `.*`, checks nothing. An input and an output sharing a ' +
      'directory, or one inside the other, mix the captured data with the report: captured records can be ' +
      'uploaded as results, or the report read back as input. The conventional paths are ' +
      '`/opt/ml/processing/input/endpoint` and `/opt/ml/processing/output`.',
  },
  reads: [...jobInputMemberPointers('LocalPath'), '/ModelBiasJobOutputConfig/MonitoringOutputs'],
  check(context) {
    const inputs: LocalPath[] = [];
    for (const input of jobInputs(context)) {
      const path = localPath(context, input.name, `${input.pointer}/LocalPath`);
      if (path !== undefined) inputs.push(path);
    }
    const outputsPointer = `${context.propertiesPointer}/ModelBiasJobOutputConfig/MonitoringOutputs`;
    const outputs = context.valueAt(outputsPointer);
    const outputPaths: LocalPath[] = [];
    if (Array.isArray(outputs) && !context.isUnknown(outputsPointer)) {
      outputs.forEach((_, index) => {
        const path = localPath(context, 'S3Output', `${outputsPointer}/${index}/S3Output/LocalPath`);
        if (path !== undefined) outputPaths.push(path);
      });
    }
    // Only paths that are well placed are compared: a misplaced one has its finding already.
    for (const output of outputPaths) {
      for (const input of inputs) {
        const relation = overlap(output.normalized, input.normalized);
        if (relation === undefined) continue;
        const suggestion = OUTPUT_SUGGESTIONS.find((path) => overlap(path, input.normalized) === undefined);
        const advice =
          suggestion === undefined
            ? `give each a directory of its own, such as ${quote(CONVENTIONAL[input.owner])} and ${quote(CONVENTIONAL.S3Output)}`
            : `give the output a directory of its own, such as ${quote(suggestion)}`;
        context.report({
          at: output.pointer,
          message: `S3Output.LocalPath ${quote(output.value)} ${relation} ${input.owner}.LocalPath ${quote(input.value)}; ${advice}.`,
        });
      }
    }
  },
});

/**
 * The local path at a pointer when it is well placed; reports it (and gives undefined) when it is not absolute
 * or not under /opt/ml/processing/.
 */
function localPath(
  context: RuleContext<unknown>,
  owner: LocalPath['owner'],
  pointer: string,
): LocalPath | undefined {
  const value = judgeableValue(context, pointer);
  if (typeof value !== 'string') return undefined;
  // As documented, the path as written begins with the root; `..` must not lead out of it again. The root
  // itself passes: an input there holds the output, which the overlap check reports.
  const normalized = posix.normalize(value).replace(/\/+$/, '');
  if (value.startsWith(PROCESSING_ROOT) && `${normalized}/`.startsWith(PROCESSING_ROOT)) {
    return { owner, pointer, value, normalized };
  }
  const problem = value.startsWith('/') ? 'is not under' : 'is not an absolute path under';
  context.report({
    at: pointer,
    message:
      `${owner}.LocalPath ${quote(value)} ${problem} ${PROCESSING_ROOT}, where processing containers read and write; ` +
      `use a path such as ${quote(CONVENTIONAL[owner])}.`,
  });
  return undefined;
}

/** How the output's path relates to the input's: the same, inside it, or holding it; undefined when apart. */
function overlap(output: string, input: string): string | undefined {
  if (output === input) return 'is the same directory as';
  if (output.startsWith(`${input}/`)) return 'lies inside';
  if (input.startsWith(`${output}/`)) return 'holds';
  return undefined;
}

