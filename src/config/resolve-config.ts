import { dirname, relative, sep } from 'node:path';
import type { EnabledRule } from '../engine/lint-source.js';
import type { ExternalSuppression } from '../engine/suppressions.js';
import { DEFAULT_MAX_FILE_SIZE } from '../loaders/load.js';
import { loadPlugin, registerPlugin, withPlugins, type LoadedPlugin, type Plugin } from '../plugins/plugin.js';
import type { AnyRule } from '../rule-support/define-rule.js';
import { findConfigFile, loadConfigFile, pathInConfig, type LoadedConfig } from './config-file.js';
import { resolveRuleSettings, type RuleSetting } from './rule-settings.js';

export interface ConfigOptions {
  /** Where `ignorePatterns` are relative to. */
  cwd: string;
  /** A configuration file to use for every file, instead of looking for one (`--config`). */
  configFile?: string;
  /** Look for `sagelint.config.*` from each linted file's folder upward. Default: true. */
  lookup?: boolean;
  /** Over the configuration files' rules (`--rule`). */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Globs relative to `cwd` of files not to lint (`--ignore-pattern`), besides the configuration's `ignores`. */
  ignorePatterns?: readonly string[];
  /** Over the configuration's `region` (`--region`). */
  region?: string;
  /** Over the configuration's `inlineConfig` (`--no-inline-config`). */
  inlineConfig?: boolean;
  /** Over the configuration's `reportUnusedDisableDirectives` (`--report-unused-disable-directives`). */
  reportUnusedDirectives?: 'off' | 'warning' | 'error';
  /** Over the configuration's `maxFileSize` (`--max-file-size`). */
  maxFileSize?: number;
  /** Plugins for every file, besides the configuration files' (`--plugin`): paths or package names from `cwd`, or plugin objects. */
  plugins?: readonly (string | Plugin)[];
}

/** What applies to one file, layer by layer: rule defaults → configuration file → its overrides → options. */
export interface FileConfig {
  /** The configuration file that applies, if any. */
  configFile?: string;
  ignored: boolean;
  /** The plugins whose rules apply: the options', then the configuration file's. */
  plugins: { name: string; version?: string; specifier?: string }[];
  /** Every rule's setting, as `[severity, options]`. */
  settings: Record<string, readonly [string, unknown]>;
  rules: EnabledRule[];
  region?: string;
  /** Whether in-file suppressions count. */
  inlineConfig: boolean;
  reportUnusedDirectives: 'off' | 'warning' | 'error';
  /** The configuration's suppressions for this file (`overrides[].suppressions`). */
  suppressions: ExternalSuppression[];
  /** Files over this many bytes are not read. */
  maxFileSize: number;
}

/** Resolves, and caches, the configuration of each file of a run. */
export class ConfigResolver {
  private readonly loaded = new Map<string, Promise<LoadedConfig>>();
  private readonly enabled = new Map<string, Promise<EnabledRule[]>>();
  private base: Promise<{ plugins: LoadedPlugin[]; rules: AnyRule[] }> | undefined;

  constructor(
    private readonly builtin: readonly AnyRule[],
    private readonly options: ConfigOptions,
  ) {}

  /** The configuration of a file; a bad configuration file throws a `SagelintError` naming it. */
  async forFile(filePath: string): Promise<FileConfig> {
    const configPath = this.configPathFor(dirname(filePath));
    const base = await this.baseRules();
    const loaded = configPath === undefined ? undefined : await this.load(configPath);
    const ruleSet = loaded?.rules ?? base.rules;
    const plugins = [...base.plugins, ...(loaded?.plugins ?? []).filter((plugin) => !base.plugins.some(({ name }) => name === plugin.name))];
    const inConfig = loaded && pathInConfig(loaded, filePath);
    // Globs are matched only where some are given: the matcher costs start-up time otherwise.
    const matches = async (path: string | undefined, globs: readonly string[]): Promise<boolean> =>
      path !== undefined && globs.length > 0 && (await import('picomatch')).default.isMatch(path, [...globs], { dot: true });
    const ignoredByConfig = await matches(inConfig, loaded?.config.ignores ?? []);
    const ignoredByOptions = await matches(relative(this.options.cwd, filePath).split(sep).join('/'), this.options.ignorePatterns ?? []);
    const overrides: Readonly<Record<string, RuleSetting>>[] = [];
    const suppressions: ExternalSuppression[] = [];
    for (const override of loaded?.config.overrides ?? []) {
      if (!(await matches(inConfig, override.files))) continue;
      overrides.push(override.rules ?? {});
      suppressions.push(...(override.suppressions ?? []));
    }
    const layers: Readonly<Record<string, RuleSetting>>[] = [loaded?.config.rules ?? {}, ...overrides, this.options.rules ?? {}];
    const settings = mergeSettings(ruleSet, layers);
    // Settings are cached by value and rule set: configurations that load the same plugins share their rules.
    const key = JSON.stringify([plugins.map(({ name }) => name), settings]);
    let rules = this.enabled.get(key);
    if (rules === undefined) {
      rules = resolveRuleSettings(ruleSet, settings as Record<string, RuleSetting>);
      this.enabled.set(key, rules);
    }
    const region = this.options.region ?? loaded?.config.region;
    return {
      ...(configPath !== undefined && { configFile: configPath }),
      ignored: ignoredByConfig || ignoredByOptions,
      plugins: plugins.map(({ name, version, specifier }) => ({
        name,
        ...(version !== undefined && { version }),
        ...(specifier !== '' && { specifier }),
      })),
      settings,
      rules: await rules,
      ...(region !== undefined && { region }),
      inlineConfig: this.options.inlineConfig ?? loaded?.config.inlineConfig ?? true,
      reportUnusedDirectives: this.options.reportUnusedDirectives ?? loaded?.config.reportUnusedDisableDirectives ?? 'off',
      suppressions,
      maxFileSize: this.options.maxFileSize ?? loaded?.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    };
  }

  /** `maxWarnings` of the configuration file that applies in a folder (`--config`'s, or the nearest one's). */
  async maxWarnings(directory: string): Promise<number | undefined> {
    const configPath = this.configPathFor(directory);
    return configPath === undefined ? undefined : (await this.load(configPath)).config.maxWarnings;
  }

  private configPathFor(directory: string): string | undefined {
    return this.options.configFile ?? (this.options.lookup === false ? undefined : findConfigFile(directory));
  }

  /** The built-in rules and the options' plugins': what every configuration starts from. */
  private baseRules(): Promise<{ plugins: LoadedPlugin[]; rules: AnyRule[] }> {
    this.base ??= (async () => {
      const plugins: LoadedPlugin[] = [];
      for (const plugin of this.options.plugins ?? []) {
        plugins.push(
          typeof plugin === 'string'
            ? await loadPlugin(plugin, this.options.cwd, 'The plugins option')
            : { ...registerPlugin(plugin), specifier: '' },
        );
      }
      return { plugins, rules: withPlugins(this.builtin, plugins) };
    })();
    return this.base;
  }

  private load(configPath: string): Promise<LoadedConfig> {
    let loaded = this.loaded.get(configPath);
    if (loaded === undefined) {
      loaded = this.baseRules().then(({ rules }) => loadConfigFile(configPath, rules));
      this.loaded.set(configPath, loaded);
    }
    return loaded;
  }
}

/**
 * Lays settings over the rules' defaults. As in ESLint, a layer that gives only a severity keeps the options an
 * earlier layer gave.
 */
function mergeSettings(
  rules: readonly AnyRule[],
  layers: readonly Readonly<Record<string, RuleSetting>>[],
): Record<string, readonly [string, unknown]> {
  const merged: Record<string, readonly [string, unknown]> = {};
  for (const rule of rules) merged[rule.id] = [rule.severity, undefined];
  for (const layer of layers) {
    for (const [id, setting] of Object.entries(layer)) {
      const [severity, options] = typeof setting === 'string' ? [setting, undefined] : setting;
      merged[id] = [severity, options ?? merged[id]?.[1]];
    }
  }
  return Object.fromEntries(
    Object.entries(merged).map(([id, [severity, options]]) => [id, options === undefined ? [severity] : [severity, options]]),
  ) as Record<string, readonly [string, unknown]>;
}

