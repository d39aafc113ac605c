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
  const members = context.valueAt(base);
  const located: LocatedValue[] = [];
  const keep = (candidates: readonly Candidate[]): void => {
    for (const candidate of candidates) {
      if (candidate.located === undefined || context.isUnknown(candidate.pointer) || hasSchemaViolation(context, candidate.pointer)) continue;
      located.push(candidate.located);
    }
  };
  if (!isRecord(members)) keep(candidatesIn(context, members, '', base));
  // Tags are labels: a tag value that holds an ARN names no resource the job uses.
  else for (const key of Object.keys(members)) if (key !== 'Tags') keep(candidatesIn(context, members[key], key, base));
  return located;
}

/** A value that may say where the job's resources live, and where it says they do (undefined if it says nowhere). */
interface Candidate {
  pointer: string;
  located: LocatedValue | undefined;
}

/**
 * The image URI and the ARNs in the member `key` of the definition's members (at `base`), in the order written,
 * and where each says the job's resources live: what the member is alone decides it. A template resource's
 * variants share most members with the template, so a member's candidates are found once for all of them.
 */
function candidatesIn(context: RuleContext<unknown>, member: unknown, key: string, base: string): readonly Candidate[] {
  const shared = typeof member === 'object' && member !== null;
  const known = shared ? candidatesByMember.get(member) : undefined;
  // The same object may be another member too (a YAML alias): its candidates are another member's only by name.
  if (known !== undefined && known.key === key && known.base === base) return known.candidates;
  const candidates: Candidate[] = [];
  if (mayLocate(member, key)) collectCandidates(context, member, childPointer(base, key), candidates);
  if (shared) candidatesByMember.set(member, { key, base, candidates });
  return candidates;
}

const candidatesByMember = new WeakMap<object, { key: string; base: string; candidates: readonly Candidate[] }>();

/** Most values are neither the image nor an ARN, nor hold one: those are passed over before their pointer is made. */
function mayLocate(value: unknown, key: string | number): boolean {
  return typeof value === 'string' ? key === 'ImageUri' || value.startsWith('arn:') : typeof value === 'object' && value !== null;
}

function collectCandidates(context: RuleContext<unknown>, value: unknown, at: string, candidates: Candidate[]): void {
  if (typeof value === 'string') {
    if (!value.startsWith('arn:') && !isImagePointer(context, at)) return;
    const location = locate(context, at, value);
    candidates.push({ pointer: at, located: location && { pointer: at, label: memberLabel(context.model, at), text: value, ...location } });
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      if (mayLocate(value[index], index)) collectCandidates(context, value[index], `${at}/${index}`, candidates);
    }
  } else if (isRecord(value)) {
    for (const key of Object.keys(value)) {
      if (mayLocate(value[key], key)) collectCandidates(context, value[key], childPointer(at, key), candidates);
    }
  }
}

/** Whether a pointer is the image URI's (`${propertiesPointer}/ModelBiasAppSpecification/ImageUri`), without making it. */
function isImagePointer(context: RuleContext<unknown>, pointer: string): boolean {
  const base = context.propertiesPointer;
  return pointer.length === base.length + IMAGE_URI.length && pointer.endsWith(IMAGE_URI) && pointer.startsWith(base);
}

const IMAGE_URI = '/ModelBiasAppSpecification/ImageUri';

/** Where a string of the definition says the job's resources live, when it is a well-formed image URI or ARN. */
function locate(context: RuleContext<unknown>, pointer: string, text: string): Omit<LocatedValue, 'pointer' | 'label' | 'text'> | undefined {
  const base = context.propertiesPointer;
  if (isImagePointer(context, pointer)) {
    const uri = parseImageUri(text);
    const location = uri === undefined || imageUriProblem(uri) !== undefined ? undefined : imageUriLocation(uri);
    return location && { partition: location.partition.id, region: location.region };
  }
  if (!text.startsWith('arn:')) return undefined;
  const kmsMember = KMS_KEY_MEMBERS.find((member) => pointer === `${base}${member.parent}/${member.name}`);
  if (kmsMember !== undefined && !judgeKmsKeyId(text, kmsMember.acceptsAliases).valid) return undefined;
  if (pointer === `${base}/RoleArn` && !('arn' in judgeRoleArn(text))) return undefined;
  const arn = parseArn(text);
  if (arn === undefined || !isPartition(arn.partition)) return undefined;
  return { partition: arn.partition, region: kmsMember === undefined ? undefined : arn.region };
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
