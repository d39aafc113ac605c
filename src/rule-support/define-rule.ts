import type { PointerTarget } from '../loaders/source-document.js';
import type { TemplateContext } from '../definitions/definition.js';
import type { ServiceModel } from '../model/shapes.js';
import type { DefinitionKind, Severity } from '../types.js';

/** Where rule docs live: `rules.md`, one section per rule, anchored by the rule id. */
export const RULES_DOC_URL = 'https://github.com/sagelint/sagelint/blob/main/rules.md';

/** A failure of the definition against its model's JSON Schema, as ajv found it. */
export interface SchemaViolation {
  /** The JSON Schema keyword that failed: `required`, `type`, `pattern`, … */
  keyword: string;
  /** JSON Pointer of the failing value, relative to the definition. */
  pointer: string;
  /** ajv's params for the keyword (`missingProperty`, `limit`, `allowedValues`, …). */
  params: Readonly<Record<string, unknown>>;
  /** Set when the failing value is a map key (`Environment` names), not a value; `pointer` is then the key's. */
  isKey: boolean;
}

export interface Report {
  /**
   * JSON Pointer relative to the definition (or, with `absolute`, to the document). A pointer that does not
   * resolve falls back to its closest parent.
   */
  at: string;
  /** `at` points into the document as written (another resource, an intrinsic function), not into the definition. */
  absolute?: boolean;
  /** Point at the member's key rather than its value (missing members, unknown members, collection sizes). */
  target?: PointerTarget;
  message: string;
}

/**
 * What a rule sees of one definition. Everything it hands out is read-only. For a template resource the value is
 * one deployable variant with intrinsic functions resolved where they can be; what cannot be known offline is
 * `isUnknown`, and findings at or under such a value are dropped.
 */
export interface RuleContext<Options = Readonly<Record<string, never>>> {
  readonly kind: DefinitionKind;
  /**
   * Where the job definition's own members start: `''` in a request body, `/Properties` in a template resource.
   * Rules that look for a member write `${context.propertiesPointer}/JobResources/ClusterConfig`.
   */
  readonly propertiesPointer: string;
  /** The rule's options: its defaults, overridden by configuration. */
  readonly options: Options;
  /** How messages name the whole definition: `The request`, `Resource BiasJob`. */
  readonly label: string;
  /** The definition's value (a request body, or a whole template resource: `Type`, `Properties`, …). */
  readonly value: unknown;
  readonly model: ServiceModel;
  /** For a template resource: the template as written, and the resource's logical id. */
  readonly template: TemplateContext | undefined;
  /** Whether the value at a pointer (or one of its parents) cannot be known offline. */
  isUnknown(pointer: string): boolean;
  /** The value at a pointer relative to the definition, or undefined. */
  valueAt(pointer: string): unknown;
  /**
   * The text a scalar value is written as (`1.0`, `"2"`), for what parsing cannot keep, or undefined when the
   * pointer names no scalar.
   */
  sourceText(pointer: string): string | undefined;
  /**
   * The schema violations of the definition, computed once and shared by the rules that read them. None is at or
   * under a value that `isUnknown`: its placeholder says nothing of the value it stands for.
   */
  schemaViolations(): readonly SchemaViolation[];
  report(report: Report): void;
}

export interface RuleDocs {
  /** Why the rule exists, citing the AWS document or API constraint behind it. Markdown. */
  rationale: string;
  /** Absolute link to the rule's documentation: for a built-in rule, its section of rules.md. */
  url?: string;
}

/** A rule's options: a JSON Schema (with a description on every property) and the defaults it starts from. */
export interface RuleOptionsSpec<Options> {
  schema: Readonly<Record<string, unknown>>;
  defaults: Options;
  /** The options rules.md shows the rule's examples with (a policy rule does nothing with its defaults). */
  example?: Options;
}

/** A plugin as its rules name it: `name` prefixes their ids. */
export interface RulePlugin {
  name: string;
  version?: string;
  /** The plugin's docs page. */
  informationUri?: string;
}

export interface Rule<Options = Readonly<Record<string, never>>> {
  /** Equals the rule's file name and its rules.md anchor; never reused for another meaning. */
  id: string;
  /** A short imperative title. */
  title: string;
  /** One sentence: what the rule checks. */
  description: string;
  /** The default severity; configuration can change it. `off`: a policy rule that runs only when configured. */
  severity: Severity | 'off';
  appliesTo: readonly DefinitionKind[];
  docs: RuleDocs;
  /** None means the rule takes no options. */
  options?: RuleOptionsSpec<Options>;
  /** The plugin the rule comes from; none for a built-in rule. */
  plugin?: RulePlugin;
  /**
   * The members of the job definition the rule reads, as JSON Pointers relative to `context.propertiesPointer`
   * (`/RoleArn`, `/JobResources/ClusterConfig`), each with everything below it: their values, whether they are
   * unknown, where they are written (`sourceText`; reports are placed there), and their schema violations through
   * `hasSchemaViolation`. Passing through their parents on the way (`isRecord(JobResources)`), or reporting at a
   * parent, is part of reading them; listing a member's members (`Object.keys`, a list's length) reads that member
   * whole, and `schemaViolations()` reads every member. `[]`: the rule reads only `context.template`.
   *
   * A template resource is judged in several variants (its parameters' values, its `Fn::If` branches), which
   * mostly differ in a member or two. A rule that says what it reads runs on a variant after the first only where
   * that variant differs from the first: elsewhere it would report again what it reported there. Left out (the
   * default), the rule may read anything, and runs on every variant.
   */
  reads?: readonly string[];
  /** Synchronous and pure: reads the context, reports, keeps no state. The context is valid only while `check` runs. */
  check(context: RuleContext<Options>): void;
}

/** A rule of any options, as lists of rules hold them. */
export type AnyRule = Rule<unknown>;

export type RuleInput<Options> = Omit<Rule<Options>, 'plugin'>;

/**
 * Defines a rule, built-in or in a plugin: completes its metadata and freezes it. A rule without `docs.url` links
 * to its section of sagelint's rules.md, or, in a plugin, to the plugin's `meta.docs`.
 */
export function defineRule<Options = Readonly<Record<string, never>>>(input: RuleInput<Options>): Rule<Options> {
  return Object.freeze({ ...input, docs: Object.freeze({ ...input.docs, url: input.docs.url ?? `${RULES_DOC_URL}#${input.id}` }) });
}

/**
 * Whether the schema rules already report the value at a pointer (a wrong type, a pattern, a length): a policy
 * rule stays quiet there, so one defect gives one finding.
 */
export function hasSchemaViolation(context: RuleContext<unknown>, pointer: string): boolean {
  const violations = context.schemaViolations();
  let pointers = violatedValuePointers.get(violations);
  if (pointers === undefined) {
    pointers = new Set(violations.filter((violation) => !violation.isKey).map((violation) => violation.pointer));
    violatedValuePointers.set(violations, pointers);
  }
  return pointers.has(pointer);
}

/** The pointers of the values a variant's violations are about: asked about for many values by many rules. */
const violatedValuePointers = new WeakMap<readonly SchemaViolation[], ReadonlySet<string>>();
