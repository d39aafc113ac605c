import rule from '../../src/rules/valid-string-length.js';
import { testRule } from '../support/rule-tester.js';

// U+20BB7, a CJK letter outside the Basic Multilingual Plane: one character, two UTF-16 code units. Messages
// show at most 80 UTF-16 units of a value, so 38 of them after the opening quote.
const KANJI = '𠮷';

testRule(rule, {
  valid: [
    // Lengths count characters (code points), as AWS does, not UTF-16 units: 15 "𠮷" are 30 units but 15 characters.
    { file: 'inline-time-offset.yaml', code: `ModelBiasJobInput:\n  EndpointInput: {StartTimeOffset: "P${KANJI.repeat(14)}"}\n` },
  ],
  invalid: [
    {
      file: 'example.yaml',
      findings: [
        { line: 1, column: 20, endLine: 1, endColumn: 22, message: 'JobDefinitionName "" is empty; expected at least 1 character.' },
        {
          line: 9,
          column: 22,
          endLine: 9,
          endColumn: 38,
          message: 'StartTimeOffset "-P1DT12H30M15.5S" is 16 characters long; expected at most 15 characters.',
        },
        { line: 13, column: 10, message: 'Tags[0].Key "" is empty; expected at least 1 character.' },
      ],
    },
    {
      file: 'flow-style.yaml',
      findings: [
        { line: 1, column: 59, endLine: 1, endColumn: 61, message: 'EndTimeOffset "" is empty; expected at least 1 character.' },
        { line: 3, column: 11, message: 'RoleArn "arn:aws:iam::role/x" is 19 characters long; expected at least 20 characters.' },
        // A single-quoted empty YAML scalar.
        { line: 4, column: 15, endLine: 4, endColumn: 17, message: 'Tags[0].Key "" is empty; expected at least 1 character.' },
      ],
    },
    {
      file: 'long-values.json',
      findings: [
        {
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 90,
          message:
            'JobDefinitionName "churn-model-bias-job-definition-for-the-retail-segment-eu-west-1" is 64 characters long; expected at most 63 characters.',
        },
        // A map key too long is reported at the key, and named as a key.
        {
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 266,
          message:
            'Environment key "KEY_NAME_KEY_NAME_KEY_NAME_KEY_NAME_KEY_NAME_KEY_NAME_KEY_NAME_KEY_NAME_KEY_... is 257 characters long; expected at most 256 characters.',
        },
        {
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 280,
          message:
            'Environment["LONG_VALUE"] "value-value-value-value-value-value-value-value-value-value-value-value-valu... is 257 characters long; expected at most 256 characters.',
        },
        {
          line: 10,
          column: 58,
          message:
            'ExcludeFeaturesAttribute "feature,feature,feature,feature,feature,feature,feature,feature,feature,feat... is 101 characters long; expected at most 100 characters.',
        },
        {
          line: 13,
          column: 14,
          message:
            'Tags[0].Key "tag-key-tag-key-tag-key-tag-key-tag-key-tag-key-tag-key-tag-key-tag-key-tag-... is 129 characters long; expected at most 128 characters.',
        },
        {
          line: 13,
          column: 156,
          message:
            'Tags[0].Value "tag-value-tag-value-tag-value-tag-value-tag-value-tag-value-tag-value-tag-va... is 257 characters long; expected at most 256 characters.',
        },
        // 129 characters (258 UTF-16 units); the column of the value after it counts UTF-16 units.
        {
          line: 14,
          column: 14,
          endLine: 14,
          endColumn: 274,
          // quote() shortens long values to 77 characters, cutting between whole characters.
          message: `Tags[1].Key "${KANJI.repeat(76)}... is 129 characters long; expected at most 128 characters.`,
        },
        {
          line: 14,
          column: 285,
          endLine: 14,
          endColumn: 801,
          message: `Tags[1].Value "${KANJI.repeat(76)}... is 257 characters long; expected at most 256 characters.`,
        },
      ],
    },
    {
      file: 'inline-image-uri.json',
      code: `{"ModelBiasAppSpecification": {"ImageUri": "${'a'.repeat(256)}"}}\n`,
      findings: [
        {
          line: 1,
          column: 44,
          endLine: 1,
          endColumn: 302,
          message: `ImageUri "${'a'.repeat(76)}... is 256 characters long; expected at most 255 characters.`,
        },
      ],
    },
    {
      file: 'template.yaml',
      findings: [
        // Optional in CloudFormation, but at least 1 character when given.
        { line: 8, column: 26, endLine: 8, endColumn: 28, message: 'JobDefinitionName "" is empty; expected at least 1 character.' },
        // The top-level EndpointName exists only in CloudFormation.
        {
          line: 9,
          column: 21,
          endLine: 9,
          endColumn: 85,
          message:
            'EndpointName "churn-model-bias-endpoint-for-the-retail-segment-in-eu-west-1-ab" is 64 characters long; expected at most 63 characters.',
        },
        { line: 10, column: 16, message: 'RoleArn "arn:aws:iam::role/x" is 19 characters long; expected at least 20 characters.' },
        // Unbounded in the API, at most 256 characters in CloudFormation.
        {
          line: 19,
          column: 30,
          endLine: 19,
          endColumn: 287,
          message:
            'FeaturesAttribute "feature_feature_feature_feature_feature_feature_feature_feature_feature_feat... is 257 characters long; expected at most 256 characters.',
        },
        // Fn::Sub without variables is evaluated; the finding spans the tagged value.
        { line: 20, column: 26, endLine: 20, endColumn: 33, message: 'EndTimeOffset "" is empty; expected at least 1 character.' },
        { line: 34, column: 16, endLine: 34, endColumn: 18, message: 'Tags[0].Key "" is empty; expected at least 1 character.' },
      ],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 4,
          column: 93,
          endLine: 4,
          endColumn: 95,
          message: 'JobDefinitionName "" is empty; expected at least 1 character (from parameter JobName, used by Properties.JobDefinitionName).',
        },
        // Fn::Join of literals and a parameter's Default is evaluated and reported at the Fn::Join.
        {
          line: 27,
          column: 32,
          endLine: 27,
          endColumn: 89,
          message:
            'BaseliningJobName "baseline-retail-and-wholesale-customers-in-the-european-union-2026" is 66 characters long; expected at most 63 characters.',
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [
        {
          line: 20,
          column: 26,
          endLine: 20,
          endColumn: 44,
          message:
            'StartTimeOffset "-P1DT12H30M15.5S" is 16 characters long; expected at most 15 characters (construct BiasStack/BadBias).',
        },
      ],
    },
  ],
});
