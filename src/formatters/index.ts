import { SagelintError } from '../errors.js';
import type { Formatter } from './formatter.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

const FORMATTERS: Readonly<Record<string, Formatter>> = { stylish, json, sarif, github, junit };

/** The names `--format` accepts; `text` is another name for `stylish`. */
export const FORMATTER_NAMES: readonly string[] = ['stylish', 'text', 'json', 'sarif', 'github', 'junit'];

/** The formatter of a name, or a `SagelintError` listing the names there are. */
export function getFormatter(name: string): Formatter {
  const formatter = FORMATTERS[name === 'text' ? 'stylish' : name];
  if (formatter === undefined) {
    throw new SagelintError(
      'formatter-not-found',
      `There is no formatter "${name}". Use one of: ${FORMATTER_NAMES.join(', ')}.`,
    );
  }
  return formatter;
}
