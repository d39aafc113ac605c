/**
 * Words joined as a sentence lists them: `Csv`, `Csv and Json`, `Csv, Json and Parquet` (or with `or`). The
 * items are taken as given; quote them first where they are values.
 */
export function listWords(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1) ?? ''}`;
}
