import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import type { SourceDocument, SourceFormat } from './source-document.js';

/**
 * The largest file `loadFile` reads by default: 10 MiB. CloudFormation accepts templates of at most 1 MB (from S3)
 * and a request body is a few kilobytes, so no definition comes near it; what does is a data file or a log that a
 * glob picked up, which would cost memory and time for nothing.
 */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export interface LoadFileOptions {
  /** Files larger than this many bytes are not read but get one `read` problem. Default: `DEFAULT_MAX_FILE_SIZE`. */
  maxFileSize?: number;
}

/**
 * Reads a file and parses it; a file that cannot be read or decoded, or is over the size limit, becomes a document
 * with one problem.
 */
export async function loadFile(filePath: string, options: LoadFileOptions = {}): Promise<SourceDocument> {
  const read = readText(filePath, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  return 'problem' in read ? unreadable(filePath, read.problem) : loadText(filePath, read.text);
}

/**
 * Reads a file as UTF-8 text, at most `maxFileSize` bytes; or says why it cannot be read (missing, over the limit,
 * binary, not UTF-8).
 */
export function readText(filePath: string, maxFileSize: number): { text: string } | { problem: string } {
  let bytes: Uint8Array | undefined;
  let descriptor: number | undefined;
  try {
    // Synchronous: files are small and the work is parsing; a promise per system call cost more than the reads.
    // One descriptor for the size and the read, so both see the same file even if it is replaced in between.
    descriptor = openSync(filePath, 'r');
    const stats = fstatSync(descriptor);
    if (stats.size > maxFileSize) return { problem: `The file is ${stats.size} bytes, over the size limit of ${maxFileSize} bytes (maxFileSize).` };
    bytes = readAtMost(descriptor, maxFileSize, stats.size, stats.isFile());
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return { problem: `Cannot read the file (${reason}).` };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
  if (bytes === undefined) return { problem: `The file is over the size limit of ${maxFileSize} bytes (maxFileSize).` };
  // Git's heuristic: a NUL byte in the first 8000 bytes means binary.
  if (bytes.subarray(0, 8000).includes(0)) return { problem: 'The file is binary, not JSON or YAML text.' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: 'The file is not valid UTF-8 text.' };
  }
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
  if (format === 'json') return (await (jsonLoader ??= import('./json.js'))).loadJson(filePath, text);
  return (await (yamlLoader ??= import('./yaml.js'))).loadYaml(filePath, text);
}

// Each parser's module is imported once: an `import()` of a module already loaded still costs a lookup, per file.
let jsonLoader: Promise<typeof import('./json.js')> | undefined;
let yamlLoader: Promise<typeof import('./yaml.js')> | undefined;

function formatOf(filePath: string, text: string): SourceFormat {
  // `.template` and anything named explicitly: JSON documents start with `{` or `[`.
  return formatByExtension(filePath) ?? (/^\s*[{[]/.test(text) ? 'json' : 'yaml');
}

/** The format a file's extension says (`.json`, `.yaml`, `.yml`), if it says one. */
export function formatByExtension(filePath: string): SourceFormat | undefined {
  const extension = extname(filePath).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  return undefined;
}

/**
 * The file's bytes, or undefined when there are more than `limit`: a file can grow after its `stat`, and a pipe or a
 * device (`/dev/zero`, named on the command line) has no size to check beforehand. `expectedSize` is the stat's.
 */
function readAtMost(descriptor: number, limit: number, expectedSize: number, regularFile: boolean): Uint8Array | undefined {
  const chunks: Uint8Array[] = [];
  let total = 0;
  // First the file as its stat says and one byte more; then 64 KiB at a time (a pipe, a file that grew), never past
  // one byte over the limit. A regular file that has not grown takes one read: fewer bytes than asked for is its end
  // (a pipe's reads may stop short, so only an empty read ends one).
  let wanted = Math.min(expectedSize + 1, limit + 1);
  for (;;) {
    const chunk = Buffer.allocUnsafe(wanted);
    const bytesRead = readSync(descriptor, chunk, 0, chunk.length, null);
    if (bytesRead > 0) chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) return undefined;
    if (bytesRead === 0 || (regularFile && bytesRead < chunk.length)) return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    wanted = Math.min(64 * 1024, limit + 1 - total);
  }
}

/** A document for a file that could not be read: one `read` problem at its start. */
export function unreadable(filePath: string, message: string): SourceDocument {
  return { filePath, text: '', format: formatOf(filePath, ''), documents: [], problems: [{ kind: 'read', message, range: { start: 0, end: 0 } }] };
}
