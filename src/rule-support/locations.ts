import { childPointer } from '../loaders/source-document.js';
import { isRecord } from '../values.js';
import { isPartition, parseArn, type Partition } from './arns.js';
import { hasSchemaViolation, type RuleContext } from './define-rule.js';
import { imageUriLocation, imageUriProblem, parseImageUri } from './ecr.js';
import { judgeKmsKeyId, KMS_KEY_MEMBERS } from './kms-keys.js';
import { memberLabel } from './labels.js';
import { judgeRoleArn } from './role-arns.js';

/**
 * Where the values of a definition say its resources live: the partition of every literal ARN, and the region of
 * the image and of KMS key ARNs. A job runs in one region of one partition, so these must agree
 * (no-mixed-partitions, no-mixed-regions).
 */
export interface LocatedValue {
  /** Relative to the definition. */
  pointer: string;
  /** How messages name the member: `RoleArn`, `Environment["TOPIC_ARN"]`. */
  label: string;
  text: string;
  partition: Partition;
  /** For the image and KMS keys, which must be in the job's region; undefined for other ARNs. */
  region: string | undefined;
}

/**
 * The located values of a definition, in the order they are written. A value another rule reports as malformed
 * (a role ARN, a KMS key or an image URI with a wrong part, anything the schema rejects) is left out: one defect,
 * one finding. Tags are left out too, since a tag value that holds an ARN is a label, not a resource the job uses.
 */
export function locatedValues(context: RuleContext<unknown>): LocatedValue[] {
  // Two rules read them for each deployable variant: found once per variant's value.
  const { value } = context;
  const known = isRecord(value) ? locatedByValue.get(value) : undefined;
  if (known !== undefined) return known;
  const located = findLocatedValues(context);
  if (isRecord(value)) locatedByValue.set(value, located);
  return located;
}

const locatedByValue = new WeakMap<object, LocatedValue[]>();

function findLocatedValues(context: RuleContext<unknown>): LocatedValue[] {
  const base = context.propertiesPointer;
  const imagePointer = `${base}/ModelBiasAppSpecification/ImageUri`;
  const kmsMembers = new Map(KMS_KEY_MEMBERS.map((member) => [`${base}${member.parent}/${member.name}`, member.acceptsAliases]));
  const located: LocatedValue[] = [];

  const locate = (pointer: string, text: string): Omit<LocatedValue, 'pointer' | 'label' | 'text'> | undefined => {
    if (pointer === imagePointer) {
      const uri = parseImageUri(text);
      const location = uri === undefined || imageUriProblem(uri) !== undefined ? undefined : imageUriLocation(uri);
      return location && { partition: location.partition.id, region: location.region };
    }
    if (!text.startsWith('arn:')) return undefined;
    const acceptsAliases = kmsMembers.get(pointer);
    if (acceptsAliases !== undefined && !judgeKmsKeyId(text, acceptsAliases).valid) return undefined;
    if (pointer === `${base}/RoleArn` && !('arn' in judgeRoleArn(text))) return undefined;
    const arn = parseArn(text);
    if (arn === undefined || !isPartition(arn.partition)) return undefined;
    return { partition: arn.partition, region: acceptsAliases === undefined ? undefined : arn.region };
  };

  // Most values are neither the image nor an ARN, nor hold one: those are passed over before their pointer is made.
  const mayLocate = (value: unknown, key: string | number): boolean =>
    typeof value === 'string' ? key === 'ImageUri' || value.startsWith('arn:') : typeof value === 'object' && value !== null;
  const visit = (value: unknown, pointer: string): void => {
    if (typeof value === 'string') {
      if (pointer !== imagePointer && !value.startsWith('arn:')) return;
      if (context.isUnknown(pointer) || hasSchemaViolation(context, pointer)) return;
      const location = locate(pointer, value);
      if (location !== undefined) located.push({ pointer, label: memberLabel(context.model, pointer), text: value, ...location });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (mayLocate(item, index)) visit(item, `${pointer}/${index}`);
      });
    } else if (isRecord(value)) {
      for (const key of Object.keys(value)) {
        if ((pointer === base && key === 'Tags') || !mayLocate(value[key], key)) continue;
        visit(value[key], childPointer(pointer, key));
      }
    }
  };
  visit(context.valueAt(base), base);
  return located;
}

/**
 * Splits values by a key (their partition, their region) into the group most of them share and the odd ones out.
 * A tie goes to the group of the first value `preferred` picks, else to the group of the first value written.
 */
export function oddOnesOut(
  values: readonly LocatedValue[],
  key: (value: LocatedValue) => string,
  preferred: (value: LocatedValue) => boolean = () => false,
): { reference: string; agreeing: LocatedValue[]; odd: LocatedValue[] } | undefined {
  const groups = new Map<string, LocatedValue[]>();
  for (const value of values) {
    const group = groups.get(key(value));
    if (group === undefined) groups.set(key(value), [value]);
    else group.push(value);
  }
  if (groups.size < 2) return undefined;
  const tieBreaker = values.find(preferred) ?? values[0];
  let reference: string | undefined;
  for (const [name, group] of groups) {
    const best = reference === undefined ? undefined : groups.get(reference);
    const wins =
      best === undefined ||
      group.length > best.length ||
      (group.length === best.length && tieBreaker !== undefined && key(tieBreaker) === name);
    if (wins) reference = name;
  }
  if (reference === undefined) return undefined;
  const chosen = reference;
  return {
    reference: chosen,
    agreeing: groups.get(chosen) ?? [],
    odd: values.filter((value) => key(value) !== chosen),
  };
}
