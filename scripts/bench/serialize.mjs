/**
 * Writes generated documents as people write them: JSON with the long form of CloudFormation's intrinsic
 * functions, YAML in block style with short-form tags (`!Ref X`, `!GetAtt A.B`, `!If [...]`) and flow style for
 * short lists and maps, as in hand-written templates.
 */

/** A CloudFormation intrinsic function call: `!Name value` in YAML, `{ "Fn::Name": value }` in JSON. */
class Intrinsic {
  constructor(name, value) {
    this.name = name;
    this.value = value;
  }
}

export const ref = (name) => new Intrinsic('Ref', name);
export const getAtt = (resource, attribute) => new Intrinsic('GetAtt', `${resource}.${attribute}`);
export const sub = (template, variables) => new Intrinsic('Sub', variables === undefined ? template : [template, variables]);
export const join = (separator, parts) => new Intrinsic('Join', [separator, parts]);
export const fnIf = (condition, whenTrue, whenFalse) => new Intrinsic('If', [condition, whenTrue, whenFalse]);
export const fn = (name, value) => new Intrinsic(name, value);

/** The JSON form of a document: intrinsics in their long form (`!GetAtt A.B` → `{"Fn::GetAtt": ["A", "B"]}`). */
function longForm(value) {
  if (value instanceof Intrinsic) {
    if (value.name === 'Ref' || value.name === 'Condition') return { [value.name]: value.value };
    const inner = value.name === 'GetAtt' ? value.value.split(/\.(.*)/s, 2) : longForm(value.value);
    return { [`Fn::${value.name}`]: inner };
  }
  if (Array.isArray(value)) return value.map(longForm);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, longForm(item)]));
  return value;
}

export function writeJson(value, indent = 2) {
  return `${JSON.stringify(longForm(value), null, indent)}\n`;
}

/** YAML text for `value`; `header` lines become comments at the top. */
export function writeYaml(value, header = []) {
  const lines = [...header.map((line) => `# ${line}`), ...blockLines(value, 0)];
  return `${lines.join('\n')}\n`;
}

const FLOW_WIDTH = 72;

/** The lines of a top-level or nested mapping or sequence, indented by `indent` spaces. */
function blockLines(value, indent) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const written = render(item, indent + 2);
      if (written.inline !== undefined) return [`${pad}- ${written.inline}`];
      if (isPlainObject(item)) {
        // The first member shares the dash's line: `- Key: a` then `  Value: b`.
        const [first = '', ...rest] = written.lines;
        return [`${pad}- ${first.trimStart()}`, ...rest];
      }
      return [`${pad}-${written.head ?? ''}`, ...written.lines];
    });
  }
  return Object.entries(value).flatMap(([key, item]) => {
    const written = render(item, indent + 2);
    if (written.inline !== undefined) return [`${pad}${scalar(key, false)}: ${written.inline}`];
    return [`${pad}${scalar(key, false)}:${written.head ?? ''}`, ...written.lines];
  });
}

/** Either one line's worth (`inline`) or block lines (with `head`, a tag written after the key). */
function render(value, indent) {
  if (value instanceof Intrinsic) {
    const tag = `!${value.name}`;
    const flowed = flow(value.value);
    const scalarValue = typeof value.value !== 'object';
    if (flowed !== undefined && (scalarValue || flowed.length + indent <= FLOW_WIDTH)) return { inline: `${tag} ${flowed}` };
    return { head: ` ${tag}`, lines: blockLines(value.value, indent) };
  }
  if (Array.isArray(value) || isPlainObject(value)) {
    const empty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
    if (empty) return { inline: Array.isArray(value) ? '[]' : '{}' };
    const flowed = shortFlow(value) ? flow(value) : undefined;
    if (flowed !== undefined && flowed.length + indent <= FLOW_WIDTH) return { inline: flowed };
    return { lines: blockLines(value, indent) };
  }
  return { inline: scalar(value, false) };
}

/** Lists of scalars and tiny maps read best in flow style (`[a, b]`, `{ Key: team, Value: ml }`). */
function shortFlow(value) {
  const items = Array.isArray(value) ? value : Object.values(value);
  return items.length <= 4 && items.every((item) => !isPlainObject(item) || Object.keys(item).length <= 2);
}

/** Flow-style text, or undefined when some value cannot be written in flow style. */
function flow(value) {
  if (value instanceof Intrinsic) {
    const inner = flow(value.value);
    return inner === undefined ? undefined : `!${value.name} ${inner}`;
  }
  if (Array.isArray(value)) {
    const items = value.map(flow);
    return items.includes(undefined) ? undefined : `[${items.join(', ')}]`;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value).map(([key, item]) => [scalar(key, true), flow(item)]);
    return entries.some(([, item]) => item === undefined) ? undefined : `{${entries.map(([key, item]) => `${key}: ${item}`).join(', ')}}`;
  }
  return typeof value === 'string' && value.includes('\n') ? undefined : scalar(value, true);
}

const PLAIN = /^[A-Za-z_/$][\w\-./@$()*?+=:<>]*(?: [\w\-./@$()*?+=:<>]+)*$/;
const FLOW_INDICATORS = /[,[\]{}]/;
const SPECIAL = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;

function scalar(value, inFlow) {
  if (typeof value !== 'string') return String(value);
  const plain = PLAIN.test(value) && !SPECIAL.test(value) && !/:(?: |$)/.test(value) && !(inFlow && FLOW_INDICATORS.test(value));
  if (plain) return value;
  // Double-quoted YAML escapes as JSON does; single-quoted YAML escapes nothing but its quote.
  return /[\n\\]/.test(value) ? JSON.stringify(value) : `'${value.replaceAll("'", "''")}'`;
}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Intrinsic);
}
