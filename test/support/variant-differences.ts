/**
 * Where two variants of a template resource actually differ, found by comparing them whole: the oracle the
 * resolver's own record of where a variant differs (`Variant.differsAt`) is checked against.
 */
import type { Origin, Variant } from '../../src/definitions/intrinsics.js';
import { childPointer } from '../../src/loaders/source-document.js';
import { isRecord } from '../../src/values.js';

/**
 * The top-most pointers (relative to the resolved value) where the values differ, a member is given in one variant
 * only, members come in another order (at their record), or what is unknown or where a value was written differs.
 */
export function variantDifferences(first: Variant, variant: Variant): string[] {
  const found: string[] = [];
  const note = (pointer: string): void => {
    found.push(pointer);
  };
  compareValues(first.value, variant.value, '', note);
  compareUnknowns(first.unknowns, variant.unknowns, note);
  compareOrigins(first.origins, variant.origins, note);
  return found;
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
