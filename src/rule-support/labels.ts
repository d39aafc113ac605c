import { formatPointer, parsePointer } from '../loaders/source-document.js';
import { quote } from '../values.js';
import type { ServiceModel } from '../model/shapes.js';
import type { SchemaViolation } from './define-rule.js';
import { shapeAt } from './shapes.js';

/**
 * How a message names the member at a pointer: its own name, with the list item it sits in when there is one
 * (`InstanceCount`, `Tags[0].Key`, `SecurityGroupIds[1]`), or its map's name for a map entry
 * (`Environment["MAX_RECORDS"]`). The finding's position says the rest.
 */
export function memberLabel(model: ServiceModel, pointer: string): string {
  // Definitions have their members in the same places: most labels were made before, for another file.
  const labels = labelsByModel.get(model) ?? new Map<string, string>();
  labelsByModel.set(model, labels);
  let label = labels.get(pointer);
  if (label === undefined) {
    if (labels.size >= MAX_KNOWN_LABELS) labels.clear();
    label = makeMemberLabel(model, pointer);
    labels.set(pointer, label);
  }
  return label;
}

const labelsByModel = new WeakMap<ServiceModel, Map<string, string>>();

/** Map keys and list indexes make pointers without end: the labels kept are bounded. */
const MAX_KNOWN_LABELS = 10_000;

function makeMemberLabel(model: ServiceModel, pointer: string): string {
  const segments = parsePointer(pointer);
  const parent = formatPointer(segments.slice(0, -1));
  if (segments.length > 0 && shapeAt(model, parent)?.type === 'map') {
    return `${memberLabel(model, parent)}[${quote(segments.at(-1))}]`;
  }
  let index = segments.length - 1;
  const takeIndexes = (): string => {
    let indexes = '';
    while (index >= 0 && isIndex(segments[index])) {
      indexes = `[${segments[index]}]${indexes}`;
      index -= 1;
    }
    return indexes;
  };
  const ownIndexes = takeIndexes();
  if (index < 0) return `The definition${ownIndexes}`;
  let label = `${segments[index]}${ownIndexes}`;
  index -= 1;
  const parentIndexes = takeIndexes();
  if (parentIndexes !== '' && index >= 0) label = `${segments[index]}${parentIndexes}.${label}`;
  return label;
}

function isIndex(segment: string | undefined): boolean {
  return segment !== undefined && /^(0|[1-9]\d*)$/.test(segment);
}


/**
 * What a message about a schema violation names, and the text it judged: the value with its member's name
 * (`JobDefinitionName "my_job"`), or a map key with its map's (`Environment key "1A"`).
 */
export function violationSubject(
  model: ServiceModel,
  violation: SchemaViolation,
  value: unknown,
): { subject: string; text: string } {
  if (!violation.isKey) return { subject: `${memberLabel(model, violation.pointer)} ${quote(value)}`, text: String(value) };
  const segments = parsePointer(violation.pointer);
  const key = segments.pop() ?? '';
  return { subject: `${memberLabel(model, formatPointer(segments))} key ${quote(key)}`, text: key };
}

/**
 * An anchored pattern as a message shows it: `^(?:P)$` becomes `^P$` where that means the same (no top-level
 * alternation in P).
 */
export function displayPattern(anchored: string): string {
  const inner = /^\^\(\?:(.*)\)\$$/s.exec(anchored)?.[1];
  if (inner === undefined) return anchored;
  let depth = 0;
  let inClass = false;
  for (let index = 0; index < inner.length; index += 1) {
    const char = inner[index];
    if (char === '\\') index += 1;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === '|' && depth === 0) return anchored;
  }
  return `^${inner}$`;
}
