/**
 * `AncestorIndex` answers, for a variant's unknowns and origins, which pointer of a set is the closest ancestor of a
 * pointer: small sets by a scan, larger ones by lookups. Both ways must agree with the definition, on sets of every
 * size around the switch and on pointers that share prefixes without being ancestors (`/a` and `/ab`).
 */
import { describe, expect, it } from 'vitest';
import { AncestorIndex } from '../../src/engine/ancestor-index.js';
import { Random } from '../fuzz/mutate.js';

/** The definition: the longest member of `pointers` that is `pointer` or a prefix of it ending before a `/`. */
function closestByDefinition(pointers: readonly string[], pointer: string): string | undefined {
  const ancestors = pointers.filter((candidate) => candidate === pointer || pointer.startsWith(`${candidate}/`) || candidate === '');
  return ancestors.sort((a, b) => b.length - a.length)[0];
}

const SEGMENTS = ['a', 'ab', 'b', '0', '1', '10', 'Properties', 'Tags', 'x~1y'];

function randomPointer(random: Random): string {
  let pointer = '';
  for (let depth = random.int(5); depth > 0; depth -= 1) pointer += `/${random.pick(SEGMENTS)}`;
  return pointer;
}

describe('AncestorIndex', () => {
  it('finds the closest ancestor as defined, scanning few pointers or looking up many', () => {
    const random = new Random(0x5a6e);
    for (let round = 0; round < 400; round += 1) {
      const pointers = [...new Set(Array.from({ length: random.int(20) }, () => randomPointer(random)))];
      const index = new AncestorIndex(random.chance(0.5) ? new Set(pointers) : new Map(pointers.map((pointer) => [pointer, round])));
      for (let probe = 0; probe < 20; probe += 1) {
        const pointer = random.chance(0.3) && pointers.length > 0 ? `${random.pick(pointers)}${randomPointer(random)}` : randomPointer(random);
        expect(index.closest(pointer), `${pointer} in ${JSON.stringify(pointers)}`).toBe(closestByDefinition(pointers, pointer));
      }
    }
  });

  it('tells a sibling that shares a prefix from an ancestor, and takes the root as everyone\'s', () => {
    for (const size of [1, 12]) {
      const others = Array.from({ length: size - 1 }, (_, at) => `/other/${at}`);
      expect(new AncestorIndex(new Set(['/a', ...others])).closest('/ab/c')).toBeUndefined();
      expect(new AncestorIndex(new Set(['/a', ...others])).closest('/a/b')).toBe('/a');
      expect(new AncestorIndex(new Set(['', '/a', ...others])).closest('/b')).toBe('');
      expect(new AncestorIndex(new Set(['', '/a', ...others])).closest('')).toBe('');
    }
  });
});
