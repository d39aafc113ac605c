/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a value reads in a message: strings quoted, everything else as JSON, long values shortened. */
export function quote(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  // Cut by code points, so an emoji is never split into half a surrogate pair.
  const characters = [...text];
  return characters.length > 80 ? `${characters.slice(0, 77).join('')}...` : text;
}

/** A noun in the number a count asks for. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return count === 1 ? singular : pluralForm;
}

/** Orders strings by UTF-16 code units, the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Words joined as a sentence lists them: `Csv`, `Csv and Json`, `Csv, Json and Parquet` (or with `or`). The
 * items are taken as given; quote them first where they are values.
 */
export function listWords(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1) ?? ''}`;
}
