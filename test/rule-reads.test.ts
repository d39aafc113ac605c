/**
 * Every rule that declares what it reads (`Rule.reads`) reads nothing else: it runs on every variant of every
 * definition of the corpus (test/support/variant-corpus.ts) with a context that records what it touches, and
 * everything it touches must lie within a declared read, or on the way to one. test/engine/variant-changes.test.ts
 * checks that skipping such rules changes no finding.
 */
import { describe, expect, it, vi } from 'vitest';
import type { AnyRule, RuleContext } from '../src/rule-support/define-rule.js';
import { childPointer } from '../src/loaders/source-document.js';
import { lintSource, type EnabledRule } from '../src/engine/lint-source.js';
import { RESERVED_RULE_IDS } from '../src/types.js';
import { corpusPath, enableEveryRule, loadVariantCorpus } from './support/variant-corpus.js';

/**
 * How a rule touched the value at a pointer (relative to the definition): `reach` it (read it, ask whether it is
 * unknown, report at it), which it may do on the way to a read, or `list` it (its members, a list's length, its
 * schema violations), which takes reading all of it.
 */
interface Touch {
  pointer: string;
  kind: 'reach' | 'list';
}

/** The recording contexts made for rules, each with what it records into and the engine's context it wraps. */
const recordings = vi.hoisted(() => new WeakMap<object, { touched: Touch[]; context: RuleContext<unknown> }>());

// A rule asks `hasSchemaViolation` about the values it reads: what it asks about is recorded, and the engine's own
// context answers, so that the question is not taken for a read of every violation.
vi.mock('../src/rule-support/define-rule.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/rule-support/define-rule.js')>();
  return {
    ...original,
    hasSchemaViolation(context: RuleContext<unknown>, pointer: string): boolean {
      const recording = recordings.get(context);
      if (recording === undefined) return original.hasSchemaViolation(context, pointer);
      recording.touched.push({ pointer, kind: 'list' });
      return original.hasSchemaViolation(recording.context, pointer);
    },
  };
});

const rules = await enableEveryRule();
const corpus = await loadVariantCorpus();

/** A value that records each member or item read of it, and of the values it hands out, as at `pointer`. */
function watched(value: unknown, pointer: string, touched: Touch[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const isList = Array.isArray(value);
  /** What reading `key` touches: a member or an item, the whole list (its length), or nothing (a list's `forEach`, a symbol). */
  const touchOf = (key: string | symbol): Touch | undefined => {
    if (typeof key !== 'string') return undefined;
    if (!isList) return { pointer: childPointer(pointer, key), kind: 'reach' };
    if (key === 'length') return { pointer, kind: 'list' };
    return /^\d+$/.test(key) ? { pointer: childPointer(pointer, key), kind: 'reach' } : undefined;
  };
  const note = (key: string | symbol): Touch | undefined => {
    const touch = touchOf(key);
    if (touch !== undefined) touched.push(touch);
    return touch;
  };
  return new Proxy(value, {
    get(target, key, receiver) {
      const got: unknown = Reflect.get(target, key, receiver);
      const touch = note(key);
      return touch?.kind === 'reach' ? watched(got, touch.pointer, touched) : got;
    },
    has(target, key) {
      note(key);
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      note(key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      touched.push({ pointer, kind: 'list' });
      return Reflect.ownKeys(target);
    },
  });
}

/** The engine's context for a rule, recording what the rule touches of the variant (not of `template`). */
function recordingContext(context: RuleContext<unknown>, touched: Touch[]): RuleContext<unknown> {
  const reach = (pointer: string): void => {
    touched.push({ pointer, kind: 'reach' });
  };
  const recording: RuleContext<unknown> = {
    ...context,
    value: watched(context.value, '', touched),
    valueAt(pointer) {
      reach(pointer);
      return watched(context.valueAt(pointer), pointer, touched);
    },
    isUnknown(pointer) {
      reach(pointer);
      return context.isUnknown(pointer);
    },
    sourceText(pointer) {
      reach(pointer);
      return context.sourceText(pointer);
    },
    schemaViolations() {
      touched.push({ pointer: '', kind: 'list' });
      return context.schemaViolations();
    },
    report(report) {
      // Where a report at a pointer of the definition is placed depends on that pointer's origin.
      if (report.absolute !== true) reach(report.at);
      context.report(report);
    },
  };
  recordings.set(recording, { touched, context });
  return recording;
}

/** Whether a touch lies within a read (both relative to the definition), or, when it only reaches, on the way to one. */
function isDeclared(touch: Touch, reads: readonly string[]): boolean {
  return reads.some(
    (read) => touch.pointer === read || touch.pointer.startsWith(`${read}/`) || (touch.kind === 'reach' && read.startsWith(`${touch.pointer}/`)),
  );
}

/**
 * Runs a rule on every variant of every corpus definition, and gives what it touched that it did not declare, and
 * where it failed (as with a context it could not use).
 */
function undeclaredTouches(enabled: EnabledRule, reads: readonly string[]): string[] {
  const undeclared: string[] = [];
  for (const file of corpus) {
    const rule: AnyRule = {
      ...enabled.rule,
      reads: undefined,
      check(context) {
        const touched: Touch[] = [];
        enabled.rule.check(recordingContext(context, touched));
        const absoluteReads = reads.map((read) => context.propertiesPointer + read);
        for (const touch of touched) {
          if (!isDeclared(touch, absoluteReads)) undeclared.push(`${touch.kind} "${touch.pointer}" (${corpusPath(file)}, ${context.label})`);
        }
      },
    };
    const { findings } = lintSource(file.source, file.definitions, [{ ...enabled, rule }]);
    for (const finding of findings) {
      if (finding.ruleId === RESERVED_RULE_IDS.internalError) undeclared.push(`${finding.message} (${corpusPath(file)})`);
    }
  }
  return undeclared;
}

describe('rules that declare what they read', () => {
  it('are most rules', () => {
    expect(rules.filter(({ rule }) => rule.reads !== undefined).length).toBeGreaterThan(rules.length / 2);
  });

  it.each(rules.filter(({ rule }) => rule.reads !== undefined).map((enabled) => [enabled.rule.id, enabled] as const))(
    '%s reads only what it declares, on every variant of every corpus definition',
    (_id, enabled) => {
      // The first of each touch is enough to say what the declaration lacks.
      const undeclared = undeclaredTouches(enabled, enabled.rule.reads ?? []);
      expect([...new Map(undeclared.map((touch) => [touch.slice(0, touch.indexOf(' (')), touch])).values()]).toEqual([]);
    },
  );
});
