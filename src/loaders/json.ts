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
