/**
 * `loadJson` reads plain JSON with a one-pass parser and everything else with jsonc-parser. The two must not be told
 * apart: on every text the fast path either gives up or builds what jsonc-parser's path builds (values, ranges,
 * entry order), and it gives up exactly where that path reports a problem.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadJson, loadJsonWithJsoncParser, parseStrictJson } from '../../src/loaders/json.js';
import { MAX_NESTING_DEPTH } from '../../src/loaders/source-document.js';
import { Random } from '../fuzz/mutate.js';

const root = join(import.meta.dirname, '..', '..');

/**
 * A value with every order made visible: toEqual ignores the order of object keys and Map entries, and does not
 * say whether an object's prototype is Object's (a `__proto__` key set by assignment would change it).
 */
function ordered(value: unknown): unknown {
  if (value instanceof Map) return ['Map', [...value].map(([key, item]) => [key, ordered(item)])];
  if (Array.isArray(value)) return value.map(ordered);
  if (typeof value === 'object' && value !== null) {
    const plain = Object.getPrototypeOf(value) === Object.prototype;
    return ['Object', plain, Object.entries(value).map(([key, item]) => [key, ordered(item)])];
  }
  return value;
}

/**
 * Asserts that two values are the same, orders included. Their `ordered` forms are compared directly, which is many
 * times faster than `toEqual` (the random test below compares hundreds of trees, and timed out on a loaded machine);
 * `toEqual` is asked only to show a difference.
 */
function expectSame(actual: unknown, expected: unknown): void {
  const [left, right] = [ordered(actual), ordered(expected)];
  if (same(left, right)) return;
  expect(left).toEqual(right);
  throw new Error('The values differ where toEqual does not look (-0 and 0, or an array hole).');
}

function same(left: unknown, right: unknown): boolean {
  if (!Array.isArray(left) || !Array.isArray(right)) return Object.is(left, right);
  return left.length === right.length && left.every((item, index) => same(item, right[index]));
}

/**
 * Asserts that the fast path agrees with jsonc-parser's on `text`, and that `loadJson` gives what that path gives;
 * says whether the fast path read the text.
 */
function expectAgreement(text: string): boolean {
  const fast = parseStrictJson(text);
  const slow = loadJsonWithJsoncParser('test.json', text);
  expect(fast === undefined, `the fast path gives up exactly on a problem: ${JSON.stringify(text.slice(0, 80))}`).toBe(slow.problems.length > 0);
  if (fast !== undefined) expectSame(fast, slow.documents[0]);
  expectSame(loadJson('test.json', text), slow);
  return fast !== undefined;
}

/** The JSON fixtures, as `loadText` passes them to `loadJson` (without a byte order mark). */
function jsonFixtures(): { path: string; text: string }[] {
  const files: { path: string; text: string }[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.json')) files.push({ path: relative(root, path), text: readFileSync(path, 'utf8').replace(/^\uFEFF/, '') });
    }
  };
  walk(join(root, 'fixtures'));
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

const fixtures = jsonFixtures();

function fixture(path: string): string {
  const found = fixtures.find((file) => file.path === path);
  if (found === undefined) throw new Error(`no fixture ${path}`);
  return found.text;
}

describe('the JSON fast path', () => {
  it('agrees with jsonc-parser on every JSON fixture, and reads the well-formed ones itself', () => {
    let read = 0;
    for (const { text } of fixtures) if (expectAgreement(text)) read += 1;
    // Most fixtures are well-formed; a fast path that always gave up would agree vacuously.
    expect(read).toBeGreaterThan(fixtures.length / 2);
  });

  it.each([
    ['escapes', String.raw`{"a\u0041": "\ud83d\ude00 \" \\ \/ \b\f\n\r\t", "\u00e9": "x\u0000y"}`],
    ['a lone surrogate escape', String.raw`["\ud800", "\udfff x"]`],
    ['numbers', '[0, -0, 1e400, -1e400, 1.5E-3, 2e+2, 12345678901234567890, 0.1, -12.5e-0]'],
    ['empty collections', '{"a": {}, "b": [], "c": [{}, []]}'],
    ['an empty object alone', '{}'],
    ['an empty array alone', '[ ]'],
    ['nested arrays', '[[[1, [2, [3]]], []], [[]]]'],
    ['scalars alone', '  "text"  '],
    ['a number alone', '-0.5e1'],
    ['literals', '[true, false, null, {"t": true, "f": false, "n": null}]'],
    ['__proto__ keys', '{"__proto__": {"__proto__": 1}, "a": {"__proto__": null}}'],
    ['CRLF line ends and tabs', '{\r\n\t"a"\t:\t[\r\n\t\t1,\r\n\t\t2\r\n\t]\r\n}\r\n'],
    ['unicode keys and values', '{"ключ": "значение", "😀": "∑", "\u2028": "\u2029"}'],
    ['keys that are array indexes', '{"2": "b", "1": "a", "x": 0, "0": "z"}'],
  ])('reads %s as jsonc-parser does', (_name, text) => {
    expect(expectAgreement(text)).toBe(true);
  });

  it.each([
    ['a duplicate key', '{"a": 1, "b": 2, "a": 3}'],
    ['a duplicate key written with an escape', String.raw`{"a": 1, "\u0061": 2}`],
    ['a trailing comma in an object', '{"a": 1,}'],
    ['a trailing comma in an array', '[1, 2, ]'],
    ['a line comment', '{"a": 1 // one\n}'],
    ['a block comment', '/* c */ {"a": 1}'],
    ['empty text', ''],
    ['only blanks', ' \n\t '],
    ['a form feed', '{"a":\f1}'],
    ['a no-break space', '{"a":\u00a01}'],
    ['a control character in a string', '{"a": "x\ty"}'],
    ['an invalid escape', String.raw`{"a": "\x41"}`],
    ['a short unicode escape', String.raw`{"a": "\u41"}`],
    ['a leading zero', '[01]'],
    ['a bare minus', '[-]'],
    ['a bare decimal point', '[1.]'],
    ['a bare exponent', '[1e]'],
    ['a leading plus', '[+1]'],
    ['a single-quoted string', "{'a': 1}"],
    ['an unquoted key', '{a: 1}'],
    ['two values', '{} {}'],
    ['a missing colon', '{"a" 1}'],
    ['a missing comma', '[1 2]'],
    ['a misspelt literal', '[tru]'],
    ['a literal run on', '[truex]'],
    ['a mismatched bracket', '[1}'],
    ['an unterminated string', '["abc'],
  ])('gives up on %s, which jsonc-parser reports', (_name, text) => {
    expect(parseStrictJson(text)).toBeUndefined();
    expect(loadJsonWithJsoncParser('test.json', text).problems).not.toEqual([]);
    expectAgreement(text);
  });

  it(`reads collections nested exactly ${MAX_NESTING_DEPTH} deep, and gives up one level deeper`, () => {
    const arrays = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    const objects = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    expect(expectAgreement(arrays(MAX_NESTING_DEPTH))).toBe(true);
    expect(expectAgreement(objects(MAX_NESTING_DEPTH))).toBe(true);
    expect(expectAgreement(arrays(MAX_NESTING_DEPTH + 1))).toBe(false);
    expect(expectAgreement(objects(MAX_NESTING_DEPTH + 1))).toBe(false);
    // Far deeper than any call stack: the fast path gives up at the limit, without recursing.
    expect(parseStrictJson('['.repeat(200_000))).toBeUndefined();
  });

  it('agrees on every truncation of a fixture', () => {
    const text = fixture('fixtures/examples/clean-request.json');
    for (let length = 0; length <= text.length; length += 1) expectAgreement(text.slice(0, length));
  });

  it('agrees on fixtures with a character deleted or inserted at random', () => {
    const texts = ['fixtures/examples/clean-request.json', 'fixtures/templates/two-resources.json'].map(fixture);
    const inserted = [...'{}[],:"\\/ \t\r\n0-+.eEtfnu1x\f\u00a0\u2028'];
    const random = new Random(20_240_611);
    let read = 0;
    for (let round = 0; round < 500; round += 1) {
      const text = random.pick(texts);
      const at = random.int(text.length);
      const mutated = random.chance(0.5) ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + random.pick(inserted) + text.slice(at);
      if (expectAgreement(mutated)) read += 1;
    }
    // Many mutations land in blanks or strings and leave valid JSON, which the fast path must read itself.
    expect(read).toBeGreaterThan(0);
  });
});
