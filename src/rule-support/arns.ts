/**
 * Amazon Resource Names, split for rules that check them offline (reference §4.1, §4.6).
 *
 * `@aws-sdk/util-arn-parser` splits `arn:partition:service:region:account-id:resource` and checks none of the
 * parts: rules layer their own checks on them (a known partition, a 12-digit account, the service's resource
 * form). Imported from its ES module build, it costs the API about 50 ms at load (it pulls in `@aws-sdk/core`);
 * the CLI bundle keeps only the two functions used here (a few hundred bytes), so the CLI's start-up does not pay.
 */
import { parse, validate } from '@aws-sdk/util-arn-parser';
import { rememberedByText } from './remembered.js';

/** The AWS partitions, as `partitionsInfo` of `@aws-sdk/core` 3.981.1 lists them (reference §4.1). */
export const PARTITIONS = Object.freeze(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'] as const);

export type Partition = (typeof PARTITIONS)[number];

/** Whether text is one of the known partitions (`aws-foo` passes the SageMaker patterns `arn:aws[a-z\-]*:`, not this). */
export function isPartition(text: string): text is Partition {
  return (PARTITIONS as readonly string[]).includes(text);
}

/** The five fields of an ARN, as written; `resource` keeps any further `:` (`function:name:alias`). */
export interface ParsedArn {
  partition: string;
  service: string;
  /** Empty for global services (`arn:aws:iam::123456789012:role/x`). */
  region: string;
  accountId: string;
  resource: string;
}

/**
 * Splits an ARN into its fields, or gives undefined for text that is not an ARN: text that does not start with
 * `arn:`, or has fewer than six `:`-separated fields. Nothing else is checked: fields may be empty or wrong.
 */
export const parseArn: (text: string) => Readonly<ParsedArn> | undefined = rememberedByText((text) => {
  if (!text.startsWith('arn:') || !validate(text)) return undefined;
  const { partition, service, region, accountId, resource } = parse(text);
  return { partition, service, region, accountId, resource };
});
