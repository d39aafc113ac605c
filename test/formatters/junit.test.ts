/**
 * The `junit` format, in the shape of eslint-formatter-junit. Fixed results in, output compared with a
 * checked-in file; then the XML is read back with a small strict XML 1.0 well-formedness checker (no parser is
 * a dependency of ours) and its structure compared with the results.
 */
import { describe, expect, it } from 'vitest';
import type { FormatterContext } from '../../src/formatters/formatter.js';
import { junit } from '../../src/formatters/junit.js';
import type { Finding, LintResult } from '../../src/types.js';
import { fixedResult, PATTERN_FINDING, TAG_FINDING, TRAILING_COMMA_FINDING, UNKNOWN_FAMILY_FINDING } from '../support/fixed-results.js';

const CONTEXT: FormatterContext = { cwd: '/project', color: false, codeFrame: false, rules: [], toolVersion: '0.0.0-test' };

const RESULTS: LintResult[] = [
  fixedResult('/project/monitors/a.yaml', [
    PATTERN_FINDING,
    // Single quotes, which an XML attribute must escape as well.
    { ...UNKNOWN_FAMILY_FINDING, message: "InstanceType 'ml.m9.xlarge' is of the family m9, which is not in the instance type list bundled with sagelint; it may be newer." },
    TAG_FINDING,
  ]),
  fixedResult('/project/monitors/clean.json', []),
  fixedResult('/project/team a,b/bias job.json', [TRAILING_COMMA_FINDING], { definitionCount: 0 }),
  fixedResult('/project/package.json', [], { definitionCount: 0 }),
];

// ---------------------------------------------------------------------------------------------------------
// A strict XML 1.0 well-formedness checker for what a formatter writes: an XML declaration, elements,
// attributes, text, references, CDATA sections and comments. No DTD, so only the five predefined entities.

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  /** Text (character data, references and CDATA merged) and child elements, in document order. */
  children: (XmlElement | string)[];
}

const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F' +
  '\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME = new RegExp(`[${NAME_START}][${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*`, 'uy');
const SPACE = /[ \t\n]+/y;
const EQ = /[ \t\n]*=[ \t\n]*/y;
const DECLARATION = new RegExp(
  String.raw`<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*("1\.[0-9]+"|'1\.[0-9]+')` +
    String.raw`([ \t\n]+encoding[ \t\n]*=[ \t\n]*("[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?` +
    String.raw`([ \t\n]+standalone[ \t\n]*=[ \t\n]*("(yes|no)"|'(yes|no)'))?[ \t\n]*\?>`,
  'y',
);
const COMMENT = /<!--(?:[^-]|-[^-])*-->/y;
const REFERENCE = /&(?:#([0-9]+)|#x([0-9a-fA-F]+)|([A-Za-z]+));/y;
const TEXT = /[^<&]+/y;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function parseXml(input: string): XmlElement {
  if (!XML_CHARS.test(input)) throw new Error('The document holds a character that XML 1.0 does not allow.');
  const xml = input.replace(/\r\n?/g, '\n'); // end-of-line handling, as a parser does before anything else
  let pos = 0;

  function fail(what: string): never {
    throw new Error(`${what} at offset ${pos}: ${JSON.stringify(xml.slice(pos, pos + 30))}`);
  }
  function match(pattern: RegExp): RegExpExecArray | undefined {
    pattern.lastIndex = pos;
    const found = pattern.exec(xml);
    if (found === null) return undefined;
    pos += found[0].length;
    return found;
  }
  function literal(text: string): void {
    if (!xml.startsWith(text, pos)) fail(`expected ${JSON.stringify(text)}`);
    pos += text.length;
  }
  function name(): string {
    return match(NAME)?.[0] ?? fail('expected a name');
  }
  function reference(): string {
    const found = match(REFERENCE) ?? fail('a malformed reference');
    const [, decimal, hex, entity] = found;
    if (entity !== undefined) return PREDEFINED[entity] ?? fail(`an undeclared entity &${entity};`);
    const char = String.fromCodePoint(Number.parseInt(decimal ?? hex ?? '', decimal === undefined ? 16 : 10));
    if (!XML_CHARS.test(char)) fail('a reference to a character that XML 1.0 does not allow');
    return char;
  }
  function misc(): void {
    while (match(SPACE) !== undefined || match(COMMENT) !== undefined);
  }
  function element(): XmlElement {
    literal('<');
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const spaced = match(SPACE) !== undefined;
      if (xml.startsWith('/>', pos)) {
        pos += 2;
        return { name: tag, attributes, children: [] };
      }
      if (xml.startsWith('>', pos)) {
        pos += 1;
        break;
      }
      if (!spaced) fail('expected a space before an attribute');
      const key = name();
      if (Object.hasOwn(attributes, key)) fail(`a second ${key} attribute`);
      if (match(EQ) === undefined) fail('expected =');
      const quote = xml[pos];
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
      pos += 1;
      let value = '';
      for (let char = xml[pos]; char !== quote; char = xml[pos]) {
        if (char === undefined) fail('an unterminated attribute value');
        if (char === '<') fail('< in an attribute value');
        if (char === '&') {
          value += reference();
        } else {
          value += char === '\t' || char === '\n' ? ' ' : char; // attribute-value normalization
          pos += 1;
        }
      }
      pos += 1;
      attributes[key] = value;
    }
    const children: (XmlElement | string)[] = [];
    let text = '';
    const flush = (): void => {
      if (text !== '') children.push(text);
      text = '';
    };
    for (;;) {
      if (pos >= xml.length) fail(`an unclosed <${tag}>`);
      if (xml.startsWith('</', pos)) {
        pos += 2;
        const end = name();
        if (end !== tag) fail(`</${end}> closing <${tag}>`);
        match(SPACE);
        literal('>');
        flush();
        return { name: tag, attributes, children };
      }
      if (xml.startsWith('<![CDATA[', pos)) {
        const end = xml.indexOf(']]>', pos + 9);
        if (end < 0) fail('an unterminated CDATA section');
        text += xml.slice(pos + 9, end);
        pos = end + 3;
      } else if (xml.startsWith('<!--', pos)) {
        if (match(COMMENT) === undefined) fail('a malformed comment');
      } else if (xml.startsWith('<', pos)) {
        flush();
        children.push(element());
      } else if (xml.startsWith('&', pos)) {
        text += reference();
      } else {
        const run = match(TEXT)?.[0] ?? fail('expected text');
        if (run.includes(']]>')) fail(']]> in text');
        text += run;
      }
    }
  }

  match(DECLARATION);
  misc();
  const root = element();
  misc();
  if (pos !== xml.length) fail('content after the root element');
  return root;
}

const elements = (element: XmlElement): XmlElement[] =>
  element.children.filter((child): child is XmlElement => typeof child !== 'string');
const textOf = (element: XmlElement): string => element.children.filter((child) => typeof child === 'string').join('');

// ---------------------------------------------------------------------------------------------------------

const WORDS = { error: 'Error', warning: 'Warning', info: 'Info' } as const;
const relativePath = (filePath: string): string => filePath.slice('/project/'.length);
const withoutExtension = (path: string): string => path.replace(/\.[^./]*$/, '');

/** Reads the report back and checks it against the results, suite by suite and finding by finding. */
function expectReportOf(results: readonly LintResult[], output: string): void {
  const root = parseXml(output);
  expect(root.name).toBe('testsuites');
  expect(textOf(root).trim()).toBe('');
  const suites = elements(root);
  expect(suites).toHaveLength(results.length);
  results.forEach((result, index) => {
    const suite = suites[index];
    const file = relativePath(result.filePath);
    const failing = result.findings.length;
    expect(suite?.name).toBe('testsuite');
    expect(suite?.attributes).toEqual({
      package: 'org.eslint',
      time: '0',
      tests: String(Math.max(failing, 1)),
      errors: String(failing),
      name: file,
    });
    const cases = suite === undefined ? [] : elements(suite);
    expect(cases.every((testcase) => testcase.name === 'testcase')).toBe(true);
    if (failing === 0) {
      // A clean file: one passing testcase, named after the file.
      expect(cases).toEqual([
        { name: 'testcase', attributes: { time: '0', name: file, classname: withoutExtension(file) }, children: [] },
      ]);
      return;
    }
    expect(cases).toEqual(
      result.findings.map((finding: Finding) => ({
        name: 'testcase',
        attributes: { time: '0', name: `org.eslint.${finding.ruleId}`, classname: withoutExtension(file) },
        children: [
          {
            name: finding.fatal ? 'error' : 'failure',
            attributes: { message: finding.message },
            children: [
              `line ${finding.line}, col ${finding.column}, ${WORDS[finding.severity]} - ${finding.message} (${finding.ruleId})`,
            ],
          },
        ],
      })),
    );
  });
}

function finding(message: string): Finding {
  return { ruleId: 'example', severity: 'warning', message, line: 1, column: 1, endLine: 1, endColumn: 2 };
}


describe('junit', () => {
  it('writes a testsuite per file and a testcase per finding', async () => {
    await expect(junit(RESULTS, CONTEXT)).toMatchFileSnapshot('./__expected__/junit.xml');
  });

  it('writes well-formed XML that reads back to the results', () => {
    expectReportOf(RESULTS, junit(RESULTS, CONTEXT));
  });

  it('splits the CDATA section around ]]>, and escapes every attribute', () => {
    const output = junit(RESULTS, CONTEXT);
    expect(output).toContain('See ]]]]><![CDATA[> & <owner> in "rules.md". (example-tag-owner)]]>');
    expect(output).toContain(
      'message="Tags[0] is &quot;team: ml, 100%&quot;; an owner tag is also customary.&#10;See ]]&gt; &amp; &lt;owner&gt; in &quot;rules.md&quot;."',
    );
    expect(output).toContain("message=\"InstanceType &apos;ml.m9.xlarge&apos; is of the family m9,");
    expect(output).toContain('name="team a,b/bias job.json"');
  });

  it('replaces characters that XML 1.0 forbids, and keeps tabs, line ends and astral characters', () => {
    const message = 'a\u0000b\u0007c\u001Fd\uFFFEe\uD800f\uDC00g \u{1F600} h\ti\r\nj]]>]]>k]]';
    const results = [fixedResult('/project/odd\u0001name.json', [finding(message)])];
    const output = junit(results, CONTEXT);
    expect(output).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Surrogate}/u);
    const root = parseXml(output);
    const suite = elements(root)[0];
    expect(suite?.attributes.name).toBe('odd\uFFFDname.json');
    const failure = suite === undefined ? undefined : elements(elements(suite)[0] ?? suite)[0];
    const cleaned = 'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg \u{1F600} h\ti\r\nj]]>]]>k]]';
    // Escaped as references, tab, CR and LF survive attribute-value normalization.
    expect(failure?.attributes.message).toBe(cleaned);
    // In CDATA, CR LF is read as LF, as anywhere in XML text.
    expect(failure === undefined ? undefined : textOf(failure)).toBe(
      `line 1, col 1, Warning - ${cleaned.replace('\r\n', '\n')} (example)`,
    );
  });

  it('writes an empty testsuites for no results', () => {
    const output = junit([], CONTEXT);
    expect(output).toBe('<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n</testsuites>\n');
    expectReportOf([], output);
  });

  it('names files from the cwd, with `/`', () => {
    const results = [fixedResult('/project/monitors/deep/b.template.json', [finding('x')])];
    const output = junit(results, { ...CONTEXT, cwd: '/project/monitors' });
    expect(output).toContain('name="deep/b.template.json"');
    expect(output).toContain('classname="deep/b.template"');
  });
});

describe('the XML checker', () => {
  it.each([
    ['<a>&</a>', 'a malformed reference'],
    ['<a>&nbsp;</a>', 'an undeclared entity'],
    ['<a>&#1;</a>', 'a reference to a character'],
    ['<a>x]]>y</a>', ']]> in text'],
    ['<a b="<"/>', '< in an attribute value'],
    ['<a b="1" b="2"/>', 'a second b attribute'],
    ['<a b="1"c="2"/>', 'expected a space'],
    ['<a><b></a></b>', '</a> closing <b>'],
    ['<a>', 'an unclosed <a>'],
    ['<a/><b/>', 'content after the root element'],
    ['<a><![CDATA[x</a>', 'an unterminated CDATA section'],
    ['<a>\u0007</a>', 'a character that XML 1.0 does not allow'],
    ['<a>\uD800</a>', 'a character that XML 1.0 does not allow'],
    ['<a b=c/>', 'expected a quoted attribute value'],
    [' <?xml version="1.0"?><a/>', 'expected a name'],
  ])('rejects %j', (xml, reason) => {
    expect(() => parseXml(xml)).toThrow(reason);
  });

  it('reads references, CDATA and normalized attributes', () => {
    expect(parseXml('<?xml version="1.0" encoding="utf-8"?>\n<a b=\'x&#10;y\tz\'>1&lt;<![CDATA[<&]]>2<c/><!-- - --></a>\n')).toEqual({
      name: 'a',
      attributes: { b: 'x\ny z' },
      children: ['1<<&2', { name: 'c', attributes: {}, children: [] }],
    });
  });
});
