import { parseTree, printParseErrorCode, visit, type Node, type ParseError } from 'jsonc-parser';
import {
  MAX_NESTING_DEPTH,
  nestedTooDeep,
  setMember,
  type ObjectEntry,
  type ParsedDocument,
  type SourceDocument,
  type SourceNode,
  type LoadProblem,
} from './source-document.js';

/** jsonc-parser's error names, in words. */
const MESSAGES: Readonly<Record<string, string>> = {
  InvalidSymbol: 'Unexpected token',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: 'Expected ":" after a property name',
  CommaExpected: 'Expected "," or the end of the object or array',
  CloseBraceExpected: 'Expected "}" to close the object',
  CloseBracketExpected: 'Expected "]" to close the array',
  EndOfFileExpected: 'Unexpected content after the end of the JSON value',
  InvalidCommentToken: 'Comments are not allowed in JSON',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid unicode escape sequence',
  InvalidEscapeCharacter: 'Invalid escape character in string',
  InvalidCharacter: 'Invalid character in string',
};

/**
 * Parses JSON strictly, as the AWS CLI reads `--cli-input-json` (no comments, no trailing commas, no duplicate
 * keys). When that fails, it also reads the file leniently, as editors read `tsconfig.json`, so the caller can
 * stay quiet about a config file that holds no definition.
 */
export function loadJson(filePath: string, text: string): SourceDocument {
  // Nearly every file is plain JSON, which one pass reads; anything else takes jsonc-parser, which also explains it.
  const plain = parseStrictJson(text);
  if (plain !== undefined) return { filePath, text, format: 'json', documents: [plain], problems: [] };
  return loadJsonWithJsoncParser(filePath, text);
}

/** `loadJson` without its fast path: what it falls back to. Exported for the tests that compare the two. */
export function loadJsonWithJsoncParser(filePath: string, text: string): SourceDocument {
  const tooDeep = findTooDeep(text);
  if (tooDeep !== undefined) return { filePath, text, format: 'json', documents: [], problems: [tooDeep] };
  const strict = parseDocument(text, false);
  if (strict.problem === undefined) {
    return { filePath, text, format: 'json', documents: [strict.document], problems: [] };
  }
  const lenient = parseDocument(text, true);
  if (lenient.problem !== undefined) {
    // Broken even when read leniently: the real syntax error is the news, not an earlier comment.
    return { filePath, text, format: 'json', documents: [], problems: [lenient.problem] };
  }
  return { filePath, text, format: 'json', documents: [], problems: [strict.problem], lenientDocuments: [lenient.document] };
}

class NestedTooDeep extends Error {
  constructor(readonly offset: number) {
    super('nested too deep');
  }
}

/**
 * The first object or array nested deeper than `MAX_NESTING_DEPTH`. jsonc-parser recurses once per level, so its
 * own visitor counts the levels (exactly as it will nest them, broken text included) and is stopped at the first
 * one too many, long before the stack runs out. Comments and trailing commas do not change the nesting.
 */
function findTooDeep(text: string): LoadProblem | undefined {
  // Nothing can nest deeper than the text has brackets: most files are passed by counting them, without a parse,
  // and most others (large templates) by the depth of their brackets.
  let brackets = 0;
  for (let index = 0; index < text.length && brackets <= MAX_NESTING_DEPTH; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x5b || code === 0x7b) brackets += 1;
  }
  if (brackets <= MAX_NESTING_DEPTH) return undefined;
  if ((bracketDepth(text) ?? Infinity) <= MAX_NESTING_DEPTH) return undefined;
  let depth = 0;
  const enter = (offset: number): void => {
    depth += 1;
    if (depth > MAX_NESTING_DEPTH) throw new NestedTooDeep(offset);
  };
  const leave = (): void => {
    depth -= 1;
  };
  try {
    visit(text, { onObjectBegin: enter, onArrayBegin: enter, onObjectEnd: leave, onArrayEnd: leave });
  } catch (error) {
    if (error instanceof NestedTooDeep) return nestedTooDeep(error.offset);
    throw error;
  }
  return undefined;
}

/**
 * How deep the brackets outside strings nest, which the parser's nesting never exceeds (it may skip brackets after
 * an error, never add any). Undefined for text where a plain scan could count otherwise than the parser's scanner:
 * a `/` (a comment), a string that runs to a line end or the end of the text, brackets that do not pair.
 */
function bracketDepth(text: string): number | undefined {
  const open: number[] = [];
  let deepest = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x22 /* " */) {
      for (index += 1; text.charCodeAt(index) !== 0x22; index += 1) {
        const inString = text.charCodeAt(index);
        if (Number.isNaN(inString) || inString === 0x0a || inString === 0x0d) return undefined;
        if (inString === 0x5c /* \ */) index += 1;
      }
    } else if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      open.push(code);
      deepest = Math.max(deepest, open.length);
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      // `{` and `}` are two apart, as are `[` and `]`.
      if (open.pop() !== code - 2) return undefined;
    } else if (code === 0x2f /* / */) {
      return undefined;
    }
  }
  return deepest;
}

type ParseOutcome = { document: ParsedDocument; problem?: undefined } | { problem: LoadProblem };

function parseDocument(text: string, lenient: boolean): ParseOutcome {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, {
    disallowComments: !lenient,
    allowTrailingComma: lenient,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (first !== undefined) return { problem: describeError(text, first) };
  if (tree === undefined) return { problem: { kind: 'syntax', message: 'Expected a JSON value.', range: { start: 0, end: 0 } } };
  let root: SourceNode;
  try {
    root = sourceOf(tree);
  } catch (error) {
    if (error instanceof DuplicateKey) return { problem: error.problem };
    throw error;
  }
  return { document: { value: valueOf(tree), root } };
}

function describeError(text: string, error: ParseError): LoadProblem {
  const at = { start: error.offset, end: error.offset + Math.max(error.length, 1) };
  const closer = text.charAt(error.offset);
  const name = printParseErrorCode(error.error);
  if ((name === 'PropertyNameExpected' || name === 'ValueExpected') && (closer === '}' || closer === ']')) {
    const comma = text.slice(0, error.offset).search(/,\s*$/);
    if (comma !== -1) return { kind: 'syntax', message: 'Unexpected trailing comma.', range: { start: comma, end: comma + 1 } };
  }
  if (error.offset >= text.length) {
    return { kind: 'syntax', message: 'Unexpected end of file: the JSON is truncated.', range: { start: text.length, end: text.length } };
  }
  const found = JSON.stringify(text.slice(at.start, at.end));
  return { kind: 'syntax', message: `${MESSAGES[name] ?? 'Invalid JSON'}, found ${found}.`, range: at };
}

function valueOf(node: Node): unknown {
  const children = node.children ?? [];
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const property of children) {
        const key = property.children?.[0];
        const value = property.children?.[1];
        if (key !== undefined && value !== undefined) setMember(object, String(key.value), valueOf(value));
      }
      return object;
    }
    case 'array':
      return children.map(valueOf);
    default:
      return node.value;
  }
}

class DuplicateKey extends Error {
  constructor(readonly problem: LoadProblem) {
    super(problem.message);
  }
}

/**
 * The ranges of a node and all it holds. Throws `DuplicateKey` at the first duplicate key, in the order of the
 * text: JSON parsers silently keep the last one, which hides an edit, so the second occurrence is reported.
 */
function sourceOf(node: Node): SourceNode {
  const range = { start: node.offset, end: node.offset + node.length };
  const children = node.children ?? [];
  if (node.type === 'object') {
    const entries = new Map<string, ObjectEntry>();
    for (const property of children) {
      const key = property.children?.[0];
      const value = property.children?.[1];
      if (key === undefined || value === undefined) continue;
      const name = String(key.value);
      const keyRange = { start: key.offset, end: key.offset + key.length };
      if (entries.has(name)) throw new DuplicateKey({ kind: 'syntax', message: `Duplicate key ${JSON.stringify(name)}.`, range: keyRange });
      entries.set(name, { key: keyRange, node: sourceOf(value) });
    }
    return { kind: 'object', range, entries };
  }
  if (node.type === 'array') return { kind: 'array', range, items: children.map(sourceOf) };
  return { kind: 'scalar', range };
}

/** A collection that is open while its contents are read; objects hold the key whose value is being read. */
type OpenCollection =
  | { kind: 'object'; start: number; value: Record<string, unknown>; entries: Map<string, ObjectEntry>; key: string; keyStart: number; keyEnd: number }
  | { kind: 'array'; start: number; value: unknown[]; items: SourceNode[] };

/**
 * `loadJson`'s fast path: reads text that is strict JSON (one value between blanks, no duplicate keys, nested at
 * most `MAX_NESTING_DEPTH` deep) in one pass, building the value and the source tree exactly as jsonc-parser's
 * path does. Undefined for any other text, which that path then reads and reports on. A loop with a stack of open
 * collections, not recursion, so no nesting can overflow the call stack. Exported for the differential tests.
 */
export function parseStrictJson(text: string): ParsedDocument | undefined {
  const open: OpenCollection[] = [];
  let index = skipBlanks(text, 0);
  for (;;) {
    // A value starts at `index`: a collection opens, or a scalar is read whole.
    let value: unknown;
    let node: SourceNode;
    const code = text.charCodeAt(index);
    if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      if (open.length === MAX_NESTING_DEPTH) return undefined;
      const collection: OpenCollection =
        code === 0x7b
          ? { kind: 'object', start: index, value: {}, entries: new Map(), key: '', keyStart: 0, keyEnd: 0 }
          : { kind: 'array', start: index, value: [], items: [] };
      index = skipBlanks(text, index + 1);
      // `{` and `}` are two apart, as are `[` and `]`.
      if (text.charCodeAt(index) !== code + 2) {
        open.push(collection);
        if (collection.kind === 'object') index = readKey(text, index, collection);
        if (index < 0) return undefined;
        continue;
      }
      index += 1;
      value = collection.value;
      node = closed(collection, index);
    } else {
      const end = scalarEnd(text, index);
      value = end < 0 ? undefined : scalarValue(text, index, end);
      if (value === undefined) return undefined;
      node = { kind: 'scalar', range: { start: index, end } };
      index = end;
    }
    // The value is complete: add it to its collection, and close each collection that it ends.
    for (;;) {
      index = skipBlanks(text, index);
      const collection = open.at(-1);
      if (collection === undefined) return index === text.length ? { value, root: node } : undefined;
      if (collection.kind === 'object') {
        setMember(collection.value, collection.key, value);
        collection.entries.set(collection.key, { key: { start: collection.keyStart, end: collection.keyEnd }, node });
      } else {
        collection.value.push(value);
        collection.items.push(node);
      }
      const next = text.charCodeAt(index);
      if (next === 0x2c /* , */) {
        index = skipBlanks(text, index + 1);
        if (collection.kind === 'object') index = readKey(text, index, collection);
        if (index < 0) return undefined;
        break;
      }
      if (next !== (collection.kind === 'object' ? 0x7d /* } */ : 0x5d /* ] */)) return undefined;
      index += 1;
      open.pop();
      value = collection.value;
      node = closed(collection, index);
    }
  }
}

function closed(collection: OpenCollection, end: number): SourceNode {
  const range = { start: collection.start, end };
  return collection.kind === 'object' ? { kind: 'object', range, entries: collection.entries } : { kind: 'array', range, items: collection.items };
}

/** Reads a key and its colon into `collection`; the offset of its value, or -1 (a duplicate key included). */
function readKey(text: string, index: number, collection: OpenCollection & { kind: 'object' }): number {
  const end = text.charCodeAt(index) === 0x22 /* " */ ? stringEnd(text, index) : -1;
  const key = end < 0 ? undefined : stringValue(text, index, end);
  if (key === undefined || collection.entries.has(key)) return -1;
  collection.key = key;
  collection.keyStart = index;
  collection.keyEnd = end;
  const colon = skipBlanks(text, end);
  return text.charCodeAt(colon) === 0x3a /* : */ ? skipBlanks(text, colon + 1) : -1;
}

/** JSON's only blanks: space, tab, line feed, carriage return. */
function skipBlanks(text: string, index: number): number {
  let code = text.charCodeAt(index);
  while (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) code = text.charCodeAt((index += 1));
  return index;
}

/** Where the string, `true`, `false`, `null` or number at `index` ends, or -1. What follows is checked by the caller. */
function scalarEnd(text: string, index: number): number {
  switch (text.charCodeAt(index)) {
    case 0x22 /* " */:
      return stringEnd(text, index);
    case 0x74 /* t */:
      return text.startsWith('true', index) ? index + 4 : -1;
    case 0x66 /* f */:
      return text.startsWith('false', index) ? index + 5 : -1;
    case 0x6e /* n */:
      return text.startsWith('null', index) ? index + 4 : -1;
    default:
      return numberEnd(text, index);
  }
}

function scalarValue(text: string, start: number, end: number): unknown {
  switch (text.charCodeAt(start)) {
    case 0x22 /* " */:
      return stringValue(text, start, end);
    case 0x74 /* t */:
      return true;
    case 0x66 /* f */:
      return false;
    case 0x6e /* n */:
      return null;
    default:
      // As jsonc-parser converts them, which is also JSON.parse's conversion.
      return Number(text.slice(start, end));
  }
}

/** The end of the string whose quote is at `index` (after its closing quote), or -1 at a control character. */
function stringEnd(text: string, index: number): number {
  for (let at = index + 1; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 0x22 /* " */) return at + 1;
    if (code < 0x20) return -1;
    // The escaped character cannot end the string; whether the escape is valid, decoding finds out.
    if (code === 0x5c /* \ */) at += 1;
  }
  return -1;
}

/** The string between `start` and `end` (its quotes included), or undefined when an escape in it is invalid. */
function stringValue(text: string, start: number, end: number): string | undefined {
  const content = text.slice(start + 1, end - 1);
  if (!content.includes('\\')) return content;
  try {
    return JSON.parse(text.slice(start, end)) as string;
  } catch {
    return undefined;
  }
}

/** The end of the number at `index` as JSON writes them (no leading zeros, no bare `.` or `e`), or -1. */
function numberEnd(text: string, index: number): number {
  let at = text.charCodeAt(index) === 0x2d /* - */ ? index + 1 : index;
  at = text.charCodeAt(at) === 0x30 /* 0 */ ? at + 1 : digitsEnd(text, at);
  if (at >= 0 && text.charCodeAt(at) === 0x2e /* . */) at = digitsEnd(text, at + 1);
  if (at < 0) return -1;
  const exponent = text.charCodeAt(at);
  if (exponent !== 0x65 /* e */ && exponent !== 0x45 /* E */) return at;
  const sign = text.charCodeAt(at + 1);
  return digitsEnd(text, sign === 0x2b /* + */ || sign === 0x2d /* - */ ? at + 2 : at + 1);
}

/** The end of the digits at `index`, or -1 when there are none. */
function digitsEnd(text: string, index: number): number {
  let at = index;
  for (let code = text.charCodeAt(at); code >= 0x30 && code <= 0x39; code = text.charCodeAt(at)) at += 1;
  return at > index ? at : -1;
}
