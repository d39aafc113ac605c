import type { Variant } from '../definitions/intrinsics.js';

/**
 * Where a variant of a template resource differs from its first variant (all defaults), as JSON Pointers relative
 * to the job definition's members (`propertiesPointer`), the way rules declare what they read (`Rule.reads`): the
 * places where resolving the variant took another choice than the first (`Variant.differsAt`), under which its
 * values, unknowns and origins may differ. A change to the members themselves, or to what holds them, is `''`,
 * which holds every member. Changes beside the members (`Metadata`, where conditions are evaluated) are left out: a
 * rule that declares its reads reads nothing there.
 */
export class VariantChanges {
  private readonly changed = new Set<string>();
  /** The changed pointers and every pointer above one. */
  private readonly holding = new Set<string>();

  constructor(variant: Variant, propertiesPointer: string) {
    for (const pointer of variant.differsAt) {
      if (pointer.startsWith(`${propertiesPointer}/`)) this.add(pointer.slice(propertiesPointer.length));
      else if (pointer === propertiesPointer || propertiesPointer.startsWith(`${pointer}/`)) this.add('');
    }
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
