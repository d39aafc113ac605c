import { formatPointer } from '../loaders/source-document.js';
import { isRecord } from '../values.js';
import type { RuleContext } from './define-rule.js';

/**
 * The two inputs a model bias job may read from (`ModelBiasJobInput`): data captured from a real-time endpoint,
 * or captured from a batch transform job. They share `LocalPath`, the offsets and the attributes.
 */
export const JOB_INPUT_NAMES = ['EndpointInput', 'BatchTransformInput'] as const;

export type JobInputName = (typeof JOB_INPUT_NAMES)[number];

export interface JobInput {
  name: JobInputName;
  /** Pointer of the input, relative to the definition: `/Properties/ModelBiasJobInput/EndpointInput`. */
  pointer: string;
  value: Readonly<Record<string, unknown>>;
}

/** The inputs the definition gives as objects known offline, in the order of `JOB_INPUT_NAMES`. */
export function jobInputs(context: RuleContext<unknown>): JobInput[] {
  const found: JobInput[] = [];
  for (const name of JOB_INPUT_NAMES) {
    const pointer = `${context.propertiesPointer}/ModelBiasJobInput${formatPointer([name])}`;
    const value = context.valueAt(pointer);
    if (isRecord(value) && !context.isUnknown(pointer)) found.push({ name, pointer, value });
  }
  return found;
}

/**
 * Where `member` of each input is, relative to the definition's members: what a rule that reads that member of its
 * `jobInputs` declares in `reads`.
 */
export function jobInputMemberPointers(member: string): string[] {
  return JOB_INPUT_NAMES.map((name) => `/ModelBiasJobInput${formatPointer([name, member])}`);
}
