/**
 * The candidate a user most likely meant: the same name in another case (`enableNetworkIsolation`), else the
 * closest by edit distance, if close enough to be a typo (`InstanceTyp`). Undefined when nothing is close.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  // No candidate further than this is close enough (see `allowed` below), and the edit distance is at least the
  // difference in length: a value thousands of characters long is not compared, in quadratic time, with every one.
  const longest = Math.max(0, ...candidates.map((candidate) => candidate.length));
  const limit = Math.max(1, Math.floor(Math.min(name.length, longest) / 4));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const candidateLower = candidate.toLowerCase();
    if (candidateLower === lower) return candidate;
    if (Math.abs(candidateLower.length - lower.length) > limit) continue;
    const distance = editDistance(lower, candidateLower);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(Math.min(name.length, best?.length ?? 0) / 4));
  if (bestDistance <= allowed) return best;
  // A shortened name (`ProbabilityThreshold` for `ProbabilityThresholdAttribute`) is far by distance but plain.
  const extensions = candidates.filter((candidate) => lower.length >= 5 && candidate.toLowerCase().startsWith(lower));
  return extensions.length === 1 ? extensions[0] : undefined;
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. Keeps three
 * rows of the table, not all of it: suggestions compare a value with every name of a list, for every variant.
 */
export function editDistance(a: string, b: string): number {
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      row[j] = best;
    }
    [beforePrevious, previous, row] = [previous, row, beforePrevious];
  }
  return previous[b.length] ?? 0;
}
