import { dirname, relative, resolve, sep } from 'node:path';
import type { EnabledRule } from '../engine/lint-source.js';
import type { ExternalSuppression } from '../engine/suppressions.js';
import { DEFAULT_MAX_FILE_SIZE } from '../loaders/load.js';
import { loadPlugin, registerPlugin, withPlugins, type LoadedPlugin, type Plugin } from '../plugins/plugin.js';
import type { AnyRule } from '../rule-support/define-rule.js';
import { configFileIn, loadConfigFile, pathInConfig, type LoadedConfig } from './config-file.js';
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

type Matcher = (path: string) => boolean;

interface ConfigGlobs {
  ignores: Matcher;
  overrides: Matcher[];
}

/** A configuration file (none: undefined) with its globs compiled, and `--ignore-pattern`'s. */
interface ConfigScope {
  loaded: LoadedConfig | undefined;
  globs: ConfigGlobs | undefined;
  optionIgnores: Matcher | undefined;
}

/** One resolved configuration, for the files it includes and for those it ignores. */
interface SharedConfig {
  included: FileConfig;
  ignored: FileConfig;
}

/** A matcher for globs; picomatch is loaded only where some globs are given, since it costs start-up time. */
async function matcher(globs: readonly string[]): Promise<Matcher> {
  if (globs.length === 0) return () => false;
  return (await import('picomatch')).default([...globs], { dot: true });
}

/** Resolves, and caches, the configuration of each file of a run. */
export class ConfigResolver {
  private readonly loaded = new Map<string, Promise<LoadedConfig>>();
  /** By configuration and matched overrides: one configuration object for the files it includes, one for those it ignores. */
  private readonly resolved = new Map<string, Promise<SharedConfig>>();
  /** `resolved`'s values once settled, and each configuration's scope: what most files need, with nothing to wait for. */
  private readonly settledConfigs = new Map<string, SharedConfig>();
  private readonly scopes = new Map<string | undefined, ConfigScope>();
  private readonly globs = new WeakMap<LoadedConfig, Promise<ConfigGlobs>>();
  private ignorePatternMatcher: Promise<Matcher | undefined> | undefined;
  private readonly nearest = new Map<string, string | undefined>();
  /** `configPathFor`'s answers by folder as given: most files share a folder with others. */
  private readonly configPaths = new Map<string, string | undefined>();
  private base: Promise<{ plugins: LoadedPlugin[]; rules: AnyRule[] }> | undefined;

  constructor(
    private readonly builtin: readonly AnyRule[],
    private readonly options: ConfigOptions,
  ) {}

  /**
   * The configuration of a file; a bad configuration file throws a `SagelintError` naming it. A run asks for every
   * file's, and most share a configuration already loaded and resolved: `settledFor` answers those without waiting.
   */
  async forFile(filePath: string): Promise<FileConfig> {
    const configPath = this.configPathFor(dirname(filePath));
    const scope = this.scopes.get(configPath) ?? (await this.scopeOf(configPath));
    const { key, matched, ignored } = this.match(scope, configPath, filePath);
    const shared = this.settledConfigs.get(key) ?? (await this.settle(key, configPath, scope.loaded, matched));
    return ignored ? shared.ignored : shared.included;
  }

  /**
   * `forFile`'s answer when everything it needs is loaded and resolved already, as for most files of a run once the
   * first under each configuration was asked for; undefined otherwise. Ten thousand files then cost no promise each.
   */
  settledFor(filePath: string): FileConfig | undefined {
    const configPath = this.configPathFor(dirname(filePath));
    const scope = this.scopes.get(configPath);
    if (scope === undefined) return undefined;
    const { key, ignored } = this.match(scope, configPath, filePath);
    const shared = this.settledConfigs.get(key);
    return shared === undefined ? undefined : ignored ? shared.ignored : shared.included;
  }

  /** Which overrides of its configuration a file matches (`key` names the combination), and whether it is ignored. */
  private match(scope: ConfigScope, configPath: string | undefined, filePath: string): { key: string; matched: number[]; ignored: boolean } {
    const { loaded, globs, optionIgnores } = scope;
    const inConfig = loaded && pathInConfig(loaded, filePath);
    const ignoredByConfig = inConfig !== undefined && globs?.ignores(inConfig) === true;
    const ignoredByOptions = optionIgnores !== undefined && optionIgnores(relative(this.options.cwd, filePath).split(sep).join('/'));
    const matched = inConfig === undefined || globs === undefined ? [] : globs.overrides.flatMap((matches, index) => (matches(inConfig) ? [index] : []));
    // Files under one configuration that match the same overrides share everything but `ignored`: resolved once.
    return { key: `${configPath ?? ''}\0${matched.join(',')}`, matched, ignored: ignoredByConfig || ignoredByOptions };
  }

  /** What files under a configuration (or under none) are matched against: loaded once, kept once settled. */
  private async scopeOf(configPath: string | undefined): Promise<ConfigScope> {
    const loaded = configPath === undefined ? undefined : await this.load(configPath);
    const scope = { loaded, globs: loaded === undefined ? undefined : await this.globsOf(loaded), optionIgnores: await this.optionIgnores() };
    this.scopes.set(configPath, scope);
    return scope;
  }

  /** The configuration for a configuration path and the overrides matched, resolved once and kept once settled. */
  private async settle(key: string, configPath: string | undefined, loaded: LoadedConfig | undefined, matched: readonly number[]): Promise<SharedConfig> {
    let shared = this.resolved.get(key);
    if (shared === undefined) {
      shared = this.resolve(configPath, loaded, matched).then((config) => ({ included: { ...config, ignored: false }, ignored: { ...config, ignored: true } }));
      this.resolved.set(key, shared);
    }
    const settled = await shared;
    this.settledConfigs.set(key, settled);
    return settled;
  }

  /** What a configuration and the overrides a file matches make of the rules and the rest. */
  private async resolve(configPath: string | undefined, loaded: LoadedConfig | undefined, matched: readonly number[]): Promise<Omit<FileConfig, 'ignored'>> {
    const base = await this.baseRules();
    const ruleSet = loaded?.rules ?? base.rules;
    const plugins = [...base.plugins, ...(loaded?.plugins ?? []).filter((plugin) => !base.plugins.some(({ name }) => name === plugin.name))];
    const overrides = matched.flatMap((index) => loaded?.config.overrides?.[index] ?? []);
    const layers: Readonly<Record<string, RuleSetting>>[] = [loaded?.config.rules ?? {}, ...overrides.map((override) => override.rules ?? {}), this.options.rules ?? {}];
    const settings = mergeSettings(ruleSet, layers);
    const region = this.options.region ?? loaded?.config.region;
    return {
      ...(configPath !== undefined && { configFile: configPath }),
      plugins: plugins.map(({ name, version, specifier }) => ({
        name,
        ...(version !== undefined && { version }),
        ...(specifier !== '' && { specifier }),
      })),
      settings,
      rules: await resolveRuleSettings(ruleSet, settings as Record<string, RuleSetting>),
      ...(region !== undefined && { region }),
      inlineConfig: this.options.inlineConfig ?? loaded?.config.inlineConfig ?? true,
      reportUnusedDirectives: this.options.reportUnusedDirectives ?? loaded?.config.reportUnusedDisableDirectives ?? 'off',
      suppressions: overrides.flatMap((override) => override.suppressions ?? []),
      maxFileSize: this.options.maxFileSize ?? loaded?.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    };
  }

  /** A configuration's `ignores` and each override's `files`, compiled once. */
  private globsOf(loaded: LoadedConfig): Promise<ConfigGlobs> {
    let globs = this.globs.get(loaded);
    if (globs === undefined) {
      globs = (async () => ({
        ignores: await matcher(loaded.config.ignores ?? []),
        overrides: await Promise.all((loaded.config.overrides ?? []).map((override) => matcher(override.files))),
      }))();
      this.globs.set(loaded, globs);
    }
    return globs;
  }

  /** `--ignore-pattern`'s globs, compiled once; undefined when there are none. */
  private optionIgnores(): Promise<Matcher | undefined> {
    const patterns = this.options.ignorePatterns ?? [];
    this.ignorePatternMatcher ??= patterns.length === 0 ? Promise.resolve(undefined) : matcher(patterns);
    return this.ignorePatternMatcher;
  }

  /** `maxWarnings` of the configuration file that applies in a folder (`--config`'s, or the nearest one's). */
  async maxWarnings(directory: string): Promise<number | undefined> {
    const configPath = this.configPathFor(directory);
    return configPath === undefined ? undefined : (await this.load(configPath)).config.maxWarnings;
  }

  private configPathFor(directory: string): string | undefined {
    if (this.options.configFile !== undefined || this.options.lookup === false) return this.options.configFile;
    if (this.configPaths.has(directory)) return this.configPaths.get(directory);
    const found = this.nearestConfigFile(resolve(directory));
    this.configPaths.set(directory, found);
    return found;
  }

  /** The nearest configuration file at or above a folder; each folder is looked in once per run. */
  private nearestConfigFile(directory: string): string | undefined {
    if (this.nearest.has(directory)) return this.nearest.get(directory);
    const parent = dirname(directory);
    const found = configFileIn(directory) ?? (parent === directory ? undefined : this.nearestConfigFile(parent));
    this.nearest.set(directory, found);
    return found;
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
      // A malformed setting (from the API or a flag) keeps its value, and resolveRuleSettings says what is wrong.
      const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined];
      merged[id] = [severity, options ?? merged[id]?.[1]];
    }
  }
  return Object.fromEntries(
    Object.entries(merged).map(([id, [severity, options]]) => [id, options === undefined ? [severity] : [severity, options]]),
  ) as Record<string, readonly [string, unknown]>;
}

