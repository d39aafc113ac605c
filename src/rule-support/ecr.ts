import { partitionOfRegion, type PartitionInfo } from '../model/partitions.js';

/**
 * Amazon ECR image URIs (reference §4.5): `{registry id}.dkr.ecr[-fips].{region}.{dnsSuffix}/{repository}`, then
 * `:{tag}`, `@sha256:{digest}` or both. The parts are kept as written; `imageUriProblem` says what is wrong with
 * them, `imageUriLocation` where the image lives.
 */
export interface EcrImageUri {
  /** The registry's account id, as written (12 digits when valid). */
  registryId: string;
  /** A FIPS endpoint: `dkr.ecr-fips`. */
  fips: boolean;
  /**
   * A dual-stack endpoint, `{registry}.dkr-ecr.{region}.on.aws`, whose suffix is not the partition's. Whether
   * SageMaker pulls from these is unverified (reference §4.5), so they are accepted rather than reported.
   */
  dualStack: boolean;
  region: string;
  /** What the host ends in after the region (`amazonaws.com`). */
  dnsSuffix: string;
  repository: string;
  tag: string | undefined;
  /** What follows `@` (`sha256:…`). */
  digest: string | undefined;
}

const HOST = /^([^./]+)\.dkr\.ecr(-fips)?\.([^./]+)\.([^/]+)$/;
const DUAL_STACK_HOST = /^([^./]+)\.dkr-ecr(-fips)?\.([^./]+)\.(on\.aws)$/;

/** The parts of an ECR image URI, or undefined when the host is not an ECR registry's (Docker Hub, ECR Public, …). */
export function parseImageUri(text: string): EcrImageUri | undefined {
  const slash = text.indexOf('/');
  const host = slash < 0 ? text : text.slice(0, slash);
  const dualStack = DUAL_STACK_HOST.exec(host);
  const match = dualStack ?? HOST.exec(host);
  if (match === null) return undefined;
  const [, registryId = '', fips, region = '', dnsSuffix = ''] = match;
  const reference = slash < 0 ? '' : text.slice(slash + 1);
  const at = reference.indexOf('@');
  const name = at < 0 ? reference : reference.slice(0, at);
  // A repository holds no `:`, so the last one starts the tag.
  const colon = name.lastIndexOf(':');
  return {
    registryId,
    fips: fips !== undefined,
    dualStack: dualStack !== null,
    region,
    dnsSuffix,
    repository: colon < 0 ? name : name.slice(0, colon),
    tag: colon < 0 ? undefined : name.slice(colon + 1),
    digest: at < 0 ? undefined : reference.slice(at + 1),
  };
}

/** ECR's repository name pattern (`CreateRepository`), 2–256 characters. */
const REPOSITORY = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
/** An OCI tag: what `docker push` accepts. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** The first thing wrong with an ECR image URI's parts, as a clause for a message, or undefined when none is. */
export function imageUriProblem(uri: EcrImageUri): string | undefined {
  if (!/^\d{12}$/.test(uri.registryId)) return `has registry "${uri.registryId}", which is not a 12-digit account id`;
  const partition = partitionOfRegion(uri.region);
  if (partition === undefined) return `names region "${uri.region}", which is not an AWS region name`;
  if (!uri.dualStack && uri.dnsSuffix !== partition.dnsSuffix) {
    return `ends in "${uri.dnsSuffix}", but ECR hosts of ${uri.region} (partition ${partition.id}) end in "${partition.dnsSuffix}"`;
  }
  if (uri.repository.length < 2 || uri.repository.length > 256 || !REPOSITORY.test(uri.repository)) {
    return (
      `has repository "${uri.repository}", which is not an ECR repository name (2–256 lower-case letters and ` +
      'digits, separated by ".", "_", "-" or "/")'
    );
  }
  if (uri.tag !== undefined && !TAG.test(uri.tag)) {
    return `has tag "${uri.tag}", which is not an image tag (up to 128 letters, digits, "_", "." and "-", not starting with "." or "-")`;
  }
  if (uri.digest !== undefined && !DIGEST.test(uri.digest)) {
    return `has digest "${uri.digest}", which is not "sha256:" followed by 64 lower-case hex digits`;
  }
  return undefined;
}

/**
 * The region and partition an ECR image lives in, when its host says so consistently (a region name, and the
 * partition's DNS suffix); undefined for other hosts.
 */
export function imageUriLocation(uri: EcrImageUri): { region: string; partition: PartitionInfo } | undefined {
  const partition = partitionOfRegion(uri.region);
  if (partition === undefined || (!uri.dualStack && uri.dnsSuffix !== partition.dnsSuffix)) return undefined;
  return { region: uri.region, partition };
}

/**
 * Which registry a non-ECR image reference names, the way Docker reads it (`a Docker Hub image`), or undefined for
 * text that is no image reference at all (empty, blanks, a URL).
 */
export function describeRegistry(text: string): string | undefined {
  if (text === '' || /\s|:\/\//.test(text)) return undefined;
  const slash = text.indexOf('/');
  const first = slash < 0 ? '' : text.slice(0, slash);
  // Docker takes the first component for a registry host only when it looks like one.
  const isHost = first === 'localhost' || first.includes('.') || first.includes(':');
  if (!isHost || /^((index|registry-1)\.)?docker\.io$/.test(first)) return 'a Docker Hub image';
  if (first === 'public.ecr.aws') return 'an Amazon ECR Public image';
  return `an image in registry "${first}"`;
}
