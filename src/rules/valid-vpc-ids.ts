import { defineRule, hasSchemaViolation } from '../rule-support/define-rule.js';
import { memberLabel } from '../rule-support/labels.js';
import { quote } from '../values.js';

interface IdKind {
  member: 'SecurityGroupIds' | 'Subnets';
  /** How the id is named in messages. */
  noun: string;
  prefix: string;
}

const KINDS: readonly IdKind[] = [
  { member: 'SecurityGroupIds', noun: 'security group', prefix: 'sg-' },
  { member: 'Subnets', noun: 'subnet', prefix: 'subnet-' },
];

/** EC2 ids: the prefix, then 8 hex digits (before 2016) or 17 (since); EC2 writes them in lower case. */
function isId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${kind.prefix}(?:[0-9a-f]{8}|[0-9a-f]{17})$`).test(value);
}

function example(kind: IdKind): string {
  return `"${kind.prefix}0123456789abcdef0"`;
}

export default defineRule({
  id: 'valid-vpc-ids',
  title: 'Give security group and subnet ids as EC2 writes them',
  description:
    '`VpcConfig.SecurityGroupIds` hold `sg-` and `Subnets` hold `subnet-` ids, each followed by 8 or 17 ' +
    'lower case hex digits.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'The API model only asks for `[-0-9a-zA-Z]+` of at most 32 characters, and the CloudFormation schema less, ' +
      'so a name (`default`), a security group id among the subnets, or an id cut short passes both, yet names ' +
      'no security group or subnet. `VpcConfig` takes "the VPC security group IDs, in the form sg-xxxxxxxx" and subnet ' +
      'ids (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_VpcConfig.html); EC2 ids are a prefix ' +
      'and 8 hex characters, or 17 for ids made since 2016–2018 ' +
      '(https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html). Ids that break the model\'s ' +
      'own pattern or length are left to `valid-string-pattern` and `valid-string-length`.',
  },
  reads: ['/NetworkConfig/VpcConfig/SecurityGroupIds', '/NetworkConfig/VpcConfig/Subnets'],
  check(context) {
    const vpcConfig = `${context.propertiesPointer}/NetworkConfig/VpcConfig`;
    for (const kind of KINDS) {
      const listPointer = `${vpcConfig}/${kind.member}`;
      const list = context.valueAt(listPointer);
      if (!Array.isArray(list)) continue;
      list.forEach((value: unknown, index) => {
        const pointer = `${listPointer}/${index}`;
        if (typeof value !== 'string' || isId(kind, value) || context.isUnknown(pointer) || hasSchemaViolation(context, pointer)) return;
        const label = `${memberLabel(context.model, pointer)} ${quote(value)}`;
        const other = KINDS.find((candidate) => candidate !== kind && isId(candidate, value));
        const fixed = value.trim().toLowerCase();
        let message: string;
        if (other !== undefined) {
          message = `${label} is a ${other.noun} id; ${kind.member} takes ${kind.noun} ids, such as ${example(kind)}.`;
        } else if (isId(kind, fixed)) {
          message = `${label} is not a ${kind.noun} id; did you mean ${quote(fixed)}?`;
        } else {
          message = `${label} is not a ${kind.noun} id; expected "${kind.prefix}" and 8 or 17 hex digits, such as ${example(kind)}.`;
        }
        context.report({ at: pointer, message });
      });
    }
  },
});
