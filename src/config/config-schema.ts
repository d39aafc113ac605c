/**
 * The JSON Schema of a sagelint configuration file. `schema/sagelint.config.schema.json` is written from it
 * (`npm run docs`), ships in the package for editors (`# yaml-language-server: $schema=…`), and a test keeps the
 * two equal. Rule options are checked against each rule's own schema, once, when the configuration loads.
 */

const ruleSetting = {
  description: 'A severity, or [severity, options] for a rule that takes options.',
  oneOf: [
    { enum: ['error', 'warning', 'info', 'off'] },
    {
      type: 'array',
      items: [{ enum: ['error', 'warning', 'info', 'off'] }, { type: 'object' }],
      additionalItems: false,
      minItems: 1,
    },
  ],
} as const;

const rules = {
  description: "Severity, or [severity, options], by rule id (a plugin's rules as plugin/rule-id). Unknown ids are an error.",
  type: 'object',
  additionalProperties: ruleSetting,
} as const;

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/sagelint/sagelint/blob/main/schema/sagelint.config.schema.json',
  title: 'sagelint configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'This schema, for editors.' },
    rules,
    overrides: {
      description: 'Rule settings for the files some globs match (relative to this file), applied in order.',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: 'Globs.' },
          rules,
          suppressions: {
            description:
              'Findings not to report in these files (for JSON request bodies, which hold no comments), each with its reason.',
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['rule', 'reason'],
              properties: {
                rule: { type: 'string', minLength: 1, description: 'The rule id.' },
                pointer: { type: 'string', pattern: '^(/.*)?$', description: 'Only at or under this JSON Pointer.' },
                reason: { type: 'string', minLength: 1, description: 'Why the finding does not apply.' },
              },
            },
          },
        },
      },
    },
    ignores: {
      description: 'Globs (relative to this file) of files never to lint.',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
    inlineConfig: {
      description: 'Honour suppressions written in the linted files (comments, Metadata.sagelint). Default: true.',
      type: 'boolean',
    },
    reportUnusedDisableDirectives: {
      description: 'Report suppressions that suppress nothing, at this severity. Default: off.',
      enum: ['off', 'warning', 'error'],
    },
    plugins: {
      description:
        'Plugins whose rules this configuration can set: paths (relative to this file) or package names, resolved from this folder. ' +
        'Their rule ids are prefixed with the plugin name (acme/rule-id).',
      type: 'array',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
    },
    maxWarnings: {
      description: 'Exit with code 1 when there are more warnings than this (-1: no limit); --max-warnings wins. Read from the configuration of the working folder.',
      type: 'integer',
      minimum: -1,
    },
    maxFileSize: {
      description: 'Files larger than this many bytes are not read: each gets one read-error. Default: 10485760 (10 MiB).',
      type: 'integer',
      minimum: 1,
    },
    region: {
      description: 'The region templates deploy to, so AWS::Region and AWS::Partition are known.',
      type: 'string',
      pattern: '^[a-z]{2,5}(-[a-z]+)+-\\d+$',
    },
  },
} as const;
