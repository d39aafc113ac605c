import type { Partition } from '../rule-support/arns.js';

/**
 * What each AWS partition's regions look like and which DNS suffix its endpoints end in: `partitionsInfo` of
 * `@aws-sdk/core` 3.981.1 (`dist-es/submodules/client/util-endpoints/lib/aws/partitions.js`), as recorded in
 * ../shared/reference/sagemaker-model-bias.md §4.1. The SDK's own `partition(region)` would cost a ~60 ms import
 * and answers `aws` for any text it does not recognise, so the eight rows are kept here.
 */
export interface PartitionInfo {
  id: Partition;
  /** What endpoint host names end in (`amazonaws.com.cn` in China). */
  dnsSuffix: string;
  /** Matches the names of the partition's regions, those to come included. */
  regionRegex: RegExp;
}

export const PARTITION_INFO: readonly PartitionInfo[] = Object.freeze([
  { id: 'aws', dnsSuffix: 'amazonaws.com', regionRegex: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/ },
  { id: 'aws-cn', dnsSuffix: 'amazonaws.com.cn', regionRegex: /^cn-\w+-\d+$/ },
  { id: 'aws-us-gov', dnsSuffix: 'amazonaws.com', regionRegex: /^us-gov-\w+-\d+$/ },
  { id: 'aws-iso', dnsSuffix: 'c2s.ic.gov', regionRegex: /^us-iso-\w+-\d+$/ },
  { id: 'aws-iso-b', dnsSuffix: 'sc2s.sgov.gov', regionRegex: /^us-isob-\w+-\d+$/ },
  { id: 'aws-iso-e', dnsSuffix: 'cloud.adc-e.uk', regionRegex: /^eu-isoe-\w+-\d+$/ },
  { id: 'aws-iso-f', dnsSuffix: 'csp.hci.ic.gov', regionRegex: /^us-isof-\w+-\d+$/ },
  { id: 'aws-eusc', dnsSuffix: 'amazonaws.eu', regionRegex: /^eusc-(de)-\w+-\d+$/ },
]);

/** The partition a region name belongs to, or undefined for text that is no region name (`us-east`, `global`). */
export function partitionOfRegion(region: string): PartitionInfo | undefined {
  // The expressions do not overlap: `\w` takes no `-`, so `us-gov-west-1` is not an `aws` region.
  return PARTITION_INFO.find((partition) => partition.regionRegex.test(region));
}
