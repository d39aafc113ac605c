import rule from '../../src/rules/no-unknown-instance-family.js';
import { testRule } from '../support/rule-tester.js';

const newer = (value: string, family: string): string =>
  `InstanceType "${value}" is of the family ${family}, which is not in the instance type list bundled with sagelint; it may be newer.`;

testRule(rule, {
  invalid: [
    { file: 'example.yaml', findings: [{ line: 7, column: 19, endLine: 7, endColumn: 31, message: newer('ml.m9.xlarge', 'm9') }] },
    { file: 'z1d.json', findings: [{ line: 3, column: 74, endLine: 3, endColumn: 88, message: newer('ml.z1d.large', 'z1d') }] },
    { file: 'flow.yaml', findings: [{ line: 1, column: 70, endLine: 1, endColumn: 84, message: newer('ml.inf2.xlarge', 'inf2') }] },
    { file: 'crlf.yaml', findings: [{ line: 6, column: 19, endLine: 6, endColumn: 34, message: newer('ml.trn1.2xlarge', 'trn1') }] },
    { file: 'bom-tabs.json', findings: [{ line: 5, column: 20, endLine: 5, endColumn: 39, message: newer('ml.m7i-flex.large', 'm7i-flex') }] },
    { file: 'multi-document.yaml', findings: [{ line: 5, column: 46, endLine: 5, endColumn: 62, message: newer('ml.p4de.24xlarge', 'p4de') }] },
  ],
});
