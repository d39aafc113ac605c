/**
 * KMS key identifiers as SageMaker takes them (reference §4.3), and what the instance type says about the storage
 * volume (§5). Shared by the KMS rules, so that one defect gives one finding among them.
 */
import { intrinsicName } from '../definitions/intrinsics.js';
import { partitionOfRegion } from '../model/partitions.js';
import { parsePointer } from '../loaders/source-document.js';
import { isRecord, quote } from '../values.js';
import { isPartition, parseArn, PARTITIONS } from './arns.js';
import { rememberedByText } from './remembered.js';
import type { RuleContext } from './define-rule.js';
import { instanceFamily, LOCAL_STORAGE_FAMILIES } from './instance-families.js';
import { intrinsicCalls, section } from './template.js';

/** `ModelBiasJobOutputConfig.KmsKeyId` and `JobResources.ClusterConfig.VolumeKmsKeyId`, below `propertiesPointer`. */
export const KMS_KEY_MEMBERS = Object.freeze([
  { name: 'KmsKeyId', parent: '/ModelBiasJobOutputConfig', acceptsAliases: true },
  { name: 'VolumeKmsKeyId', parent: '/JobResources/ClusterConfig', acceptsAliases: false },
] as const);

/** Where `KMS_KEY_MEMBERS` are, for the `reads` of the rules that look at each. */
export const KMS_KEY_POINTERS: readonly string[] = KMS_KEY_MEMBERS.map(({ name, parent }) => `${parent}/${name}`);

/** The four ways KMS lets a key be named. */
export type KmsKeyForm = 'key id' | 'key ARN' | 'alias name' | 'alias ARN';

/** A KMS key identifier judged: its form, or what is wrong with it as a message ends (`is not …: use …`). */
export type KmsKeyVerdict = { valid: true; form: KmsKeyForm } | { valid: false; problem: string };

// Key ids are UUIDs, or `mrk-` and 32 hex digits for multi-Region keys (KMS developer guide, "Key identifiers").
// KMS writes them in lower case; upper case is left alone rather than guessed to be wrong.
const KEY_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/i;
/** Text that was meant as a key id: the start of a UUID, or the multi-Region prefix. */
const KEY_ID_LIKE = /^(?:[0-9a-f]{8}-|mrk-)/i;
/** An alias name (KMS CreateAlias: letters, digits, `/`, `_`, `-`), at most 256 characters with its `alias/`. */
const ALIAS_NAME = /^alias\/[a-zA-Z0-9/_-]+$/;
const ALIAS_NAME_MAX = 256;

const KEY_ARN_FORM = '"arn:<partition>:kms:<region>:<account>:key/<key id>"';
const ALIAS_ARN_FORM = '"arn:<partition>:kms:<region>:<account>:alias/<name>"';

/**
 * Judges a KMS key identifier. `acceptsAliases` says which forms a message suggests: all four for the output's
 * `KmsKeyId`, key id and key ARN for `VolumeKmsKeyId` (whose docs list only those two). AWS managed aliases
 * (`alias/aws/s3`) are valid names: which key to use is a policy matter, not one of form.
 */
export function judgeKmsKeyId(text: string, acceptsAliases: boolean): Readonly<KmsKeyVerdict> {
  return acceptsAliases ? judgeKmsKeyIdOrAlias(text) : judgeKmsKeyIdOnly(text);
}

const judgeKmsKeyIdOrAlias = rememberedByText((text) => findKmsKeyVerdict(text, true));
const judgeKmsKeyIdOnly = rememberedByText((text) => findKmsKeyVerdict(text, false));

function findKmsKeyVerdict(text: string, acceptsAliases: boolean): KmsKeyVerdict {
  const forms = acceptsAliases ? 'a key id, a key ARN, an alias name ("alias/…") or an alias ARN' : 'a key id or a key ARN';
  const arnForms = acceptsAliases ? `a key ARN (${KEY_ARN_FORM}) or an alias ARN (${ALIAS_ARN_FORM})` : `a key ARN (${KEY_ARN_FORM})`;
  if (KEY_ID.test(text)) return { valid: true, form: 'key id' };
  if (text.startsWith('alias/')) {
    return ALIAS_NAME.test(text) && text.length <= ALIAS_NAME_MAX
      ? { valid: true, form: 'alias name' }
      : { valid: false, problem: `is not a valid alias name: ${aliasAdvice(acceptsAliases)}` };
  }
  if (text.startsWith('arn:')) return judgeKmsArn(text, arnForms, acceptsAliases);
  if (KEY_ID_LIKE.test(text)) {
    return {
      valid: false,
      problem:
        'is not a valid key id: use a UUID such as "1234abcd-12ab-34cd-56ef-1234567890ab", or "mrk-" and 32 hex digits ' +
        'for a multi-Region key',
    };
  }
  return { valid: false, problem: `is not a KMS key identifier: use ${forms}` };
}

function aliasAdvice(acceptsAliases: boolean): string {
  return acceptsAliases
    ? `use "alias/" followed by letters, digits, "/", "_" or "-", ${ALIAS_NAME_MAX} characters at most`
    : 'use the key id or key ARN';
}

function judgeKmsArn(text: string, arnForms: string, acceptsAliases: boolean): KmsKeyVerdict {
  const arn = parseArn(text);
  if (arn === undefined) return { valid: false, problem: `is not a valid ARN: use ${arnForms}` };
  const { partition, service, region, accountId, resource } = arn;
  if (service !== 'kms') {
    const owner = service === '' ? 'names no service' : `is an ARN of service ${quote(service)}`;
    return { valid: false, problem: `${owner}, not of KMS: use ${arnForms}` };
  }
  if (!isPartition(partition)) {
    return { valid: false, problem: `has the unknown partition ${quote(partition)}: use one of ${PARTITIONS.join(', ')}` };
  }
  if (region === '') return { valid: false, problem: 'names no region: give the key\'s region, such as "us-east-1"' };
  const regionPartition = partitionOfRegion(region)?.id;
  if (regionPartition === undefined) {
    return { valid: false, problem: `names region ${quote(region)}, which is not a region name: give the key's region, such as "us-east-1"` };
  }
  if (regionPartition !== partition) {
    return { valid: false, problem: `names region ${quote(region)} in partition ${quote(partition)}: use partition "${regionPartition}" for that region` };
  }
  if (!/^\d{12}$/.test(accountId)) {
    const named = accountId === '' ? 'names no account' : `names account ${quote(accountId)}`;
    return { valid: false, problem: `${named}: give the 12-digit id of the account that owns the key` };
  }
  if (resource === 'key' || resource.startsWith('key/')) {
    const keyId = resource.slice('key/'.length);
    if (KEY_ID.test(keyId)) return { valid: true, form: 'key ARN' };
    const named = keyId === '' ? 'names no key id' : `names key id ${quote(keyId)}, which is not a valid key id`;
    return { valid: false, problem: `${named}: end it with "key/" and the key's UUID or its "mrk-" multi-Region id` };
  }
  if (resource === 'alias' || resource.startsWith('alias/')) {
    if (ALIAS_NAME.test(resource) && resource.length <= ALIAS_NAME_MAX) return { valid: true, form: 'alias ARN' };
    const named = resource.length <= 'alias/'.length ? 'names no alias' : `names alias ${quote(resource)}, which is not a valid alias name`;
    return { valid: false, problem: `${named}: ${aliasAdvice(acceptsAliases)}` };
  }
  return { valid: false, problem: `names resource ${quote(resource)}, which is neither a key nor an alias: use ${arnForms}` };
}

/**
 * GPU families whose local storage the reference could not verify (§5: "g7/g7e unverified"). A rule that asked
 * for a volume key there could make the job fail, and one that forbade it could be wrong, so both stay quiet.
 */
const LOCAL_STORAGE_UNVERIFIED: ReadonlySet<string> = new Set(['g7', 'g7e']);

/**
 * Whether the job's instance type has local NVMe storage, which SageMaker mounts instead of an EBS volume and
 * encrypts in hardware: true or false when `InstanceType` is a known string (in any case: `ML.G5.XLARGE` is
 * judged as what valid-instance-type will have it corrected to), undefined when it is missing, not a string, not
 * known offline, or of a family whose storage is unverified.
 */
export function hasLocalStorage(context: RuleContext<unknown>): boolean | undefined {
  const pointer = `${context.propertiesPointer}/JobResources/ClusterConfig/InstanceType`;
  if (context.isUnknown(pointer)) return undefined;
  const instanceType = context.valueAt(pointer);
  if (typeof instanceType !== 'string') return undefined;
  const family = instanceFamily(instanceType.trim().toLowerCase());
  if (family !== undefined && LOCAL_STORAGE_UNVERIFIED.has(family)) return undefined;
  return family !== undefined && LOCAL_STORAGE_FAMILIES.has(family);
}

/** The object at a pointer when it is written and known offline, else undefined (other rules report the rest). */
export function knownObjectAt(context: RuleContext<unknown>, pointer: string): Readonly<Record<string, unknown>> | undefined {
  if (context.isUnknown(pointer)) return undefined;
  const value = context.valueAt(pointer);
  return isRecord(value) ? value : undefined;
}

/**
 * Whether the value at a pointer is an empty string that an `Fn::If` of the template chose: the idiom of an
 * optional key, `!If [HasKey, !Ref KeyArn, !Ref AWS::NoValue]` with `KeyArn` defaulting to `''`. sagelint explores
 * both branches without evaluating the condition, which rules out the empty key, so the empty branch is not judged.
 */
export function isEmptyChosenByCondition(context: RuleContext<unknown>, pointer: string): boolean {
  const { template } = context;
  if (template === undefined || context.valueAt(pointer) !== '') return false;
  let written: unknown = section(template, 'Resources')[template.logicalId];
  for (const segment of parsePointer(pointer)) {
    if (intrinsicName(written) !== undefined) break;
    written = Array.isArray(written) ? written[Number(segment)] : isRecord(written) ? written[segment] : undefined;
  }
  return intrinsicCalls(written, '').some((call) => call.name === 'Fn::If');
}
