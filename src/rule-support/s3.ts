/**
 * S3 URIs as SageMaker takes them (reference §4.4): `s3://bucket/key`, or an `https://` URL of the bucket in
 * virtual-hosted style (`https://bucket.s3.region.amazonaws.com/key`) or path style
 * (`https://s3.region.amazonaws.com/bucket/key`), in any partition. Bucket names follow the general purpose
 * bucket naming rules of the S3 user guide (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
 */

import { quote } from '../values.js';
import { PARTITION_INFO } from '../model/partitions.js';

/** How the URI names its bucket. */
export type S3UriStyle = 's3' | 'virtual-hosted' | 'path';

export interface ParsedS3Uri {
  bucket: string;
  /** The object key or prefix, without the `/` that separates it from the bucket; '' when there is none. */
  key: string;
  style: S3UriStyle;
}

export interface S3UriProblem {
  /**
   * What is wrong, as a phrase that follows the URI in a message: `has no scheme; write it as s3://bucket/key`.
   */
  problem: string;
}

/** What the partitions' endpoint hosts end in (`amazonaws.com`, `amazonaws.com.cn`, …). */
const DNS_SUFFIXES = [...new Set(PARTITION_INFO.map((partition) => partition.dnsSuffix))];

/** A region name (`us-east-1`, `cn-northwest-1`, `us-isob-east-1`, `eusc-de-east-1`). */
const REGION = '[a-z]{2,4}(?:-[a-z]+)+-\\d+';

/**
 * The S3 endpoint host: `s3.amazonaws.com` (global), `s3.<region>.<suffix>`, the legacy `s3-<region>.<suffix>`
 * and `s3-external-1`, and the dual-stack, FIPS and Transfer Acceleration variants.
 */
const ENDPOINT =
  `s3(?:-(?:fips|accelerate|external-1))?(?:\\.dualstack)?(?:[.-]${REGION})?` +
  `\\.(?:${DNS_SUFFIXES.map((suffix) => suffix.replace(/\./g, '\\.')).join('|')})`;

const PATH_STYLE_HOST = new RegExp(`^${ENDPOINT}$`, 'i');
const VIRTUAL_HOSTED_HOST = new RegExp(`^(.+?)\\.${ENDPOINT}$`, 'i');

const EXAMPLE = 's3://bucket/key';

/** Splits an S3 URI into bucket and key, or says why it is not one SageMaker can read. */
export function parseS3Uri(text: string): ParsedS3Uri | S3UriProblem {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text)?.[1];
  if (scheme === undefined) return { problem: `has no scheme; write it as ${EXAMPLE}` };
  const rest = text.slice(scheme.length + 1);
  const lower = scheme.toLowerCase();
  if (lower === 'http') return { problem: `uses http://; write it as ${EXAMPLE} or an https:// S3 URL` };
  if (lower !== 's3' && lower !== 'https') return { problem: `is not an S3 URI (scheme ${quote(scheme)}); write it as ${EXAMPLE}` };
  if (scheme !== lower) return { problem: `must start with "${lower}://" in lower case` };
  if (!rest.startsWith('//')) return { problem: `must start with "${lower}://" (two slashes)` };
  const authority = rest.slice(2);
  const slash = authority.indexOf('/');
  const host = slash === -1 ? authority : authority.slice(0, slash);
  const path = slash === -1 ? '' : authority.slice(slash + 1);
  if (host === '') return { problem: `names no bucket; write it as ${EXAMPLE}` };

  let parsed: ParsedS3Uri;
  if (lower === 's3') {
    parsed = { bucket: host, key: path, style: 's3' };
  } else if (PATH_STYLE_HOST.test(host)) {
    const bucketEnd = path.indexOf('/');
    const bucket = bucketEnd === -1 ? path : path.slice(0, bucketEnd);
    if (bucket === '') return { problem: `names no bucket (expected https://${host}/bucket/key)` };
    parsed = { bucket, key: bucketEnd === -1 ? '' : path.slice(bucketEnd + 1), style: 'path' };
  } else {
    const bucket = VIRTUAL_HOSTED_HOST.exec(host)?.[1];
    if (bucket === undefined) {
      return {
        problem:
          `is not an S3 URL (host ${quote(host)}); write it as ${EXAMPLE} or https://bucket.s3.region.amazonaws.com/key`,
      };
    }
    parsed = { bucket, key: path, style: 'virtual-hosted' };
  }
  const bucketProblem = bucketNameProblem(parsed.bucket);
  if (bucketProblem !== undefined) return { problem: `has an invalid bucket name ${quote(parsed.bucket)}: ${bucketProblem}` };
  return parsed;
}

/** Whether `parseS3Uri` found a problem. */
export function isS3UriProblem(parsed: ParsedS3Uri | S3UriProblem): parsed is S3UriProblem {
  return 'problem' in parsed;
}

const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];

/** Suffixes S3 reserves, and for what (S3 user guide, general purpose bucket naming rules). */
const RESERVED_SUFFIXES: readonly [string, string][] = [
  ['-s3alias', 'access point aliases'],
  ['--ol-s3', 'Object Lambda Access Point aliases'],
  ['.mrap', 'Multi-Region Access Points'],
  ['--x-s3', 'directory buckets'],
  ['--table-s3', 'table buckets'],
];

/** Why S3 would not allow a general purpose bucket of this name, or undefined when it would. */
export function bucketNameProblem(bucket: string): string | undefined {
  if (bucket.length < 3 || bucket.length > 63) return 'bucket names are 3 to 63 characters long';
  if (/[A-Z]/.test(bucket)) return 'bucket names are lower case';
  const stray = /[^a-z0-9.-]/u.exec(bucket)?.[0];
  if (stray !== undefined) return `${quote(stray)} is not allowed; bucket names hold lower case letters, digits, "." and "-"`;
  if (!/^[a-z0-9].*[a-z0-9]$/.test(bucket)) return 'bucket names begin and end with a letter or digit';
  if (bucket.includes('..')) return 'bucket names must not contain ".."';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(bucket)) return 'bucket names must not be IP addresses';
  const prefix = RESERVED_PREFIXES.find((reserved) => bucket.startsWith(reserved));
  if (prefix !== undefined) return `the prefix "${prefix}" is reserved`;
  const suffix = RESERVED_SUFFIXES.find(([reserved]) => bucket.endsWith(reserved));
  if (suffix !== undefined) return `the suffix "${suffix[0]}" is reserved for ${suffix[1]}`;
  return undefined;
}
