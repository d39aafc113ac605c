import { defineRule } from '../rule-support/define-rule.js';
import { memberLabel } from '../rule-support/labels.js';
import { shapeAt } from '../rule-support/shapes.js';
import { plural } from '../values.js';

const KEYWORDS = new Set(['minItems', 'maxItems', 'minProperties', 'maxProperties']);

export default defineRule({
  id: 'valid-collection-size',
  title: 'Keep lists and maps within their sizes',
  description: 'Lists and maps hold as many items as the model allows.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'The API model bounds its lists and maps: `MonitoringOutputs` holds exactly one output, `SecurityGroupIds` ' +
      '1 to 5 ids, `Subnets` 1 to 16, `Tags` at most 50 and `Environment` at most 50 entries. The service ' +
      'rejects a request outside them with a `ValidationException`.',
  },
  check(context) {
    for (const violation of context.schemaViolations()) {
      if (!KEYWORDS.has(violation.keyword)) continue;
      const shape = shapeAt(context.model, violation.pointer);
      const value = context.valueAt(violation.pointer);
      const isList = Array.isArray(value);
      const items = (n: number): string => (isList ? plural(n, 'item') : plural(n, 'entry', 'entries'));
      const count = isList ? value.length : Object.keys(value ?? {}).length;
      const [min, max] =
        shape?.type === 'list' ? [shape.minItems, shape.maxItems] : shape?.type === 'map' ? [shape.minEntries, shape.maxEntries] : [];
      const expected =
        min !== undefined && min === max
          ? `exactly ${min}`
          : violation.keyword.startsWith('min')
            ? `at least ${String(violation.params.limit)}`
            : `at most ${String(violation.params.limit)}`;
      context.report({
        at: violation.pointer,
        target: 'key',
        message: `${memberLabel(context.model, violation.pointer)} has ${count} ${items(count)}; expected ${expected}.`,
      });
    }
  },
});
