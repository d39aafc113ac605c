/**
 * Facts about processing instance families that the API model does not carry, from
 * ../shared/reference/sagemaker-model-bias.md §1.2 and §5 (instance type pages of the SageMaker documentation).
 */

/** Families with local NVMe instance storage: SageMaker mounts it instead of EBS, hardware-encrypted. */
export const LOCAL_STORAGE_FAMILIES: ReadonlySet<string> = new Set(['g4dn', 'g5', 'g6', 'g6e', 'r5d', 'p5']);

/** GPU families in the ProcessingInstanceType list. */
export const GPU_FAMILIES: ReadonlySet<string> = new Set(['p2', 'p3', 'p5', 'g4dn', 'g5', 'g6', 'g6e', 'g7', 'g7e']);

/** The family of an instance type written `ml.<family>.<size>`, or undefined for anything else. */
export function instanceFamily(instanceType: unknown): string | undefined {
  if (typeof instanceType !== 'string') return undefined;
  return /^ml\.([a-z][a-z0-9-]*)\.[a-z0-9]+$/.exec(instanceType)?.[1];
}
