import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SagelintError } from '../errors.js';
import { pathIn, relativeDisplayPath } from '../files/expand-patterns.js';
import { loadText } from '../loaders/load.js';
import { LineIndex } from '../loaders/source-document.js';
import type { ExternalSuppression } from '../engine/suppressions.js';
import { loadPlugin, withPlugins, type LoadedPlugin } from '../plugins/plugin.js';
import type { AnyRule } from '../rule-support/define-rule.js';
import { validateConfig } from '../generated/settings-validators.js';
import { resolveRuleSettings, type RuleSetting } from './rule-settings.js';

/** The names a configuration file may have, in the order they win when a folder holds several. */
export const CONFIG_FILE_NAMES: readonly string[] = ['sagelint.config.yaml', 'sagelint.config.json', 'sagelint.config.mjs'];

export interface SagelintConfig {
  rules?: Record<string, RuleSetting>;
  overrides?: { files: string[]; rules?: Record<string, RuleSetting>; suppressions?: ExternalSuppression[] }[];
  ignores?: string[];
  region?: string;
  inlineConfig?: boolean;
  reportUnusedDisableDirectives?: 'off' | 'warning' | 'error';
  plugins?: string[];
  maxWarnings?: number;
  maxFileSize?: number;
}

/** A configuration file, validated, with where it lives (its globs are relative to that folder). */
export interface LoadedConfig {
  filePath: string;
  directory: string;
  config: SagelintConfig;
  /** The plugins it loads, in its order. */
  plugins: LoadedPlugin[];
  /** The rules it can set: the ones it was loaded with, and its plugins'. */
  rules: AnyRule[];
}

/** The configuration file in `directory` (absolute and normal): the first of `CONFIG_FILE_NAMES` there, or undefined. */
export function configFileIn(directory: string): string | undefined {
  const name = CONFIG_FILE_NAMES.find((candidate) => existsSync(pathIn(directory, candidate)));
  return name === undefined ? undefined : pathIn(directory, name);
}

/**
 * Reads and validates a configuration file: its shape against the published schema, its rule ids and each
 * rule's options against the rule's own schema. Anything wrong is a `SagelintError` naming the file and the key,
 * raised before any file is linted.
 */
export async function loadConfigFile(filePath: string, rules: readonly AnyRule[]): Promise<LoadedConfig> {
  let value: unknown;
  try {
    if (filePath.endsWith('.mjs')) {
      value = ((await import(pathToFileURL(filePath).href)) as { default?: unknown }).default;
    } else {
      const source = await loadText(filePath, await readFile(filePath, 'utf8'));
      const [problem] = source.problems;
      if (problem !== undefined) {
        const { line, column } = new LineIndex(source.text).position(problem.range.start);
        throw new Error(`${problem.message} (line ${line}, column ${column})`);
      }
      value = source.documents[0]?.value;
    }
  } catch (error) {
    throw new SagelintError('invalid-config', `Cannot read the configuration ${filePath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  validateShape(filePath, value);
  const config = value as SagelintConfig;
  const directory = dirname(filePath);
  const plugins: LoadedPlugin[] = [];
  for (const specifier of config.plugins ?? []) plugins.push(await loadPlugin(specifier, directory, filePath));
  const configRules = withPlugins(rules, plugins);
  await validateSettings(filePath, config, configRules);
  return { filePath, directory, config, plugins, rules: configRules };
}

/** Checks a configuration's value against CONFIG_SCHEMA (src/config/config-schema.ts), with its compiled validator. */
function validateShape(filePath: string, value: unknown): void {
  if (!validateConfig(value)) {
    const [first] = validateConfig.errors ?? [];
    const where = first?.instancePath ? first.instancePath.slice(1).replace(/\//g, '.') : 'the top level';
    const extra = first?.params && 'additionalProperty' in first.params ? `: unknown key "${String(first.params.additionalProperty)}"` : '';
    throw new SagelintError('invalid-config', `${filePath}: ${where} ${first?.message ?? 'is invalid'}${extra}.`);
  }
}

async function validateSettings(filePath: string, config: SagelintConfig, rules: readonly AnyRule[]): Promise<void> {
  const settings = [config.rules ?? {}, ...(config.overrides ?? []).map((override) => override.rules ?? {})];
  for (const setting of settings) {
    try {
      await resolveRuleSettings(rules, setting);
    } catch (error) {
      if (error instanceof SagelintError) throw new SagelintError('invalid-config', `${filePath}: ${error.message}`);
      throw error;
    }
  }
}

/** The path of `filePath` relative to a config's folder, with `/`, for its globs; undefined outside that folder. */
export function pathInConfig(config: LoadedConfig, filePath: string): string | undefined {
  const path = relativeDisplayPath(config.directory, filePath);
  return path.startsWith('..') || path === '.' ? undefined : path;
}
