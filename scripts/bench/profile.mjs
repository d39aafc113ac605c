#!/usr/bin/env node
/**
 * Where linting a tree spends its time: runs `lint()` and the JSON formatter of the compiled API (dist/index.js,
 * one file per module, so time can be told by module; the bundled CLI does the same work in chunks) under V8's CPU
 * profiler, and summarises the profile.
 *
 *   node scripts/bench/profile.mjs [<tree>]      (without a tree: generates one of BENCH_FILES files, default 10000)
 *
 * Prints self time by area (a builtin such as JSON.parse or a native fs call counts for the area that called it),
 * the inclusive time of the pipeline's main functions, and the functions with the most self time (the first 25, or
 * PROFILE_TOP). Set BENCH_KEEP=1 to keep the .cpuprofile (it opens in Chrome DevTools).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_FILE_COUNT, generateTree } from './generate-tree.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLING_INTERVAL_US = 200;

/** Areas by where the code lives, first match wins. */
const AREAS = [
  [/node_modules\/js-yaml\//, 'js-yaml: event parser, scalar decoding'],
  [/node_modules\/jsonc-parser\//, 'jsonc-parser'],
  [/node_modules\/(ajv|fast-uri|fast-deep-equal|json-schema-traverse)\//, 'ajv runtime'],
  [/node_modules\/(fast-glob|picomatch|micromatch|@nodelib)\//, 'glob matching (fast-glob, picomatch)'],
  [/node_modules\//, 'other dependencies'],
  [/dist\/generated\/.*validator/, 'generated validators (ajv standalone code)'],
  [/dist\/generated\//, 'generated models'],
  [/dist\/loaders\/yaml\.js/, 'sagelint YAML loader: events → values with offsets'],
  [/dist\/loaders\/json\.js/, 'sagelint JSON loader: tree → values with offsets'],
  [/dist\/loaders\//, 'loading: read, decode, positions (loaders/load, source-document)'],
  [/dist\/definitions\//, 'definitions: extraction, intrinsics, variants'],
  [/dist\/(rules|rule-support)\//, 'rules'],
  [/dist\/engine\//, 'engine: placing, suppressions, dedupe, sort'],
  [/dist\/config\//, 'configuration lookup and resolution'],
  [/dist\/files\//, 'file expansion: walk, cloud assembly, sort'],
  [/dist\/formatters\//, 'formatting'],
  [/dist\//, 'sagelint, other modules'],
  [/^node:/, 'Node internals (fs, streams, modules)'],
];
/** Functions whose inclusive time says what a stage of the pipeline costs (`check`: every rule's). */
const STAGES = [
  'walkDirectory', 'readCloudAssembly', 'sortByRelativePath', 'forFile', 'findConfigFile', 'loadFile', 'loadJson', 'loadYaml',
  'indexTags', 'convertDocument', 'findApiRequest', 'findTemplateDefinitions', 'resolveVariants', 'lintSource', 'schemaViolations',
  'check', 'rangeForPointer', 'applySuppressions', 'json', 'writeFileSync',
];

function profileLint(tree, directory) {
  const program = `
    import { writeFileSync } from 'node:fs';
    import { lint, loadFormatter } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)};
    const results = await lint(['.']);
    const formatter = await loadFormatter('json');
    writeFileSync(${JSON.stringify(join(directory, 'report.json'))}, formatter.format(results));`;
  const child = spawnSync(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', directory, '--cpu-prof-interval', String(SAMPLING_INTERVAL_US), '--input-type=module', '-e', program],
    { cwd: tree, encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`profiling failed with status ${child.status ?? child.signal}`);
  const file = readdirSync(directory).find((name) => name.endsWith('.cpuprofile'));
  return { profile: JSON.parse(readFileSync(join(directory, file), 'utf8')), path: join(directory, file) };
}

function summarize(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const urlOf = (node) => node.callFrame.url.replace(/^file:\/\//, '');
  const areaOf = (id) => {
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const url = urlOf(nodes.get(at));
      if (url !== '') return AREAS.find(([pattern]) => pattern.test(url))?.[1] ?? 'other';
    }
    return 'V8 builtins with no caller';
  };
  const byArea = new Map();
  const byFunction = new Map();
  const stages = new Map(STAGES.map((name) => [name, 0]));
  const byRule = new Map();
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  let total = 0;
  profile.samples.forEach((id, index) => {
    // timeDeltas[i + 1] is how long the sample i lasted.
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    total += ms;
    const { functionName, lineNumber } = nodes.get(id).callFrame;
    const special = /^\((garbage collector|program|idle|root)\)$/.test(functionName);
    add(byArea, special ? functionName : areaOf(id), ms);
    const url = urlOf(nodes.get(id));
    const where = url === '' ? (special ? '' : 'builtin') : `${displayPath(url)}:${lineNumber + 1}`;
    add(byFunction, `${functionName || '(anonymous)'}  ${where}`, ms);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const name = nodes.get(at).callFrame.functionName;
      const rule = name === 'check' ? /\/dist\/rules\/([\w-]+)\.js$/.exec(urlOf(nodes.get(at)))?.[1] : undefined;
      for (const [map, key] of [[stages, stages.has(name) ? name : undefined], [byRule, rule]]) {
        if (key !== undefined && !seen.has(key)) {
          seen.add(key);
          add(map, key, ms);
        }
      }
    }
  });
  return { total, byArea, byFunction, stages, byRule };
}

/** A dependency by its path in node_modules, our code by its path in the repository. */
function displayPath(path) {
  const dependency = /\/node_modules\/(.*)$/.exec(path);
  return dependency === null ? relative(ROOT, path) : dependency[1];
}

function print({ total, byArea, byFunction, stages, byRule }) {
  const line = (name, ms) => `${name.padEnd(64)}${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %`;
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  console.log(`profiled ${total.toFixed(0)} ms (sampling every ${SAMPLING_INTERVAL_US} µs; the profiler slows the run a little)\n`);
  console.log('self time by area (builtins and native calls count for their caller):');
  for (const [area, ms] of sorted(byArea)) console.log(`  ${line(area, ms)}`);
  console.log('\ninclusive time of pipeline functions (synchronous parts; awaited callees are not under their caller):');
  for (const [name, ms] of sorted(stages)) console.log(`  ${line(name, ms)}`);
  console.log('\nrules by inclusive time of their check:');
  for (const [rule, ms] of sorted(byRule).slice(0, 10)) console.log(`  ${line(rule, ms)}`);
  console.log('\nfunctions with the most self time:');
  for (const [name, ms] of sorted(byFunction).slice(0, Number(process.env.PROFILE_TOP ?? 25))) console.log(`  ${line(name, ms)}`);
}

const scratch = mkdtempSync(join(tmpdir(), 'sagelint-profile-'));
try {
  let tree = process.argv[2] === undefined ? undefined : resolve(process.argv[2]);
  if (tree === undefined) {
    tree = join(scratch, 'tree');
    generateTree(tree, { files: Number(process.env.BENCH_FILES ?? DEFAULT_FILE_COUNT) });
  }
  const { profile, path } = profileLint(tree, scratch);
  print(summarize(profile));
  if (process.env.BENCH_KEEP === '1') console.log(`\nkept ${path}`);
} finally {
  if (process.env.BENCH_KEEP !== '1') rmSync(scratch, { recursive: true, force: true });
}
