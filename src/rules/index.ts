import type { AnyRule } from '../rule-support/define-rule.js';
import noGpuInstanceType from './no-gpu-instance-type.js';
import noMixedPartitions from './no-mixed-partitions.js';
import noMixedRegions from './no-mixed-regions.js';
import noOversizedCluster from './no-oversized-cluster.js';
import noServiceLinkedRole from './no-service-linked-role.js';
import noUnapprovedImageRegistry from './no-unapproved-image-registry.js';
import noUnapprovedInstanceType from './no-unapproved-instance-type.js';
import noUnapprovedKmsAccount from './no-unapproved-kms-account.js';
import noUnknownInstanceFamily from './no-unknown-instance-family.js';
import noUnknownMembers from './no-unknown-members.js';
import noVolumeKmsAlias from './no-volume-kms-alias.js';
import noVolumeKmsKeyOnLocalStorage from './no-volume-kms-key-on-local-storage.js';
import requireInterContainerEncryption from './require-inter-container-encryption.js';
import requireMembers from './require-members.js';
import requireNetworkIsolation from './require-network-isolation.js';
import requireOneDatasetFormat from './require-one-dataset-format.js';
import requireOneInput from './require-one-input.js';
import requireOutputKmsKey from './require-output-kms-key.js';
import requireTagKeys from './require-tag-keys.js';
import requireVolumeKmsKey from './require-volume-kms-key.js';
import requireVpcConfig from './require-vpc-config.js';
import validCollectionSize from './valid-collection-size.js';
import validEnumValue from './valid-enum-value.js';
import validImageUri from './valid-image-uri.js';
import validInstanceType from './valid-instance-type.js';
import validKmsKeyId from './valid-kms-key-id.js';
import validLocalPaths from './valid-local-paths.js';
import validNumberRange from './valid-number-range.js';
import validProbabilityThreshold from './valid-probability-threshold.js';
import validRoleArn from './valid-role-arn.js';
import validS3Uri from './valid-s3-uri.js';
import validScheduleExpression from './valid-schedule-expression.js';
import validScheduleReference from './valid-schedule-reference.js';
import validScheduleRuntime from './valid-schedule-runtime.js';
import validStringLength from './valid-string-length.js';
import validStringPattern from './valid-string-pattern.js';
import validTagKeys from './valid-tag-keys.js';
import validTemplateReference from './valid-template-reference.js';
import validTimeOffsets from './valid-time-offsets.js';
import validValueType from './valid-value-type.js';
import validVpcIds from './valid-vpc-ids.js';

/** Every built-in rule, in id order. */
export const builtinRules: readonly AnyRule[] = [
  noGpuInstanceType,
  noMixedPartitions,
  noMixedRegions,
  noOversizedCluster,
  noServiceLinkedRole,
  noUnapprovedImageRegistry,
  noUnapprovedInstanceType,
  noUnapprovedKmsAccount,
  noUnknownInstanceFamily,
  noUnknownMembers,
  noVolumeKmsAlias,
  noVolumeKmsKeyOnLocalStorage,
  requireInterContainerEncryption,
  requireMembers,
  requireNetworkIsolation,
  requireOneDatasetFormat,
  requireOneInput,
  requireOutputKmsKey,
  requireTagKeys,
  requireVolumeKmsKey,
  requireVpcConfig,
  validCollectionSize,
  validEnumValue,
  validImageUri,
  validInstanceType,
  validKmsKeyId,
  validLocalPaths,
  validNumberRange,
  validProbabilityThreshold,
  validRoleArn,
  validS3Uri,
  validScheduleExpression,
  validScheduleReference,
  validScheduleRuntime,
  validStringLength,
  validStringPattern,
  validTagKeys,
  validTemplateReference,
  validTimeOffsets,
  validValueType,
  validVpcIds,
];
