import { formatPointer } from '../loaders/source-document.js';
import { defineRule } from '../rule-support/define-rule.js';
import { memberLabel } from '../rule-support/labels.js';
import { shapeAt } from '../rule-support/shapes.js';
import { closestName } from '../rule-support/suggest.js';
import { isRecord } from '../values.js';

export default defineRule({
  id: 'no-unknown-members',
  title: 'Use only members the model defines',
  description: 'Every member is one the API model defines for its structure; near misses get a suggestion.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'Member names are case-sensitive. The AWS CLI rejects a request with an unknown member ("Unknown ' +
      'parameter"), and a misspelt optional member such as `enableNetworkIsolation` would otherwise be dropped ' +
      'silently by tools that build requests from files, leaving the job without the setting the author meant.',
  },
  check(context) {
    for (const violation of context.schemaViolations()) {
      if (violation.keyword !== 'additionalProperties') continue;
      const member = String(violation.params.additionalProperty);
      const shape = shapeAt(context.model, violation.pointer);
      const present = context.valueAt(violation.pointer);
      const known = shape?.type === 'structure' ? Object.keys(context.model.structures[shape.name]?.members ?? {}) : [];
      const unused = known.filter((name) => !(isRecord(present) && Object.hasOwn(present, name)));
      const suggestion = closestName(member, unused);
      const owner = violation.pointer === '' ? context.label : memberLabel(context.model, violation.pointer);
      context.report({
        at: violation.pointer + formatPointer([member]),
        target: 'key',
        message:
          `${owner} has an unknown member "${member}"` +
          (suggestion === undefined ? '.' : `; did you mean "${suggestion}"?`),
      });
    }
  },
});
