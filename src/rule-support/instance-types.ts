import type { ServiceModel, ValueShape } from '../model/shapes.js';
import { valuesOfShape } from './shapes.js';
import { isRecord } from '../values.js';
import { rememberedByText } from './remembered.js';
import { closestName } from './suggest.js';

/** `ml.<family>.<size>`, as every SageMaker processing instance type is written. */
const WELL_FORMED = /^ml\.([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.(\d*)(nano|micro|small|medium|large|xlarge|metal)$/;

/** Sizes in the order AWS lists them: by base size, then by multiplier (`large`, `xlarge`, `2xlarge`, …). */
const BASE_SIZES = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge', 'metal'];

export type InstanceTypeVerdict =
  | { kind: 'listed' }
  /** Not listed, but well formed once case, blanks, separators or the `ml.` prefix are fixed. */
  | { kind: 'misspelt'; suggestion: string }
  /** A listed family in a size it does not come in. */
  | { kind: 'unknown-size'; family: string; sizes: readonly string[] }
  /** Well formed, of a family the bundled list does not have: possibly newer than sagelint. */
  | { kind: 'unknown-family'; family: string }
  | { kind: 'malformed'; suggestion?: string };

/**
 * Judges an instance type against the model's list (`ProcessingInstanceType`). Four rules ask about the same few
 * values in every variant of every definition, and a misspelt one costs an edit distance to each listed type: each
 * verdict is worked out once, for a bounded number of values.
 */
export function judgeInstanceType(value: string, listed: readonly string[]): Readonly<InstanceTypeVerdict> {
  let judge = judgesByList.get(listed);
  if (judge === undefined) {
    judge = rememberedByText((text) => findVerdict(text, listed));
    judgesByList.set(listed, judge);
  }
  return judge(value);
}

const judgesByList = new WeakMap<readonly string[], (value: string) => InstanceTypeVerdict>();

function findVerdict(value: string, listed: readonly string[]): InstanceTypeVerdict {
  if (listed.includes(value)) return { kind: 'listed' };
  // `ML.M5.XLARGE`, ` ml.m5.xlarge`, `m5.xlarge` (the EC2 name), `ml-m5-xlarge`: what the author most likely
  // meant. Separators are only guessed where there is no dot at all, since families may hold a `-` (`m7i-flex`).
  const trimmed = value.trim().toLowerCase();
  const normalized = (trimmed.includes('.') ? trimmed : trimmed.replace(/[-_\s]+/g, '.')).replace(/^(?!ml\.)/, 'ml.');
  const match = WELL_FORMED.exec(normalized);
  if (match === null) {
    const suggestion = closestName(normalized, listed);
    return suggestion === undefined ? { kind: 'malformed' } : { kind: 'malformed', suggestion };
  }
  const family = match[1] ?? '';
  const sizes = listed
    .filter((type) => type.startsWith(`ml.${family}.`))
    .map((type) => type.slice(family.length + 4))
    .sort(compareSizes);
  if (sizes.length > 0 && !listed.includes(normalized)) return { kind: 'unknown-size', family, sizes };
  if (normalized !== value) return { kind: 'misspelt', suggestion: normalized };
  return { kind: 'unknown-family', family };
}

function compareSizes(a: string, b: string): number {
  const rank = (size: string): [number, number] => {
    const [, multiplier = '', base = ''] = /^(\d*)(\D+)$/.exec(size) ?? [];
    return [BASE_SIZES.indexOf(base), Number(multiplier || 1)];
  };
  const [baseA, multiplierA] = rank(a);
  const [baseB, multiplierB] = rank(b);
  return baseA - baseB || multiplierA - multiplierB;
}

export interface InstanceTypeValue {
  pointer: string;
  value: string;
  /** The model's list of instance types for that member. */
  listed: readonly string[];
}

/** Several rules read them for each deployable variant: found once per variant's value. */
const instanceTypesByValue = new WeakMap<object, InstanceTypeValue[]>();

/** Every string the model types as a `ProcessingInstanceType` (wrong types are `valid-value-type`'s). */
export function instanceTypeValues(model: ServiceModel, root: unknown): InstanceTypeValue[] {
  const known = isRecord(root) ? instanceTypesByValue.get(root) : undefined;
  if (known !== undefined) return known;
  const found = findInstanceTypeValues(model, root);
  if (isRecord(root)) instanceTypesByValue.set(root, found);
  return found;
}

function findInstanceTypeValues(model: ServiceModel, root: unknown): InstanceTypeValue[] {
  const found: InstanceTypeValue[] = [];
  for (const { pointer, value, shape } of valuesOfShape(model, root, isInstanceTypeShape)) {
    if (typeof value === 'string' && shape.type === 'string') found.push({ pointer, value, listed: shape.enum ?? [] });
  }
  return found;
}

function isInstanceTypeShape(shape: ValueShape): boolean {
  return shape.type === 'string' && shape.enumName === 'ProcessingInstanceType';
}
