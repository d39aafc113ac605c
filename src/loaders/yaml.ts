import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import {
  setMember,
  type ObjectEntry,
  type ParsedDocument,
  type SourceDocument,
  type SourceNode,
  type LoadProblem,
  type Range,
} from './source-document.js';

/**
 * Bounds what aliases may expand to. A definition has about a hundred nodes; a "billion laughs" document has
 * billions, and every rule walking it would pay for each one.
 */
export const MAX_EXPANDED_NODES = 100_000;

/**
 * Parses a YAML stream (several documents allowed) as YAML 1.2 with the core schema, as the AWS CLI reads
 * `--cli-input-yaml`. Anchors, aliases and merge keys (`<<`) are resolved; positions inside aliased content
 * are those of the anchored original, the only place that text exists.
 */
export function loadYaml(filePath: string, text: string): SourceDocument {
  const problems: LoadProblem[] = [];
  const documents: ParsedDocument[] = [];
  // Duplicate keys are found while converting, by their text: `1` and `"1"` differ to YAML but not in JSON.
  for (const yamlDocument of parseAllDocuments(text, { merge: true, prettyErrors: false, uniqueKeys: false })) {
    const error = yamlDocument.errors[0];
    if (error !== undefined) {
      problems.push({ kind: 'syntax', message: sentence(error.message), range: { start: error.pos[0], end: error.pos[1] } });
      continue;
    }
    if (yamlDocument.contents === null) continue; // an empty document between `---` markers
    const converted = new YamlConverter(yamlDocument).convertDocument();
    if ('problem' in converted) problems.push(converted.problem);
    else documents.push(converted);
  }
  if (problems.length > 0) return { filePath, text, format: 'yaml', documents: [], problems };
  return { filePath, text, format: 'yaml', documents, problems };
}

function sentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

interface Converted {
  value: unknown;
  source: SourceNode;
  /** How many nodes the value holds once every alias in it is expanded. */
  size: number;
}

class ConversionError extends Error {
  constructor(readonly problem: LoadProblem) {
    super(problem.message);
  }
}

class YamlConverter {
  private readonly done = new Map<YamlNode, Converted>();
  private readonly inProgress = new Set<YamlNode>();

  constructor(private readonly document: Document.Parsed) {}

  convertDocument(): ParsedDocument | { problem: LoadProblem } {
    const contents = this.document.contents;
    if (contents === null) return { problem: { kind: 'syntax', message: 'Empty YAML document.', range: { start: 0, end: 0 } } };
    try {
      const root = this.convert(contents);
      return { value: root.value, root: root.source };
    } catch (error) {
      if (error instanceof ConversionError) return { problem: error.problem };
      throw error;
    }
  }

  private convert(node: YamlNode): Converted {
    const known = this.done.get(node);
    if (known !== undefined) return known;
    if (isAlias(node)) return this.convertAlias(node);
    this.inProgress.add(node);
    const converted = isMap(node) ? this.convertMap(node) : isSeq(node) ? this.convertSeq(node) : this.convertScalar(node);
    this.inProgress.delete(node);
    this.done.set(node, converted);
    return converted;
  }

  private convertAlias(alias: YamlNode & { source: string }): Converted {
    const target = isAlias(alias) ? alias.resolve(this.document) : undefined;
    if (target === undefined) {
      throw new ConversionError({ kind: 'syntax', message: `Unknown YAML alias *${alias.source}.`, range: rangeOf(alias) });
    }
    if (this.inProgress.has(target)) {
      throw new ConversionError({
        kind: 'syntax',
        message: `The YAML alias *${alias.source} refers to a node that contains it.`,
        range: rangeOf(alias),
      });
    }
    const converted = this.convert(target);
    if (converted.size > MAX_EXPANDED_NODES) throw this.tooLarge(alias);
    return converted;
  }

  /** The problem for a document that expands too far, placed at the alias that went over (or `fallback`). */
  private tooLarge(node: YamlNode, fallback?: Range): ConversionError {
    return new ConversionError({
      kind: 'syntax',
      message: `YAML aliases expand to more than ${MAX_EXPANDED_NODES} nodes; the document was not expanded.`,
      range: isAlias(node) || fallback === undefined ? rangeOf(node) : fallback,
    });
  }

  private convertMap(node: YamlNode): Converted {
    if (!isMap(node)) throw new TypeError('expected a YAML map');
    const value: Record<string, unknown> = {};
    const entries = new Map<string, ObjectEntry>();
    let size = 1;
    const merges: YamlNode[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      if (isScalar(keyNode) && typeof keyNode.value === 'symbol') {
        if (pair.value !== null) merges.push(pair.value as YamlNode);
        continue;
      }
      const key = keyText(keyNode);
      const keyRange = keyNode === null ? rangeOf(pair.value as YamlNode) : rangeOf(keyNode);
      if (entries.has(key)) {
        throw new ConversionError({ kind: 'syntax', message: `Duplicate key ${JSON.stringify(key)}.`, range: keyRange });
      }
      const child = pair.value === null ? nullAt(keyRange.end) : this.convert(pair.value as YamlNode);
      setMember(value, key, child.value);
      entries.set(key, { key: keyRange, node: child.source });
      size += child.size;
      if (size > MAX_EXPANDED_NODES) throw this.tooLarge(pair.value === null ? node : (pair.value as YamlNode), keyRange);
    }
    // Merge keys: explicit keys win over merged ones, and earlier merge sources over later ones.
    for (const merge of merges) {
      const sources = isSeq(merge) ? (merge.items as YamlNode[]) : [merge];
      for (const source of sources) {
        const merged = this.convert(source);
        if (merged.source.kind !== 'object' || typeof merged.value !== 'object' || merged.value === null) {
          throw new ConversionError({ kind: 'syntax', message: 'A YAML merge key (<<) must name a mapping.', range: rangeOf(source) });
        }
        const mergedValue = merged.value as Record<string, unknown>;
        for (const [key, entry] of merged.source.entries) {
          if (entries.has(key)) continue;
          setMember(value, key, mergedValue[key]);
          entries.set(key, entry);
        }
        size += merged.size;
        if (size > MAX_EXPANDED_NODES) throw this.tooLarge(source, rangeOf(source));
      }
    }
    return { value, source: { kind: 'object', range: rangeOf(node), entries }, size };
  }

  private convertSeq(node: YamlNode): Converted {
    if (!isSeq(node)) throw new TypeError('expected a YAML sequence');
    const values: unknown[] = [];
    const items: SourceNode[] = [];
    let size = 1;
    for (const item of node.items as (YamlNode | null)[]) {
      const child = item === null ? nullAt(rangeOf(node).start) : this.convert(item);
      values.push(child.value);
      items.push(child.source);
      size += child.size;
      if (size > MAX_EXPANDED_NODES) throw this.tooLarge(item ?? node, child.source.range);
    }
    return { value: values, source: { kind: 'array', range: rangeOf(node), items }, size };
  }

  private convertScalar(node: YamlNode): Converted {
    const value = isScalar(node) ? node.value : null;
    return { value: value === undefined ? null : value, source: { kind: 'scalar', range: rangeOf(node) }, size: 1 };
  }
}

function keyText(key: YamlNode | null): string {
  if (key === null) return '';
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return String(key);
}

function nullAt(offset: number): Converted {
  return { value: null, source: { kind: 'scalar', range: { start: offset, end: offset } }, size: 1 };
}

function rangeOf(node: YamlNode): Range {
  const [start, end] = node.range ?? [0, 0];
  return { start, end };
}
