import { defineRule } from '../rule-support/define-rule.js';
import { memberLabel } from '../rule-support/labels.js';
import { valuesOfShape } from '../rule-support/shapes.js';
import type { ValueShape } from '../model/shapes.js';
import { quote } from '../values.js';

/** The model's types, in the words of its documentation. */
const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  array: 'a list',
  object: 'an object',
};

export default defineRule({
  id: 'valid-value-type',
  title: 'Give each member a value of its type',
  description: 'Strings, integers, numbers, booleans, lists and objects are where the model expects them.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'The API does not convert types: `"2"` is not an integer, `"false"` is not a boolean (and a non-empty ' +
      'string reads as true to many tools), an object is not a list, and an integer member rejects `2.5`. The ' +
      'AWS CLI fails such a request with "Invalid type for parameter"; it reads `1.0` as a fraction too, so an ' +
      'integer member must be written without a decimal point or exponent. Environment values must be strings.',
  },
  check(context) {
    for (const violation of context.schemaViolations()) {
      if (violation.keyword !== 'type') continue;
      const expected = String(violation.params.type);
      const actual = describe(context.valueAt(violation.pointer));
      context.report({
        at: violation.pointer,
        message: `${memberLabel(context.model, violation.pointer)} must be ${EXPECTED[expected] ?? expected}, not ${actual}.`,
      });
    }
    // JSON and YAML parsers read `1.0` as 1, but the AWS CLI reads it as a float and rejects it for an integer.
    // CloudFormation converts it, so templates may write it.
    if (context.kind !== 'api-request') return;
    for (const { pointer, value } of valuesOfShape(context.model, context.value, isIntegerShape)) {
      const written = context.sourceText(pointer);
      if (typeof value === 'number' && Number.isInteger(value) && written !== undefined && /[.eE]/.test(written)) {
        context.report({
          at: pointer,
          message: `${memberLabel(context.model, pointer)} must be an integer, not the fraction ${written}.`,
        });
      }
    }
  },
});

function isIntegerShape(shape: ValueShape): boolean {
  return shape.type === 'integer';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    return Number.isInteger(value) ? `the number ${value}` : `the fraction ${value}`;
  }
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${quote(value)}`;
}
