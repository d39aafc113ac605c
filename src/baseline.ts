/**
 * A baseline records the findings a repository has today, so that later runs report only new ones: how a team
 * adopts sagelint on hundreds of old definitions. Findings are matched by file, rule and JSON pointer, never by
 * line, so edits elsewhere in a file do not revive them; a count per key lets two findings share one.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { SagelintError } from './errors.js';
import { compareFindings, countFindings } from './engine/findings.js';
import { RESERVED_RULE_IDS, type Finding, type LintResult } from './types.js';
import { compareText } from './values.js';

/** Where a baseline is read and written when none is named. */
export const DEFAULT_BASELINE_FILE = 'sagelint-baseline.json';

/** The file's content: counts by file (relative to the baseline, with `/`), rule id and pointer. */
export interface Baseline {
  version: 1;
  files: Record<string, Record<string, Record<string, number>>>;
}

/** Findings a baseline can hold: not a file that could not be read or parsed, nor a failure of sagelint. */
function isBaselinable(finding: Finding): boolean {
  return finding.fatal !== true && finding.ruleId !== RESERVED_RULE_IDS.internalError;
}

/** The baseline at `path`, or an empty one when the file does not exist; a malformed one is a `SagelintError`. */
export async function readBaseline(path: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, files: {} };
    throw new SagelintError('invalid-baseline', `Cannot read the baseline ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SagelintError('invalid-baseline', `The baseline ${path} is not JSON: ${(error as Error).message}. Write it again with --write-baseline.`);
  }
  if (!isBaseline(value)) {
    throw new SagelintError('invalid-baseline', `The baseline ${path} is not a sagelint baseline (version 1). Write it again with --write-baseline.`);
  }
  return value;
}

function isBaseline(value: unknown): value is Baseline {
  const isObject = (candidate: unknown): candidate is Record<string, unknown> =>
    typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate);
  if (!isObject(value) || value.version !== 1 || !isObject(value.files)) return false;
  return Object.values(value.files).every(
    (rules) =>
      isObject(rules) &&
      Object.values(rules).every((pointers) => isObject(pointers) && Object.values(pointers).every((count) => Number.isInteger(count) && (count as number) > 0)),
  );
}

/** What applying a baseline did: the results, with baselined findings moved among the suppressed ones. */
export interface BaselineOutcome {
  results: LintResult[];
  /** Findings the baseline holds for the linted files that no longer occur: fixed, so the baseline can shrink. */
  unmatched: number;
}

/**
 * Moves each finding the baseline holds to `suppressedFindings` (kind `external`, as SARIF's), and recounts.
 * Only the linted files' entries are compared: a run over some files says nothing of the others.
 */
export function applyBaseline(results: readonly LintResult[], baseline: Baseline, baselinePath: string, shownAs = baselinePath): BaselineOutcome {
  const justification = `In the baseline ${shownAs}.`;
  let unmatched = 0;
  const applied = results.map((result) => {
    const entries = baseline.files[keyOf(result.filePath, baselinePath)];
    if (entries === undefined) return result;
    const remaining = structuredClone(entries);
    const findings: Finding[] = [];
    const suppressed: Finding[] = [...(result.suppressedFindings ?? [])];
    for (const finding of result.findings) {
      const counts = remaining[finding.ruleId];
      const pointer = finding.pointer ?? '';
      if (isBaselinable(finding) && counts !== undefined && (counts[pointer] ?? 0) > 0) {
        counts[pointer] = (counts[pointer] ?? 0) - 1;
        suppressed.push({ ...finding, suppressions: [{ kind: 'external', justification }] });
      } else {
        findings.push(finding);
      }
    }
    unmatched += Object.values(remaining).reduce((sum, counts) => sum + Object.values(counts).reduce((a, b) => a + b, 0), 0);
    return recount(result, findings, suppressed);
  });
  return { results: applied, unmatched };
}

/**
 * The baseline after a run: the linted files' entries replaced by their findings now (suppressed ones excepted),
 * the other files' entries kept, so a run over part of a repository does not forget the rest.
 */
function updateBaseline(previous: Baseline, results: readonly LintResult[], baselinePath: string): Baseline {
  const files: Baseline['files'] = { ...previous.files };
  for (const result of results) {
    const key = keyOf(result.filePath, baselinePath);
    delete files[key];
    for (const finding of result.findings.filter(isBaselinable)) {
      const rules = (files[key] ??= {});
      const counts = (rules[finding.ruleId] ??= {});
      const pointer = finding.pointer ?? '';
      counts[pointer] = (counts[pointer] ?? 0) + 1;
    }
  }
  return { version: 1, files: sortKeys(files) };
}

/**
 * `--write-baseline`: records the results' findings in the baseline at `path` (keeping other files' entries), and
 * returns the results as they read against it: every finding baselined.
 */
export async function recordBaseline(
  results: readonly LintResult[],
  path: string,
  shownAs = path,
): Promise<{ results: LintResult[]; findingCount: number; fileCount: number }> {
  const baseline = updateBaseline(await readBaseline(path), results, path);
  await writeBaseline(path, baseline);
  return { results: applyBaseline(results, baseline, path, shownAs).results, findingCount: baselineSize(baseline), fileCount: Object.keys(baseline.files).length };
}

/** Writes a baseline with sorted keys and one entry per line, so that it diffs well in review. */
async function writeBaseline(path: string, baseline: Baseline): Promise<void> {
  try {
    await writeFile(path, `${JSON.stringify(baseline, null, 2)}\n`);
  } catch (error) {
    throw new SagelintError('output-write-failed', `Cannot write the baseline ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
}

/** How many findings a baseline holds. */
function baselineSize(baseline: Baseline): number {
  return Object.values(baseline.files)
    .flatMap((rules) => Object.values(rules).flatMap((counts) => Object.values(counts)))
    .reduce((sum, count) => sum + count, 0);
}

function keyOf(filePath: string, baselinePath: string): string {
  return relative(dirname(resolve(baselinePath)), resolve(filePath)).split(sep).join('/');
}

function recount(result: LintResult, findings: Finding[], suppressedFindings: Finding[]): LintResult {
  const { suppressedFindings: _suppressed, source, ...rest } = result;
  return {
    ...rest,
    findings,
    ...(suppressedFindings.length > 0 && { suppressedFindings: suppressedFindings.sort(compareFindings) }),
    ...countFindings(findings),
    // As the engine's results: the text only for formatters that show findings in it.
    ...(findings.length > 0 && source !== undefined && { source }),
  };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.keys(record)
      .sort(compareText)
      .map((key) => {
        const value = record[key] as T;
        return [key, typeof value === 'object' && value !== null ? (sortKeys(value as Record<string, unknown>) as T) : value];
      }),
  );
}
