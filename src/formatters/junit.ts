import { isAbsolute, posix, relative, sep } from 'node:path';
import type { Finding, Severity } from '../types.js';
import type { Formatter, FormatterContext } from './formatter.js';

const SEVERITY_WORD: Readonly<Record<Severity, string>> = { error: 'Error', warning: 'Warning', info: 'Info' };

/**
 * JUnit XML in the shape of `eslint-formatter-junit` (ESLint's former built-in `junit`), which CI servers
 * (GitLab, Jenkins, Azure Pipelines) show as test results: a `<testsuite>` per file, a failing `<testcase>`
 * per finding (`<error>` for a fatal one, as ESLint), and one passing `<testcase>` named after a clean file.
 * As ESLint, `tests` and `errors` both count the file's findings. Unlike ESLint, paths are relative to the cwd
 * with `/`, the CDATA holds the message as it is (ESLint XML-escapes it there too), and `Info` names info.
 */
export const junit: Formatter = (results, context) => {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<testsuites>'];
  for (const result of results) {
    const name = displayPath(result.filePath, context);
    const classname = name.slice(0, name.length - posix.extname(name).length);
    const { findings } = result;
    if (findings.length > 0) {
      out.push(suite(name, findings.length, findings.length));
      for (const finding of findings) out.push(testcase(finding, classname));
    } else {
      out.push(suite(name, 1, 0), `<testcase time="0" name="${attribute(name)}" classname="${attribute(classname)}" />`);
    }
    out.push('</testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
};

function suite(name: string, tests: number, errors: number): string {
  return `<testsuite package="org.eslint" time="0" tests="${tests}" errors="${errors}" name="${attribute(name)}">`;
}

function testcase(finding: Finding, classname: string): string {
  const element = finding.fatal ? 'error' : 'failure';
  const text = `line ${finding.line}, col ${finding.column}, ${SEVERITY_WORD[finding.severity]} - ${finding.message} (${finding.ruleId})`;
  return (
    `<testcase time="0" name="${attribute(`org.eslint.${finding.ruleId}`)}" classname="${attribute(classname)}">` +
    `<${element} message="${attribute(finding.message)}">${cdata(text)}</${element}>` +
    '</testcase>'
  );
}

/** The path from the cwd, with `/`; a path that is not absolute (`lintText`'s) as it was given. */
function displayPath(filePath: string, context: FormatterContext): string {
  const path = isAbsolute(filePath) ? relative(context.cwd, filePath) || filePath : filePath;
  return path.split(sep).join('/');
}

/**
 * Characters XML 1.0 does not allow anywhere, not even escaped: C0 controls other than tab, LF and CR,
 * U+FFFE, U+FFFF, and surrogates that are not half of a pair. They become U+FFFD.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Surrogate}/gu;

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A parser turns a literal tab, LF or CR in an attribute into a space; as references, they survive.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function attribute(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (char) => ATTRIBUTE_ESCAPES[char] ?? char);
}

/** A CDATA section holds anything but `]]>`: that is split across two sections, `]]` in one, `>` in the next. */
function cdata(value: string): string {
  return `<![CDATA[${value.replace(NOT_XML, '\uFFFD').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}
