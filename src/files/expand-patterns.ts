import * as fs from 'node:fs';
import * as path from 'node:path';
import { SagelintError } from '../errors.js';
import { isAssemblyManifest, readCloudAssembly, type CloudAssembly } from './cloud-assembly.js';
import { compareText } from '../values.js';

/** Extensions a directory walk picks up (compared case-insensitively). Files named explicitly are linted whatever their extension. */
export const LINTABLE_EXTENSIONS: readonly string[] = ['.json', '.yaml', '.yml', '.template'];

/** Directories a walk or a glob never enters, as ESLint's default ignores. */
const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git']);
const GLOB_IGNORE = ['**/node_modules/**', '**/.git/**'];

export interface ExpandOptions {
  /** Absolute directory that relative patterns, globs and the sort order are resolved against. */
  cwd: string;
  /** Throw a `no-files-matched` SagelintError for a pattern that yields no file (the CLI's default: true). */
  errorOnUnmatchedPattern: boolean;
}

/** Something found while enumerating files that the user should hear about: a symlink loop, a broken link, an unreadable directory. */
export interface FileProblem {
  /** Absolute path of the link, directory or manifest concerned. */
  filePath: string;
  message: string;
  /** Where in the file (a cloud assembly manifest) the problem is, as a JSON Pointer. */
  pointer?: string;
}

export interface ExpandedFiles {
  /** Absolute paths, each real file once, sorted by their path relative to `cwd`. */
  files: string[];
  problems: FileProblem[];
  /** For templates read through a CDK cloud assembly: the stack each was synthesized for. */
  stacks: Map<string, string>;
}

/** What one pattern yielded, before deduplication across patterns. */
interface PatternYield {
  files: string[];
  problems: FileProblem[];
  stacks: Map<string, string>;
}

/**
 * Expands command-line patterns into the files to lint, as ESLint's file enumeration does: an existing file is taken
 * as is, an existing directory is walked for files with a lintable extension, and anything else is a glob.
 *
 * @throws {SagelintError} `no-files-matched` for the first pattern that yields no file, when
 *   `options.errorOnUnmatchedPattern` is true.
 */
export async function expandPatterns(patterns: readonly string[], options: ExpandOptions): Promise<ExpandedFiles> {
  const { cwd } = options;
  const realpaths = new RealpathCache();
  const realCwd = realpaths.get(cwd);
  const yields: PatternYield[] = [];
  for (const pattern of patterns) {
    yields.push(await expandPattern(pattern, cwd, realCwd, realpaths));
  }

  if (options.errorOnUnmatchedPattern) {
    // A pattern that yielded a problem (an unreadable directory, say) is reported through the problem instead.
    const unmatched = patterns.find((_, index) => {
      const yielded = yields[index];
      return yielded !== undefined && yielded.files.length === 0 && yielded.problems.length === 0;
    });
    if (unmatched !== undefined) {
      throw new SagelintError('no-files-matched', `No files matching the pattern "${unmatched}" were found.`);
    }
  }

  // Within a pattern the sorted order decides which path form of a real file comes first; across patterns, their order.
  const seenRealFiles = new Set<string>();
  const files: string[] = [];
  const seenProblems = new Set<string>();
  const problems: FileProblem[] = [];
  const stacks = new Map<string, string>();
  for (const yielded of yields) {
    for (const [file, stack] of yielded.stacks) stacks.set(realpaths.get(file), stack);
    for (const file of sortByRelativePath(yielded.files, cwd)) {
      const real = realpaths.get(file);
      if (!seenRealFiles.has(real)) {
        seenRealFiles.add(real);
        files.push(file);
      }
    }
    for (const problem of yielded.problems) {
      const key = `${problem.filePath}\0${problem.pointer ?? ''}\0${problem.message}`;
      if (!seenProblems.has(key)) {
        seenProblems.add(key);
        problems.push(problem);
      }
    }
  }
  const stackOf = new Map<string, string>();
  for (const file of files) {
    const stack = stacks.get(realpaths.get(file));
    if (stack !== undefined) stackOf.set(file, stack);
  }
  return {
    // One pattern's files are in order already (above); several patterns' are put in one order.
    files: yields.length === 1 ? files : sortByRelativePath(files, cwd),
    problems: sortByRelativePath(problems, cwd, (problem) => problem.filePath),
    stacks: stackOf,
  };
}

async function expandPattern(
  pattern: string,
  cwd: string,
  realCwd: string,
  realpaths: RealpathCache,
): Promise<PatternYield> {
  const target = path.resolve(cwd, pattern);
  const stats = await fs.promises.stat(target).catch(() => undefined);
  const found: PatternYield = { files: [], problems: [], stacks: new Map() };
  if (stats?.isDirectory()) {
    await walkDirectory(target, { realCwd, realpaths, found });
    return found;
  }
  if (stats?.isFile()) {
    // Naming a cloud assembly's manifest means linting the assembly.
    if (!(await isAssemblyManifest(target) && (await addCloudAssembly(path.dirname(target), found)))) {
      await addLoneFiles([target], found);
    }
    return found;
  }
  // A pipe named on the command line (`sagelint <(generate)`, `/dev/stdin`) is read like a file.
  if (stats?.isFIFO()) {
    found.files.push(target);
    return found;
  }
  await addLoneFiles(await expandGlob(pattern, cwd, realpaths), found);
  return found;
}

interface WalkContext {
  realCwd: string;
  realpaths: RealpathCache;
  found: PatternYield;
}

/**
 * Depth-first, in name order, so that what is found (and which loop link is reported) does not depend on timing.
 * A CDK cloud assembly (`cdk.out`) is read through its manifest instead: its templates, not its other files.
 */
async function walkDirectory(directory: string, context: WalkContext): Promise<void> {
  let entries: fs.Dirent[];
  try {
    // Synchronous, as files are read: the walk goes one folder at a time, and a promise per folder cost more.
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    context.found.problems.push({
      filePath: directory,
      message: `Directory could not be read (${errorCode(error)}); its files were not linted.`,
    });
    return;
  }
  // Only a folder that lists a manifest can be an assembly: the others are not asked to read one.
  const hasManifest = entries.some((entry) => entry.name === 'manifest.json' && !entry.isDirectory());
  if (hasManifest && (await addCloudAssembly(directory, context.found))) return;
  if (path.basename(directory) === 'cdk.out' && !hasManifest) {
    context.found.problems.push({
      filePath: directory,
      message: 'This CDK output folder has no cloud assembly manifest (manifest.json); its files were linted one by one.',
    });
  }
  entries.sort((a, b) => compareText(a.name, b.name));

  for (const entry of entries) {
    if (SKIPPED_DIRECTORIES.has(entry.name)) {
      continue;
    }
    const entryPath = pathIn(directory, entry.name);
    if (entry.isDirectory()) {
      context.realpaths.addEntry(entryPath, directory);
      await walkDirectory(entryPath, context);
    } else if (entry.isFile()) {
      if (hasLintableExtension(entry.name)) {
        context.found.files.push(entryPath);
        context.realpaths.addEntry(entryPath, directory);
      }
    } else if (entry.isSymbolicLink()) {
      await followLink(entryPath, context);
    }
  }
}

/**
 * Adds files named one by one (or by a glob). A template of a cloud assembly keeps its stack's name, which only
 * the assembly's manifest knows.
 */
async function addLoneFiles(files: readonly string[], found: PatternYield): Promise<void> {
  const assemblies = new Map<string, Promise<CloudAssembly | undefined>>();
  for (const file of files) {
    found.files.push(file);
    if (!file.endsWith('.template.json')) continue;
    const directory = path.dirname(file);
    let assembly = assemblies.get(directory);
    if (assembly === undefined) {
      assembly = readCloudAssembly(directory);
      assemblies.set(directory, assembly);
    }
    const stack = (await assembly)?.templates.find((template) => template.filePath === file)?.stack;
    if (stack !== undefined) found.stacks.set(file, stack);
  }
}

/** Adds a cloud assembly's manifests and templates; false when `directory` holds none. */
async function addCloudAssembly(directory: string, found: PatternYield): Promise<boolean> {
  const assembly = await readCloudAssembly(directory);
  if (assembly === undefined) return false;
  found.files.push(...assembly.manifests);
  for (const { filePath, stack } of assembly.templates) {
    found.files.push(filePath);
    found.stacks.set(filePath, stack);
  }
  found.problems.push(...assembly.problems);
  return true;
}

async function followLink(linkPath: string, context: WalkContext): Promise<void> {
  let stats: fs.Stats;
  try {
    stats = await fs.promises.stat(linkPath);
  } catch (error) {
    // Only links that would have been linted are worth a problem: a dangling `.venv/bin/python` is none of our business.
    if (hasLintableExtension(linkPath)) {
      context.found.problems.push({
        filePath: linkPath,
        message: `Symbolic link is broken (${errorCode(error)}); not followed.`,
      });
    }
    return;
  }
  if (stats.isFile()) {
    if (hasLintableExtension(linkPath)) {
      context.found.files.push(linkPath);
    }
  } else if (stats.isDirectory()) {
    const loopTarget = linkLoopTarget(linkPath, context.realpaths);
    if (loopTarget === undefined) {
      await walkDirectory(linkPath, context);
    } else {
      context.found.problems.push({
        filePath: linkPath,
        message: `Symbolic link loops back to ${relativeDisplayPath(context.realCwd, loopTarget)}; not followed.`,
      });
    }
  }
}

/**
 * The real directory a symbolic link to a directory leads to, if following it would walk a directory already being
 * walked: the real path of some directory on the link's own (logical) path, or an ancestor of one. Otherwise undefined.
 */
function linkLoopTarget(linkPath: string, realpaths: RealpathCache): string | undefined {
  const target = realpaths.get(linkPath);
  const targetPrefix = target.endsWith(path.sep) ? target : target + path.sep;
  for (let ancestor = path.dirname(linkPath); ; ancestor = path.dirname(ancestor)) {
    const real = realpaths.get(ancestor);
    if (real === target || real.startsWith(targetPrefix)) {
      return target;
    }
    if (path.dirname(ancestor) === ancestor) {
      return undefined;
    }
  }
}

async function expandGlob(pattern: string, cwd: string, realpaths: RealpathCache): Promise<string[]> {
  // Loaded only for glob patterns: it costs start-up time that files and directories do not need.
  const { default: fg } = await import('fast-glob');
  const entries = await fg(pattern, {
    cwd,
    dot: false,
    onlyFiles: true,
    ignore: GLOB_IGNORE,
    // followSymbolicLinks alone recurses through a loop until ELOOP (exponentially with two loops) and `false` drops
    // symlinked files, so follow links but have `stat` answer with `lstat` for a looping one: fast-glob then neither
    // enters nor returns it. Unreadable directories are skipped rather than failing the whole glob.
    followSymbolicLinks: true,
    throwErrorOnBrokenSymbolicLink: false,
    suppressErrors: true,
    fs: { stat: loopSafeStat(realpaths) },
  });
  return entries.map((entry) => path.resolve(cwd, entry));
}

/** `fs.stat` for fast-glob, which calls it on each symbolic link it meets: a link that loops looks like an unfollowed link. */
function loopSafeStat(
  realpaths: RealpathCache,
): (filePath: string, callback: (error: NodeJS.ErrnoException | null, stats: fs.Stats) => void) => void {
  return (filePath, callback) => {
    fs.stat(filePath, (error, stats) => {
      if (error !== null || !stats.isDirectory()) {
        callback(error, stats);
        return;
      }
      if (linkLoopTarget(filePath, realpaths) === undefined) callback(null, stats);
      else fs.lstat(filePath, callback);
    });
  };
}

/**
 * `fs.realpath` memoised for one expansion, since loop checks ask for the same ancestors again and again.
 * Synchronous, as the walk is: a promise for each of ten thousand files cost more than the calls.
 */
class RealpathCache {
  readonly #cache = new Map<string, string>();
  /** The folder that lists a file or a folder as such (`addEntry`), until its real path is asked for. */
  readonly #folderOf = new Map<string, string>();

  /** The real path, or the path itself when it cannot be resolved (it vanished, or a parent is unreadable). */
  get(filePath: string): string {
    let real = this.#cache.get(filePath);
    if (real === undefined) {
      const folder = this.#folderOf.get(filePath);
      real = folder === undefined ? realpathOrSelf(filePath) : pathIn(this.get(folder), path.basename(filePath));
      this.#cache.set(filePath, real);
    }
    return real;
  }

  /**
   * A file or folder that a directory lists as a regular file or a folder, not a link, is really where its directory
   * really is: one system call for the folder a walk starts from (and each link it follows) rather than one per folder.
   */
  addEntry(entryPath: string, directory: string): void {
    if (!this.#cache.has(entryPath)) this.#folderOf.set(entryPath, directory);
  }
}

/**
 * The path of an entry of a folder that is absolute and normal (a walk's folders, the folders configuration files are
 * looked for in): `path.join`, less the normalizing that such folders and plain names never need, and which cost more
 * than anything else the walk does per file.
 */
export function pathIn(directory: string, name: string): string {
  return directory.endsWith(path.sep) ? directory + name : directory + path.sep + name;
}

function realpathOrSelf(filePath: string): string {
  try {
    return fs.realpathSync.native(filePath);
  } catch {
    return filePath;
  }
}

function hasLintableExtension(filePath: string): boolean {
  return LINTABLE_EXTENSIONS.includes(path.extname(filePath).toLowerCase());
}

/** The path relative to `from`, with `/` separators, `.` for `from` itself. */
export function relativeDisplayPath(from: string, to: string): string {
  // Most paths are under `from` and already normal: their relative path is their tail (path.relative normalizes both
  // paths, for every one of thousands of files).
  const relative = to.startsWith(from) && to.charAt(from.length) === path.sep && !from.endsWith(path.sep) && isNormal(to) ? to.slice(from.length + 1) : path.relative(from, to);
  return (path.sep === '/' ? relative : relative.split(path.sep).join('/')) || '.';
}

/** Whether an absolute path has no `.` or `..` segment and no doubled or trailing separator. */
function isNormal(absolute: string): boolean {
  return !absolute.includes(`${path.sep}.`) && !absolute.includes(path.sep + path.sep) && !absolute.endsWith(path.sep);
}

/** Sorted by path relative to cwd with `/` separators, by code units, so the order is the same on every machine. */
export function sortByRelativePath<T>(items: readonly T[], cwd: string, pathOf: (item: T) => string = String): T[] {
  return items
    .map((item) => ({ item, key: relativeDisplayPath(cwd, pathOf(item)) }))
    .sort((a, b) => compareText(a.key, b.key))
    .map(({ item }) => item);
}

function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return String(error);
}
