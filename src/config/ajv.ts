import type { Ajv as AjvClass, Options } from 'ajv';

/**
 * How configuration files are checked against CONFIG_SCHEMA: every error is found; the schema is not checked against
 * the meta-schema, which a test does. src/generated/settings-validators.ts is compiled with these.
 */
export const CONFIG_AJV_OPTIONS = { allErrors: true, strict: false, validateSchema: false } as const satisfies Options;

/** How a built-in rule's options are checked against its schema, which the tests check against the meta-schema. */
export const RULE_OPTIONS_AJV_OPTIONS = { allErrors: true, strict: true, validateSchema: false } as const satisfies Options;

/**
 * A new ajv instance, loaded when first needed (it costs tens of milliseconds). ajv is CommonJS: Node's import of
 * it has the class as a named export, the CLI bundle as the default one, so both are looked for.
 */
export async function createAjv(options: Options): Promise<AjvClass> {
  const module = (await import('ajv')) as unknown as { Ajv?: typeof AjvClass; default?: typeof AjvClass | { Ajv?: typeof AjvClass } };
  const fromDefault = module.default;
  const Ajv = module.Ajv ?? (typeof fromDefault === 'function' ? fromDefault : fromDefault?.Ajv);
  if (Ajv === undefined) throw new Error('ajv could not be loaded');
  return new Ajv(options);
}
