import { hasSchemaViolation, type RuleContext } from './define-rule.js';
import { isRecord } from '../values.js';

/** What a definition says about its `NetworkConfig`, for the rules that require something of it. */
export type NetworkConfigLookup =
  /** No NetworkConfig: report at `at` (the definition's members) with target `key`. */
  | { kind: 'missing'; at: string }
  | { kind: 'present'; pointer: string; value: Readonly<Record<string, unknown>> }
  /** Nothing to judge: the value is unknown offline, of the wrong type (another rule's finding), or has no members. */
  | { kind: 'unknowable' };

/** The definition's `NetworkConfig`, if it can be judged. */
export function networkConfigOf(context: RuleContext<unknown>): NetworkConfigLookup {
  const properties = context.propertiesPointer;
  // A template resource without Properties is require-members' finding.
  if (!isRecord(context.valueAt(properties)) || context.isUnknown(properties)) return { kind: 'unknowable' };
  const pointer = `${properties}/NetworkConfig`;
  const value = context.valueAt(pointer);
  if (value === undefined) return { kind: 'missing', at: properties };
  if (!isRecord(value) || context.isUnknown(pointer)) return { kind: 'unknowable' };
  return { kind: 'present', pointer, value };
}

/**
 * A boolean member of NetworkConfig: `true`, `false`, `missing`, or `unknowable` when it is unknown offline or
 * not a boolean (a request's `"false"` is valid-value-type's finding; templates have it converted already).
 */
export function networkFlag(
  context: RuleContext<unknown>,
  config: { pointer: string; value: Readonly<Record<string, unknown>> },
  member: string,
): boolean | 'missing' | 'unknowable' {
  const pointer = `${config.pointer}/${member}`;
  const value = config.value[member];
  // `enableNetworkIsolation` is no-unknown-members' finding (with its "did you mean"), not a second one here.
  const misspelt = Object.keys(config.value).some((key) => key !== member && key.toLowerCase() === member.toLowerCase());
  if (value === undefined) return misspelt ? 'unknowable' : 'missing';
  if (typeof value !== 'boolean' || context.isUnknown(pointer) || hasSchemaViolation(context, pointer)) return 'unknowable';
  return value;
}
