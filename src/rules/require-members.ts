import { formatPointer } from '../loaders/source-document.js';
import { defineRule } from '../rule-support/define-rule.js';
import { memberLabel } from '../rule-support/labels.js';

export default defineRule({
  id: 'require-members',
  title: 'Give every member the model requires',
  description: 'Every member the API marks as required is present, at every level of the definition.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'SageMaker rejects a request that lacks a required member with a `ValidationException` (the AWS CLI stops ' +
      'before sending it: "Missing required parameter"). The required members come from the official API model ' +
      '(`CreateModelBiasJobDefinition`), at every level: the top level, `ModelBiasAppSpecification`, each input, ' +
      '`MonitoringOutputs[].S3Output`, `ClusterConfig`, `VpcConfig`, `StoppingCondition` and each tag.',
  },
  check(context) {
    for (const violation of context.schemaViolations()) {
      if (violation.keyword !== 'required') continue;
      const member = String(violation.params.missingProperty);
      const owner = violation.pointer === '' ? context.label : memberLabel(context.model, violation.pointer);
      context.report({
        at: violation.pointer + formatPointer([member]),
        target: 'key',
        message: `${owner} is missing the required member "${member}".`,
      });
    }
  },
});
