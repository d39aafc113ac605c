import type { Ajv as AjvClass, Options } from 'ajv';

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
