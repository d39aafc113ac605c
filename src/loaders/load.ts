import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { SourceDocument, SourceFormat } from './source-document.js';

/** Reads a file and parses it; a file that cannot be read or decoded becomes a document with one problem. */
export async function loadFile(filePath: string): Promise<SourceDocument> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return unreadable(filePath, `Cannot read the file (${reason}).`);
  }
  // Git's heuristic: a NUL byte in the first 8000 bytes means binary.
  if (bytes.subarray(0, 8000).includes(0)) return unreadable(filePath, 'The file is binary, not JSON or YAML text.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return unreadable(filePath, 'The file is not valid UTF-8 text.');
  }
  return loadText(filePath, text);
}

/**
 * Parses text as JSON or YAML, by the file name's extension or, failing that, by its first character. Each
 * parser is imported when first needed, so linting one JSON file does not pay for loading the YAML parser.
 */
export async function loadText(filePath: string, rawText: string): Promise<SourceDocument> {
  // TextDecoder and editors keep a byte order mark as U+FEFF; positions are counted after it, as ESLint does.
  const text = rawText.startsWith('\uFEFF') ? rawText.slice(1) : rawText;
  const format = formatOf(filePath, text);
  if (text.trim() === '') {
    return { filePath, text, format, documents: [], problems: [{ kind: 'syntax', message: 'The file is empty.', range: { start: 0, end: 0 } }] };
  }
  if (format === 'json') {
    const { loadJson } = await import('./json.js');
    return loadJson(filePath, text);
  }
  const { loadYaml } = await import('./yaml.js');
  return loadYaml(filePath, text);
}

function formatOf(filePath: string, text: string): SourceFormat {
  const extension = extname(filePath).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  // `.template` and anything named explicitly: JSON documents start with `{` or `[`.
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

/** A document for a file that could not be read: one `read` problem at its start. */
export function unreadable(filePath: string, message: string): SourceDocument {
  return { filePath, text: '', format: formatOf(filePath, ''), documents: [], problems: [{ kind: 'read', message, range: { start: 0, end: 0 } }] };
}
