import { isPartition, parseArn, PARTITIONS } from './arns.js';
import { rememberedByText } from './remembered.js';

/**
 * IAM role ARNs, checked strictly (reference §4.2): `arn:{partition}:iam::{12-digit account}:role/{path}{name}`,
 * the region field empty, the path `/` or `/…/` of at most 512 characters, the name 1–64 of `[\w+=,.@-]`
 * (IAM identifiers and quotas). The SageMaker pattern `arn:aws[a-z\-]*:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+`
 * lets an unknown partition, a missing slash and empty path segments through.
 */

/** The form messages give as expected. */
export const ROLE_ARN_FORM = 'arn:{partition}:iam::{12-digit account}:role/{path/}{name}';

/** The path of service-linked roles, which only their service may assume. */
export const SERVICE_LINKED_ROLE_PATH = '/aws-service-role/';

const NAME = /^[\w+=,.@-]{1,64}$/;
/** What else an IAM ARN names (IAM identifiers), so that a user ARN is called one. */
const OTHER_IAM_RESOURCES: ReadonlySet<string> = new Set([
  'user',
  'group',
  'policy',
  'instance-profile',
  'mfa',
  'server-certificate',
  'saml-provider',
  'oidc-provider',
  'root',
]);
const PATH_SEGMENT = /^[\w+=,.@-]+$/;

/** The parts of a role ARN that passes every check. */
export interface RoleArn {
  partition: string;
  accountId: string;
  /** `/`, or `/segment/…/`. */
  path: string;
  name: string;
}

/**
 * What is wrong with text given as a role ARN, as a clause for a message (`is an IAM user ARN; expected …`), or
 * the ARN's parts when nothing is.
 */
export const judgeRoleArn: (text: string) => Readonly<{ problem: string } | { arn: Readonly<RoleArn> }> =
  rememberedByText(findRoleArnVerdict);

function findRoleArnVerdict(text: string): { problem: string } | { arn: RoleArn } {
  const arn = parseArn(text);
  if (arn === undefined) {
    const example = NAME.test(text) ? ` such as "arn:aws:iam::123456789012:role/${text}"` : ` (${ROLE_ARN_FORM})`;
    return { problem: `is not an ARN; expected an IAM role ARN${example}` };
  }
  const { partition, service, region, accountId, resource } = arn;
  const slash = resource.indexOf('/');
  const resourceType = slash < 0 ? resource : resource.slice(0, slash);
  if (service !== 'iam') return { problem: `is an ARN of service "${service}"; expected an IAM role ARN (${ROLE_ARN_FORM})` };
  if (OTHER_IAM_RESOURCES.has(resourceType)) {
    return { problem: `is an IAM ${resourceType} ARN; expected a role ARN (${ROLE_ARN_FORM})` };
  }
  if (!isPartition(partition)) {
    return { problem: `names partition "${partition}", which is not an AWS partition; use one of ${PARTITIONS.join(', ')}` };
  }
  if (region !== '') return { problem: `names region "${region}", but an IAM ARN leaves the region empty (${ROLE_ARN_FORM})` };
  if (!/^\d{12}$/.test(accountId)) return { problem: `has account "${accountId}", which is not a 12-digit account id` };
  if (resourceType !== 'role') return { problem: `has resource "${resource}"; expected role/{path/}{name}` };
  const path = resource.slice('role'.length, resource.lastIndexOf('/') + 1);
  const name = resource.slice(resource.lastIndexOf('/') + 1);
  if (name.length > 64) return { problem: `has a role name of ${name.length} characters; IAM allows at most 64` };
  if (path.length > 512) return { problem: `has a role path of ${path.length} characters; IAM allows at most 512` };
  const segments = path.split('/').slice(1, -1);
  if (!NAME.test(name) || !segments.every((segment) => PATH_SEGMENT.test(segment))) {
    return {
      problem:
        `has resource "${resource}"; expected role/{path/}{name}, with a name and path segments of letters, ` +
        'digits and +=,.@_-',
    };
  }
  return { arn: { partition, accountId, path, name } };
}
