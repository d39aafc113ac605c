import type { AnyRule } from '../rule-support/define-rule.js';
import noUnknownInstanceFamily from './no-unknown-instance-family.js';
import noUnknownMembers from './no-unknown-members.js';
import requireMembers from './require-members.js';
import validCollectionSize from './valid-collection-size.js';
import validEnumValue from './valid-enum-value.js';
import validInstanceType from './valid-instance-type.js';
import validNumberRange from './valid-number-range.js';
import validScheduleExpression from './valid-schedule-expression.js';
import validScheduleReference from './valid-schedule-reference.js';
import validScheduleRuntime from './valid-schedule-runtime.js';
import validStringLength from './valid-string-length.js';
import validStringPattern from './valid-string-pattern.js';
import validTemplateReference from './valid-template-reference.js';
import validValueType from './valid-value-type.js';

/** Every built-in rule, in id order. */
export const builtinRules: readonly AnyRule[] = [
  noUnknownInstanceFamily,
  noUnknownMembers,
  requireMembers,
  validCollectionSize,
  validEnumValue,
  validInstanceType,
  validNumberRange,
  validScheduleExpression,
  validScheduleReference,
  validScheduleRuntime,
  validStringLength,
  validStringPattern,
  validTemplateReference,
  validValueType,
];
