import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

/** What sagelint's run-time code may never import: AWS SDK clients, credential providers, network modules. */
const FORBIDDEN = [
  /^@aws-sdk\/(?!util-arn-parser$)/,
  /^@smithy\//,
  /^aws-sdk$/,
  /^(node:)?(http|https|http2|net|tls|dgram|dns)$/,
  /^(undici|node-fetch|axios)$/,
];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(directory, entry.name)) : entry.name.endsWith('.ts') ? [join(directory, entry.name)] : [],
  );
}

describe('sagelint never calls AWS', () => {
  it.each(sourceFiles(SRC).map((file) => [relative(SRC, file), file]))('%s imports no SDK client and no network module', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
      (match) => match[1] ?? match[2] ?? '',
    );
    for (const specifier of specifiers) {
      expect(FORBIDDEN.some((pattern) => pattern.test(specifier)), `${specifier} in ${file}`).toBe(false);
    }
    expect(text).not.toMatch(/\bfetch\(/);
  });
});
