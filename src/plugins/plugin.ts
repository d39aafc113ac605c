import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SagelintError } from '../errors.js';
import { RULES_DOC_URL, type AnyRule, type RulePlugin } from '../rule-support/define-rule.js';

/** Who a plugin is: `name` prefixes its rule ids, and `docs` is where its rules are documented. */
export interface PluginMeta {
  /**
   * The package name (`sagelint-plugin-acme`, `@acme/sagelint-plugin`) or a short name (`acme`). Rule ids are
   * prefixed with it, shortened as ESLint does: `sagelint-plugin-acme` → `acme/…`, `@acme/sagelint-plugin` →
   * `@acme/…`.
   */
  name: string;
  version?: string;
  /** The page that documents the rules, one anchor per rule id: rules without their own `docs.url` link there. */
  docs?: string;
}

/** What a plugin module exports as its default export: rules written with `defineRule`, unprefixed ids. */
export interface Plugin {
  meta: PluginMeta;
  rules: readonly AnyRule[];
}

/** A plugin as a run uses it: its rules carry the prefixed ids. */
export interface LoadedPlugin {
  /** The prefix of its rule ids. */
  name: string;
  version?: string;
  /** The plugin's docs page (`meta.docs`). */
  informationUri?: string;
  /** How it was named (a path or a package name), as `--print-config` shows it. */
  specifier: string;
  rules: readonly AnyRule[];
}

/** Types a plugin's default export: `export default definePlugin({ meta: { name }, rules: [myRule] })`. */
export function definePlugin(plugin: Plugin): Plugin {
  return Object.freeze({ meta: Object.freeze({ ...plugin.meta }), rules: Object.freeze([...plugin.rules]) });
}

/**
 * Imports a plugin: a path (relative to `fromDirectory`) or a package name resolved from `fromDirectory` as
 * Node resolves imports there. Anything wrong (not found, throws on import, not a plugin) is a `SagelintError`
 * naming the plugin and `requestedBy` (the configuration file, or the option).
 */
export async function loadPlugin(specifier: string, fromDirectory: string, requestedBy: string): Promise<LoadedPlugin> {
  const fail = (reason: string): never => {
    throw new SagelintError('plugin-load-failed', `${requestedBy}: cannot load the plugin "${specifier}": ${reason}`);
  };
  let url: string;
  try {
    if (isAbsolute(specifier) || specifier.startsWith('./') || specifier.startsWith('../')) {
      url = pathToFileURL(resolve(fromDirectory, specifier)).href;
    } else {
      // Node 20 cannot resolve from another folder (import.meta.resolve takes no parent without a flag).
      const { resolve: resolveImport } = await import('import-meta-resolve');
      url = resolveImport(specifier, pathToFileURL(join(fromDirectory, 'sagelint.config.mjs')).href);
    }
  } catch (error) {
    return fail(`it cannot be found (${messageOf(error)}).`);
  }
  let exported: unknown;
  try {
    exported = ((await import(url)) as { default?: unknown }).default;
  } catch (error) {
    return fail(`importing it threw: ${messageOf(error)}`);
  }
  const problem = pluginProblem(exported);
  if (problem !== undefined) return fail(problem);
  return { ...registerPlugin(exported as Plugin), specifier };
}

/** Each plugin module's registration, made once: every configuration that loads it then shares the same rules. */
const registered = new WeakMap<Plugin, Omit<LoadedPlugin, 'specifier'>>();

/** A plugin object as a run uses it: its rules under prefixed ids, linked to the plugin's docs. */
export function registerPlugin(plugin: Plugin): Omit<LoadedPlugin, 'specifier'> {
  const known = registered.get(plugin);
  if (known !== undefined) return known;
  const problem = pluginProblem(plugin);
  if (problem !== undefined) throw new SagelintError('plugin-load-failed', `The plugin ${JSON.stringify(plugin?.meta?.name)}: ${problem}`);
  const name = shortName(plugin.meta.name);
  const about: RulePlugin = Object.freeze({
    name,
    ...(plugin.meta.version !== undefined && { version: plugin.meta.version }),
    ...(plugin.meta.docs !== undefined && { informationUri: plugin.meta.docs }),
  });
  const rules = plugin.rules.map((rule) => {
    // defineRule links every rule to sagelint's rules.md; a plugin's rules are documented by the plugin.
    const ownUrl = rule.docs.url === `${RULES_DOC_URL}#${rule.id}` ? undefined : rule.docs.url;
    const url = ownUrl ?? (plugin.meta.docs === undefined ? undefined : `${plugin.meta.docs}#${rule.id}`);
    return Object.freeze({
      ...rule,
      id: `${name}/${rule.id}`,
      plugin: about,
      docs: Object.freeze({ rationale: rule.docs.rationale, ...(url !== undefined && { url }) }),
    }) as AnyRule;
  });
  const loaded = { ...about, rules };
  registered.set(plugin, loaded);
  return loaded;
}

/**
 * The rules a configuration can set: `base` and the plugins' rules. A plugin whose name is already taken (the
 * same plugin named by an option and a configuration file) adds nothing; the first one wins, as flags win.
 */
export function withPlugins(base: readonly AnyRule[], plugins: readonly LoadedPlugin[]): AnyRule[] {
  const taken = new Set(base.flatMap((rule) => (rule.plugin === undefined ? [] : [rule.plugin.name])));
  const rules = [...base];
  for (const plugin of plugins) {
    if (taken.has(plugin.name)) continue;
    taken.add(plugin.name);
    rules.push(...plugin.rules);
  }
  return rules;
}

/** `sagelint-plugin-acme` → `acme`; `@acme/sagelint-plugin` → `@acme`; `@acme/sagelint-plugin-x` → `@acme/x`. */
function shortName(name: string): string {
  return name.replace(/^(@[^/]+)\/sagelint-plugin$/, '$1').replace(/^(@[^/]+\/)?sagelint-plugin-/, '$1');
}

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PLUGIN_NAME = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/;
/** An RFC 6901 JSON Pointer: `~` only in the escapes `~0` and `~1`. */
const JSON_POINTER = /^(?:\/(?:[^~/]|~[01])*)*$/;

/** What makes a module's default export not a plugin, in a sentence, or undefined when it is one. */
function pluginProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'its default export is not a plugin ({ meta: { name }, rules: [...] }).';
  const { meta, rules } = value as Partial<Plugin>;
  if (typeof meta?.name !== 'string' || !PLUGIN_NAME.test(meta.name)) {
    return 'meta.name must be a package-like name (lower case, digits, "-", "_", "."; optionally @scope/).';
  }
  if (!Array.isArray(rules) || rules.length === 0) return 'rules must be a non-empty array of rules written with defineRule.';
  const seen = new Set<string>();
  for (const [index, rule] of (rules as unknown[]).entries()) {
    const { id, check, severity, appliesTo, docs, title, description, reads } = (rule ?? {}) as Partial<AnyRule>;
    const where = `rules[${index}]${typeof id === 'string' ? ` ("${id}")` : ''}`;
    if (typeof id !== 'string' || !RULE_ID.test(id)) return `${where}: id must be kebab-case, without the plugin's prefix.`;
    if (seen.has(id)) return `${where}: the id is used twice.`;
    seen.add(id);
    if (typeof check !== 'function') return `${where}: check must be a function.`;
    if (typeof title !== 'string' || typeof description !== 'string' || typeof docs?.rationale !== 'string') {
      return `${where}: title, description and docs.rationale must be strings.`;
    }
    if (!['error', 'warning', 'info', 'off'].includes(String(severity))) return `${where}: severity must be error, warning, info or off.`;
    if (!Array.isArray(appliesTo) || appliesTo.some((kind) => kind !== 'api-request' && kind !== 'cfn-resource')) {
      return `${where}: appliesTo must list "api-request" and/or "cfn-resource".`;
    }
    if (reads !== undefined && (!Array.isArray(reads) || reads.some((read) => typeof read !== 'string' || !JSON_POINTER.test(read)))) {
      return `${where}: reads must list JSON Pointers, such as "/RoleArn" or "/JobResources/ClusterConfig".`;
    }
  }
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
