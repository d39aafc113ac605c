import { hasSchemaViolation, type RuleContext } from './define-rule.js';

/**
 * The value at a pointer when a rule about its meaning may judge it: known offline (not made unknown by an
 * intrinsic function) and free of schema violations (a wrong type, length or pattern is the schema rules' one
 * finding). Undefined otherwise, and where nothing is written.
 */
export function judgeableValue(context: RuleContext<unknown>, pointer: string): unknown {
  if (context.isUnknown(pointer) || hasSchemaViolation(context, pointer)) return undefined;
  return context.valueAt(pointer);
}
