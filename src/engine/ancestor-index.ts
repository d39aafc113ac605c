/**
 * A set of JSON Pointers (a variant's unknowns, or the keys of its origins), asked for the longest that is a given
 * pointer or one of its ancestors (the root, '', is everyone's). A set of a few is scanned, which makes no string;
 * in a larger one, each level of the pointer is one lookup, and a level is cut out of the pointer only when some
 * pointer of the set is that long.
 */
export class AncestorIndex {
  private readonly few: readonly string[] | undefined;
  private readonly lengths: ReadonlySet<number> | undefined;

  constructor(private readonly pointers: ReadonlySet<string> | ReadonlyMap<string, unknown>) {
    if (pointers.size <= SCANNED_POINTERS) this.few = [...pointers.keys()];
    else this.lengths = new Set(Array.from(pointers.keys(), (pointer) => pointer.length));
  }

  closest(pointer: string): string | undefined {
    if (this.few !== undefined) {
      let closest: string | undefined;
      for (const candidate of this.few) {
        if ((closest === undefined || candidate.length > closest.length) && isSelfOrAncestor(candidate, pointer)) closest = candidate;
      }
      return closest;
    }
    for (let end = pointer.length; ; end = pointer.lastIndexOf('/', end - 1)) {
      if (end < 0) end = 0;
      if (this.lengths?.has(end) === true) {
        const prefix = pointer.slice(0, end);
        if (this.pointers.has(prefix)) return prefix;
      }
      if (end === 0) return undefined;
    }
  }
}

/** Up to how many pointers an `AncestorIndex` scans rather than looks up: a variant has a handful of each. */
const SCANNED_POINTERS = 8;

/** Whether `candidate` is `pointer` or one of its ancestors (`/a` is one of `/a/b`'s, not of `/ab`'s). */
function isSelfOrAncestor(candidate: string, pointer: string): boolean {
  return (
    pointer.startsWith(candidate) && (pointer.length === candidate.length || pointer.charCodeAt(candidate.length) === 0x2f /* / */)
  );
}
