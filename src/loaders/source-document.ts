/**
 * What a loader makes of a file: the parsed values, and beside them a tree of source ranges that the engine
 * walks with a JSON Pointer to say where a finding is. Offsets are UTF-16 code units into `text`.
 */

export interface Range {
  start: number;
  /** Exclusive. */
  end: number;
}

export interface ObjectEntry {
  /** Where the key is written (for YAML merge keys, where the merged key is written). */
  key: Range;
  node: SourceNode;
}

export type SourceNode =
  | { kind: 'object'; range: Range; entries: ReadonlyMap<string, ObjectEntry> }
  | { kind: 'array'; range: Range; items: readonly SourceNode[] }
  | { kind: 'scalar'; range: Range };

/** One document of a file (YAML streams may hold several). */
export interface ParsedDocument {
  value: unknown;
  root: SourceNode;
}

export interface LoadProblem {
  /** `read`: the file could not be read as text; `syntax`: it is not well-formed JSON or YAML. */
  kind: 'read' | 'syntax';
  message: string;
  range: Range;
}

/**
 * How deep objects and arrays may nest in a document. A bias job definition is 6 levels deep and a CloudFormation
 * template seldom 20, but jsonc-parser, js-yaml and the rules that walk values recurse once per level: a deeper
 * document is refused with one problem, found before (JSON) or while (YAML) parsing, instead of overflowing the stack.
 */
export const MAX_NESTING_DEPTH = 256;

/** The problem for an object or array, starting at `offset`, that is one level deeper than `MAX_NESTING_DEPTH`. */
export function nestedTooDeep(offset: number): LoadProblem {
  return { kind: 'syntax', message: `The document is nested deeper than ${MAX_NESTING_DEPTH} levels.`, range: { start: offset, end: offset + 1 } };
}

export type SourceFormat = 'json' | 'yaml';

export interface SourceDocument {
  filePath: string;
  /** The file's text without a leading byte order mark; every offset refers to it. */
  text: string;
  format: SourceFormat;
  /** Empty when `problems` is not. */
  documents: readonly ParsedDocument[];
  problems: readonly LoadProblem[];
  /**
   * For a file that failed strict parsing (comments, trailing commas in JSON): the documents read leniently,
   * so the caller can tell a broken definition (report the problems) from a tolerable config file (stay quiet).
   */
  lenientDocuments?: readonly ParsedDocument[];
  /** Where the comments of a YAML file are (found only when it holds a `sagelint-` directive), in order. */
  comments?: readonly Range[];
}

/** Which part of a node a finding points at. */
export type PointerTarget = 'value' | 'key';

/** Splits an RFC 6901 JSON Pointer into unescaped segments. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  const segments = pointer.slice(1).split('/');
  // Escapes are rare; pointers are parsed for every value rules look at.
  return pointer.includes('~') ? segments.map(unescapeSegment) : segments;
}

/** A segment of a JSON Pointer as the member name or index it stands for (`~1` is `/`, `~0` is `~`). */
export function unescapeSegment(segment: string): string {
  return segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment;
}

/** Joins segments into an RFC 6901 JSON Pointer. */
export function formatPointer(segments: readonly (string | number)[]): string {
  let pointer = '';
  for (const segment of segments) pointer = childPointer(pointer, segment);
  return pointer;
}

/** The pointer of a member or item of the value at `parent`: what walks of a value build at every step. */
export function childPointer(parent: string, segment: string | number): string {
  if (typeof segment === 'number') return `${parent}/${segment}`;
  return `${parent}/${segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment}`;
}

/**
 * The range a pointer names: the value (or, with `target: 'key'`, the key that holds it). A pointer that does not
 * resolve falls back to its closest existing ancestor, so a finding is never silently placed at 1:1. A key is
 * asked for where none exists (the root, an array item): the first line of the value stands in for it.
 */
export function rangeForPointer(text: string, root: SourceNode, pointer: string, target: PointerTarget): Range {
  let node = root;
  let key: Range | undefined;
  let resolved = true;
  for (const segment of parsePointer(pointer)) {
    const next = childOf(node, segment);
    if (next === undefined) {
      resolved = false;
      break;
    }
    node = next.node;
    key = next.key;
  }
  // A pointer into a scalar (an item of a list parameter's comma-separated Default) is that scalar.
  if (!resolved && node.kind === 'scalar' && node.range.start !== node.range.end) return trimmed(text, node.range);
  // A member that is missing is reported where its closest parent is named; an empty value (`Key:` in YAML)
  // has no text of its own, so its key stands in for it.
  const wantKey = target === 'key' || !resolved || node.range.start === node.range.end;
  if (wantKey && key !== undefined) return key;
  return wantKey ? firstLine(text, trimmed(text, node.range)) : trimmed(text, node.range);
}

/** The node a pointer names exactly, or undefined when it does not resolve. */
export function nodeForPointer(root: SourceNode, pointer: string): SourceNode | undefined {
  let node: SourceNode | undefined = root;
  for (const segment of parsePointer(pointer)) {
    node = node && childOf(node, segment)?.node;
  }
  return node;
}

function childOf(node: SourceNode, segment: string): { node: SourceNode; key: Range | undefined } | undefined {
  if (node.kind === 'object') {
    const entry = node.entries.get(segment);
    return entry && { node: entry.node, key: entry.key };
  }
  if (node.kind === 'array' && /^(0|[1-9]\d*)$/.test(segment)) {
    const item = node.items[Number(segment)];
    return item && { node: item, key: undefined };
  }
  return undefined;
}

/** Loaders' collection ranges may run over trailing blanks and line ends; a finding should not. */
function trimmed(text: string, range: Range): Range {
  let end = range.end;
  while (end > range.start + 1 && /\s/.test(text.charAt(end - 1))) end -= 1;
  return { start: range.start, end };
}

function firstLine(text: string, range: Range): Range {
  const lineEnd = text.slice(range.start, range.end).search(/[\r\n]/);
  return lineEnd === -1 ? range : { start: range.start, end: range.start + Math.max(lineEnd, 1) };
}

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

/**
 * Converts offsets to 1-based lines and columns; `\r\n`, `\n` and `\r` each end a line. The lines are found when
 * first asked for: most linted files have no finding to place.
 */
export class LineIndex {
  private lines: { starts: number[]; ends: number[] } | undefined;

  constructor(private readonly text: string) {}

  /** Where each line starts, and where its text ends and its line end begins. */
  private findLines(): { starts: number[]; ends: number[] } {
    if (this.lines !== undefined) return this.lines;
    const { text } = this;
    const starts = [0];
    const ends: number[] = [];
    // Line ends are found with indexOf, a native search: a loop over every character cost three times as much, and
    // the text of every file with a finding is searched. Most texts have no `\r`, and then one search a line.
    let newline = text.indexOf('\n');
    let carriageReturn = text.indexOf('\r');
    while (newline !== -1 || carriageReturn !== -1) {
      const end = carriageReturn === -1 || (newline !== -1 && newline < carriageReturn) ? newline : carriageReturn;
      const next = end === carriageReturn && newline === end + 1 ? end + 2 : end + 1;
      ends.push(end);
      starts.push(next);
      if (newline !== -1 && newline < next) newline = text.indexOf('\n', next);
      if (carriageReturn !== -1 && carriageReturn < next) carriageReturn = text.indexOf('\r', next);
    }
    ends.push(text.length);
    this.lines = { starts, ends };
    return this.lines;
  }

  position(offset: number): Position {
    const { starts, ends } = this.findLines();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    // An offset between the `\r` and the `\n` of a line end (a YAML error at a `\r`) is the end of its line.
    const inLine = Math.min(offset, ends[low] ?? offset);
    return { line: low + 1, column: inLine - (starts[low] ?? 0) + 1 };
  }

  /** The text of a 1-based line, without its line end. */
  lineText(text: string, line: number): string {
    const { starts } = this.findLines();
    const start = starts[line - 1] ?? text.length;
    const next = starts[line] ?? text.length;
    return text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }
}

/** Sets an own member, even one named `__proto__`, which plain assignment would turn into a prototype change. */
export function setMember(object: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty only where needed: it is slow, and it leaves objects in V8's slower dictionary mode.
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}
