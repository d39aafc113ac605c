/**
 * ajv's standalone code as ES modules: how the validators in src/generated/ are written, so that sagelint never
 * compiles a schema at start (`npm run generate` for the AWS models, `npm run docs` for its own schemas).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';

/** The installed ajv's version, which each generated file records. */
export function installedAjvVersion(): string {
  const packageJson: unknown = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('ajv/package.json'), 'utf8'));
  const version = typeof packageJson === 'object' && packageJson !== null && 'version' in packageJson ? packageJson.version : undefined;
  return typeof version === 'string' ? version : 'unknown';
}

/**
 * The code of schemas compiled by `ajv` (added under the given keys), as a block of an ES module and the imports it
 * needs: ajv's own export lines are taken out, and `functions` says which function of the block validates each key.
 * Imports are named after the helper they import, so the blocks of several compilers can share a module.
 */
export function standaloneModule(ajv: Ajv, keys: readonly string[]): { imports: string[]; body: string; functions: Map<string, string> } {
  // ajv names each export after its key, which must then be an identifier.
  const exportNames = new Map(keys.map((key, index) => [`schema_${index}`, key]));
  const code = standalone.default(ajv, Object.fromEntries(exportNames));
  const functions = new Map<string, string>();
  const body = code.replace(/^"use strict";/, '').replace(/export const (\w+) = (\w+);/g, (_match, name: string, functionName: string) => {
    const key = exportNames.get(name);
    if (key === undefined) throw new Error(`ajv standalone output exports ${name}, which no key was given as.`);
    functions.set(key, functionName);
    return '';
  });
  if (functions.size !== keys.length) throw new Error('ajv standalone output does not export every schema; update scripts/ajv-standalone.ts.');
  return { ...toEsImports(body, (_local, module) => `${module.split('/').at(-1) ?? module}Helper`), functions };
}

/** One compiled function as a module body: `functionName` is what validates. */
export function standaloneFunction(code: string): { body: string; functionName: string } {
  const exports = /^"use strict";export const validate = (\w+);export default \1;/.exec(code);
  if (exports === null || exports[1] === undefined) {
    throw new Error('ajv standalone output does not start as expected; update scripts/ajv-standalone.ts.');
  }
  const { imports, body } = toEsImports(code.slice(exports[0].length), (local) => `${local}Module`);
  return { body: `${imports.join('\n')}${imports.length > 0 ? '\n' : ''}${body}`, functionName: exports[1] };
}

/** ajv's standalone ESM still `require`s its runtime helpers: they become imports, named by `importName`. */
function toEsImports(code: string, importName: (local: string, module: string) => string): { imports: string[]; body: string } {
  const imports: string[] = [];
  const body = code.replace(/const (\w+) = require\("(ajv\/dist\/runtime\/\w+)"\)\.default;/g, (_match, local: string, module: string) => {
    const imported = importName(local, module);
    // Node hands an ES module the CommonJS `module.exports` as default ({ default: fn }); bundlers that honour
    // `__esModule` hand over fn itself. Accept both, so the file runs under node, tsx and vitest alike.
    imports.push(`import ${imported} from '${module}.js';`);
    return `const ${local} = typeof ${imported} === 'function' ? ${imported} : ${imported}.default;`;
  });
  if (/\brequire\(/.test(body)) {
    throw new Error('ajv standalone output still requires a module scripts/ajv-standalone.ts does not rewrite.');
  }
  return { imports, body };
}
