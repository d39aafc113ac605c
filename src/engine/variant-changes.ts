import type { Origin, Variant } from '../definitions/intrinsics.js';
import { childPointer } from '../loaders/source-document.js';
import { isRecord } from '../values.js';

/**
 * Where a variant of a template resource differs from its first variant (all defaults), as JSON Pointers relative
 * to the job definition's members (`propertiesPointer`), the way rules declare what they read (`Rule.reads`): the
 * top-most pointers where the values differ, and the pointers whose value is unknown in one variant only or was
 * written elsewhere (its origin) in one variant only, or in another place. The members themselves, or what holds
 * them, differing is `''`, which holds every member. Differences beside the members (`Metadata`, where conditions
 * are evaluated) are left out: a rule that declares its reads reads nothing there.
 */
export class VariantChanges {
  private readonly changed = new Set<string>();
  /** The changed pointers and every pointer above one. */
  private readonly holding = new Set<string>();

  constructor(first: Variant, variant: Variant, propertiesPointer: string) {
    const note = (pointer: string): void => {
      if (pointer.startsWith(`${propertiesPointer}/`)) this.add(pointer.slice(propertiesPointer.length));
      else if (pointer === propertiesPointer || propertiesPointer.startsWith(`${pointer}/`)) this.add('');
    };
    compareValues(first.value, variant.value, '', note);
    compareUnknowns(first.unknowns, variant.unknowns, note);
    compareOrigins(first.origins, variant.origins, note);
  }

  /** Whether a rule that reads `reads` reads anything at, above or below a change. */
  touches(reads: readonly string[]): boolean {
    return reads.some((read) => this.holding.has(read) || ancestorsOf(read).some((ancestor) => this.changed.has(ancestor)));
  }

  private add(pointer: string): void {
    this.changed.add(pointer);
    for (let above: string | undefined = pointer; above !== undefined && !this.holding.has(above); above = parentOf(above)) {
      this.holding.add(above);
    }
  }
}

/** The pointer of the value that holds the one at `pointer`; undefined for the root. */
function parentOf(pointer: string): string | undefined {
  return pointer === '' ? undefined : pointer.slice(0, pointer.lastIndexOf('/'));
}

/** Reads are few and fixed (rule metadata), and asked about on every variant: their ancestors are found once. */
const ancestorsByRead = new Map<string, readonly string[]>();

function ancestorsOf(read: string): readonly string[] {
  const known = ancestorsByRead.get(read);
  if (known !== undefined) return known;
  const ancestors: string[] = [];
  for (let above = parentOf(read); above !== undefined; above = parentOf(above)) ancestors.push(above);
  ancestorsByRead.set(read, ancestors);
  return ancestors;
}

function compareValues(a: unknown, b: unknown, pointer: string, note: (pointer: string) => void): void {
  if (Object.is(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) note(pointer);
    else a.forEach((item, index) => compareMember(item, b[index], pointer, index, note));
  } else if (isRecord(a) && isRecord(b)) {
    compareRecords(a, b, pointer, note);
  } else {
    note(pointer);
  }
}

/**
 * Most members are the same in both variants (variants share what holds no intrinsic function, and most scalars
 * are equal): the pointers of those are never made.
 */
function compareMember(a: unknown, b: unknown, parent: string, segment: string | number, note: (pointer: string) => void): void {
  if (!Object.is(a, b)) compareValues(a, b, childPointer(parent, segment), note);
}

/**
 * A member given in one variant only (an `Fn::If` branch of `AWS::NoValue`) is a difference where it is: only a
 * rule that lists the members sees it from elsewhere, and such a rule reads the whole record. Likewise only such a
 * rule sees the members' order.
 */
function compareRecords(a: Record<string, unknown>, b: Record<string, unknown>, pointer: string, note: (pointer: string) => void): void {
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  if (keys.length !== otherKeys.length || keys.some((key, index) => key !== otherKeys[index])) {
    const common = keys.filter((key) => Object.hasOwn(b, key));
    const otherCommon = otherKeys.filter((key) => Object.hasOwn(a, key));
    if (common.some((key, index) => key !== otherCommon[index])) {
      note(pointer);
      return;
    }
    for (const key of keys) if (!Object.hasOwn(b, key)) note(childPointer(pointer, key));
    for (const key of otherKeys) if (!Object.hasOwn(a, key)) note(childPointer(pointer, key));
  }
  for (const key of keys) if (Object.hasOwn(b, key)) compareMember(a[key], b[key], pointer, key, note);
}

function compareUnknowns(a: ReadonlySet<string>, b: ReadonlySet<string>, note: (pointer: string) => void): void {
  for (const pointer of a) if (!b.has(pointer)) note(pointer);
  for (const pointer of b) if (!a.has(pointer)) note(pointer);
}

function compareOrigins(a: ReadonlyMap<string, Origin>, b: ReadonlyMap<string, Origin>, note: (pointer: string) => void): void {
  for (const [pointer, origin] of a) {
    const other = b.get(pointer);
    if (other === undefined || (other !== origin && (other.pointer !== origin.pointer || other.via !== origin.via))) note(pointer);
  }
  for (const pointer of b.keys()) if (!a.has(pointer)) note(pointer);
}
