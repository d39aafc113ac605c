import { childPointer, formatPointer, setMember } from '../loaders/source-document.js';
import { partitionOfRegion } from '../model/partitions.js';
import { isRecord } from '../values.js';

/**
 * CloudFormation intrinsic functions, resolved as far as they can be offline. What can be known is replaced by
 * its value (a parameter's `Default` and each of its `AllowedValues`, `Fn::Sub` without variables, `Fn::Join`
 * of literals, `Fn::FindInMap` into literal mappings, both branches of `Fn::If`); what cannot (`Ref` to a
 * resource, `Fn::GetAtt`, `Fn::ImportValue`, …) becomes UNKNOWN, which rules never judge.
 */

/** Stands for a value that cannot be known offline. Frozen, so no rule can change it. */
export const UNKNOWN: Readonly<Record<string, never>> = Object.freeze(Object.create(null) as Record<string, never>);

/** Where a resolved value was written, when not where it is used (a parameter's default, a mapping). */
export interface Origin {
  /** JSON Pointer into the document. */
  pointer: string;
  /** How the value got here, for messages: `parameter InstanceType`. */
  via?: string;
}

/** One way the template can be deployed: every decision (parameter value, `Fn::If` branch) taken once. */
export interface Variant {
  value: unknown;
  /** By pointer relative to the resolved value: values that were written elsewhere. */
  origins: ReadonlyMap<string, Origin>;
  /** Pointers relative to the resolved value whose value is not known offline. */
  unknowns: ReadonlySet<string>;
  /**
   * Pointers relative to the resolved value under which this variant may differ from its resource's first variant
   * (in values, unknowns or origins): where resolving took a choice other than the first (a parameter's other
   * value, an `Fn::If`'s other branch). Everywhere else it resolved exactly as the first did. Empty for the first.
   */
  differsAt: readonly string[];
}

export interface ResolveOptions {
  /** Makes `AWS::Region`, `AWS::Partition` and `AWS::URLSuffix` known. */
  region?: string;
}

/** At most this many variants of one resource are judged, to bound the work on templates with many choices. */
export const MAX_VARIANTS = 64;

/** CloudFormation's pseudo parameters, which `Ref` may name without declaring them. */
export const PSEUDO_PARAMETERS: ReadonlySet<string> = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

/** Removes the member or list item it stands in (`Ref: AWS::NoValue`). */
const NO_VALUE = Symbol('AWS::NoValue');

/**
 * The variants of `value` (found at `basePointer` of `template`) worth checking: all defaults first, then each
 * decision's other choices one at a time, in the variant where the decision was first met (so a parameter used
 * only in the second branch of an `Fn::If` is explored too). Every allowed value and every branch is judged once
 * without multiplying the combinations.
 */
export function resolveVariants(
  value: unknown,
  basePointer: string,
  template: Record<string, unknown>,
  options: ResolveOptions = {},
): Variant[] {
  const variants: Variant[] = [];
  const met = new Set<string>();
  const queue: ReadonlyMap<string, number>[] = [new Map()];
  const shared = new SharedLookups(template);
  for (let choices = queue.shift(); choices !== undefined && variants.length < MAX_VARIANTS; choices = queue.shift()) {
    const resolver = new Resolver(template, basePointer, options, choices, shared);
    variants.push(resolver.run(value));
    for (const [decision, count] of resolver.decisions) {
      if (met.has(decision)) continue;
      met.add(decision);
      for (let choice = 1; choice < count; choice += 1) queue.push(new Map([...choices, [decision, choice]]));
    }
  }
  return variants;
}


/** The partition of a region, for `AWS::Partition`: a region of no known partition is taken as a commercial one. */
function partitionName(region: string): string {
  return partitionOfRegion(region)?.id ?? 'aws';
}

/** The single key of an intrinsic function object (`Ref`, `Fn::Sub`, …), or undefined for other values. */
export function intrinsicName(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  // Asked of every object of every variant: the keys are counted without making a list of them.
  let key: string | undefined;
  for (const name in value) {
    if (key !== undefined) return undefined;
    key = name;
  }
  return key !== undefined && (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::')) ? key : undefined;
}

/** The values a parameter can take in a variant: its Default, then each other allowed value, where each is written. */
interface ParameterChoices {
  choices: readonly { value: unknown; origin: Origin }[];
  /** List parameters arrive as one comma-separated string, which CloudFormation splits. */
  isList: boolean;
}

/** What every variant of a resource looks up in the template alike: worked out once, for all of them. */
class SharedLookups {
  private readonly holding = new WeakMap<object, boolean>();
  private readonly parameters = new Map<string, ParameterChoices | undefined>();

  constructor(private readonly template: Record<string, unknown>) {}

  /**
   * A declared parameter's choices; undefined when none can be known offline (no Default nor AllowedValues, or an
   * SSM parameter type, whose Default is a parameter name read at deploy time, not the value).
   */
  parameter(name: string): ParameterChoices | undefined {
    if (this.parameters.has(name)) return this.parameters.get(name);
    const parameters = this.template.Parameters;
    const parameter = isRecord(parameters) ? parameters[name] : undefined;
    let found: ParameterChoices | undefined;
    if (isRecord(parameter) && !(typeof parameter.Type === 'string' && parameter.Type.startsWith('AWS::SSM::'))) {
      const base = `/Parameters${formatPointer([name])}`;
      const via = `parameter ${name}`;
      const choices: { value: unknown; origin: Origin }[] = [];
      if (parameter.Default !== undefined) choices.push({ value: parameter.Default, origin: { pointer: `${base}/Default`, via } });
      if (Array.isArray(parameter.AllowedValues)) {
        parameter.AllowedValues.forEach((allowed: unknown, index) => {
          if (allowed !== parameter.Default) choices.push({ value: allowed, origin: { pointer: `${base}/AllowedValues/${index}`, via } });
        });
      }
      // A list parameter's AllowedValues are the values each member may take: each is judged as a list of that one.
      const isList = typeof parameter.Type === 'string' && /^(CommaDelimitedList|List<.*>)$/.test(parameter.Type);
      if (choices.length > 0) found = { choices, isList };
    }
    this.parameters.set(name, found);
    return found;
  }

  /**
   * Whether an object or array holds an intrinsic function, at any depth. Those that hold none resolve to
   * themselves, so every variant shares them (nobody changes a resolved value) and only the paths to intrinsic
   * functions are copied.
   */
  holdsIntrinsic(value: object): boolean {
    let holds = this.holding.get(value);
    if (holds === undefined) {
      holds = intrinsicName(value) !== undefined;
      const members = value as Record<string, unknown>;
      for (const key in members) {
        if (holds) break;
        const member = members[key];
        holds = typeof member === 'object' && member !== null && this.holdsIntrinsic(member);
      }
      this.holding.set(value, holds);
    }
    return holds;
  }
}

class Resolver {
  /** Decision key → how many choices it has; filled while resolving. */
  readonly decisions = new Map<string, number>();
  private readonly origins = new Map<string, Origin>();
  private readonly unknowns = new Set<string>();
  private readonly differsAt: string[] = [];
  /** How many choices other than the first this variant has taken so far: what tells where it differs. */
  private otherChoices = 0;
  /**
   * Pointers of the values written elsewhere being resolved: one met again refers to itself. A stack a few deep,
   * pushed and popped for every such value: a Set would reallocate its table as it fills and empties.
   */
  private readonly resolving: string[] = [];
  /** Names of the conditions being evaluated, likewise. */
  private readonly evaluating: string[] = [];

  constructor(
    private readonly template: Record<string, unknown>,
    private readonly basePointer: string,
    private readonly options: ResolveOptions,
    private readonly choices: ReadonlyMap<string, number>,
    private readonly shared: SharedLookups,
  ) {}

  run(value: unknown): Variant {
    const resolved = this.resolve(value, '', this.basePointer);
    return {
      value: resolved === NO_VALUE ? undefined : resolved,
      origins: this.origins,
      unknowns: this.unknowns,
      differsAt: this.differsAt,
    };
  }

  /**
   * Every choice a variant takes is made here, so what resolves without another choice than the first resolves as
   * in the first variant: its pointer is recorded in `differsAt` otherwise (`resolve`).
   */
  private choose(decision: string, count: number): number {
    this.decisions.set(decision, count);
    const choice = Math.min(this.choices.get(decision) ?? 0, count - 1);
    if (choice !== 0) this.otherChoices += 1;
    return choice;
  }

  /**
   * Resolves `value`, which sits at `path` (a JSON Pointer) in the result and at `written` in the document.
   */
  private resolve(value: unknown, path: string, written: string): unknown {
    if (!this.holdsIntrinsic(value)) return value;
    const name = intrinsicName(value);
    const choicesBefore = this.otherChoices;
    if (name !== undefined && isRecord(value)) {
      const resolved = this.resolveIntrinsic(name, value[name], path, written);
      if (this.otherChoices !== choicesBefore) this.differsAt.push(path);
      return resolved;
    }
    // Pointers are made only for what can hold something to record: an item moved up by a removed one, or an
    // intrinsic function.
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      value.forEach((item, index) => {
        const moved = items.length !== index;
        if (moved || this.holdsIntrinsic(item)) {
          const itemWritten = `${written}/${index}`;
          const itemPath = childPointer(path, items.length);
          if (moved) this.origins.set(itemPath, { pointer: itemWritten });
          item = this.resolve(item, itemPath, itemWritten);
        }
        if (item !== NO_VALUE) items.push(item);
      });
      // An item removed by another choice moves those after it: the whole list differs.
      if (this.otherChoices !== choicesBefore) this.differsAt.push(path);
      return items;
    }
    const object: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const member = (value as Record<string, unknown>)[key];
      const resolved = this.holdsIntrinsic(member) ? this.resolve(member, childPointer(path, key), childPointer(written, key)) : member;
      if (resolved !== NO_VALUE) setMember(object, key, resolved);
    }
    return object;
  }

  /** Whether a value resolves to something else than itself. */
  private holdsIntrinsic(value: unknown): value is object {
    return typeof value === 'object' && value !== null && this.shared.holdsIntrinsic(value);
  }

  private unknown(path: string): typeof UNKNOWN {
    this.unknowns.add(path);
    return UNKNOWN;
  }

  /** A value written elsewhere in the document, used here: resolved there, reported there. */
  private from(origin: Origin, value: unknown, path: string): unknown {
    this.origins.set(path, origin);
    // A parameter whose Default refers to itself, a mapping that finds itself: CloudFormation rejects the template,
    // and no value is known.
    if (this.resolving.includes(origin.pointer)) return this.unknown(path);
    this.resolving.push(origin.pointer);
    const resolved = this.resolve(value, path, origin.pointer);
    this.resolving.pop();
    return resolved;
  }

  private resolveIntrinsic(name: string, argument: unknown, path: string, written: string): unknown {
    const argumentPointer = childPointer(written, name);
    switch (name) {
      case 'Ref':
        return typeof argument === 'string' ? this.resolveRef(argument, path) : this.unknown(path);
      case 'Fn::If': {
        if (!Array.isArray(argument) || argument.length !== 3) return this.unknown(path);
        // A condition the chosen parameter values decide (`HasKey: !Not [!Equals [!Ref KeyArn, '']]`) picks its
        // branch, so a branch that cannot be deployed with those values is not judged; otherwise both are.
        const known = typeof argument[0] === 'string' ? this.evaluateCondition(argument[0]) : undefined;
        // Every Fn::If on one condition takes the same branch in a variant: the condition is one decision.
        const decision = typeof argument[0] === 'string' ? `condition:${argument[0]}` : `if:${written}`;
        const branch = known === undefined ? 1 + this.choose(decision, 2) : known ? 1 : 2;
        return this.from({ pointer: `${argumentPointer}/${branch}` }, argument[branch], path);
      }
      case 'Fn::Sub':
        return this.resolveSub(argument, path, argumentPointer);
      case 'Fn::Join': {
        if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string') return this.unknown(path);
        const parts = this.resolve(argument[1], childPointer(path, 'Fn::Join'), `${argumentPointer}/1`);
        if (!Array.isArray(parts) || !parts.every(isScalarText)) return this.unknown(path);
        return parts.join(argument[0]);
      }
      case 'Fn::Select': {
        if (!Array.isArray(argument) || argument.length !== 2) return this.unknown(path);
        const index = this.resolve(argument[0], childPointer(path, 'Fn::Select'), `${argumentPointer}/0`);
        const list = argument[1];
        if (Array.isArray(list) && (typeof index === 'number' || typeof index === 'string') && Number.isInteger(Number(index))) {
          return Number(index) >= 0 && Number(index) < list.length
            ? this.from({ pointer: `${argumentPointer}/1/${Number(index)}` }, list[Number(index)], path)
            : this.unknown(path);
        }
        return this.unknown(path);
      }
      case 'Fn::FindInMap':
        return this.resolveFindInMap(argument, path, argumentPointer);
      default:
        // Fn::GetAtt, Fn::ImportValue, Fn::GetAZs, Fn::Base64, Fn::Cidr, Fn::Split, Fn::Transform, …: deploy-time values.
        return this.unknown(path);
    }
  }

  /** A condition's value under this variant's parameter values, or undefined when it cannot be known offline. */
  private evaluateCondition(name: string): boolean | undefined {
    const conditions = this.template.Conditions;
    // A condition that depends on itself (through `Condition`, or an `Fn::If` on it in its own `Fn::Equals`) has no value.
    if (!isRecord(conditions) || !Object.hasOwn(conditions, name) || this.evaluating.includes(name)) return undefined;
    this.evaluating.push(name);
    const value = this.evaluateExpression(conditions[name]);
    this.evaluating.pop();
    return value;
  }

  private evaluateExpression(expression: unknown): boolean | undefined {
    const name = intrinsicName(expression);
    if (name === undefined || !isRecord(expression)) return undefined;
    const argument = expression[name];
    const operands = Array.isArray(argument) ? argument : [];
    switch (name) {
      case 'Condition':
        return typeof argument === 'string' ? this.evaluateCondition(argument) : undefined;
      case 'Fn::Not': {
        const operand = this.evaluateExpression(operands[0]);
        return operand === undefined ? undefined : !operand;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const values = operands.map((operand) => this.evaluateExpression(operand));
        const decisive = name === 'Fn::And' ? false : true;
        if (values.includes(decisive)) return decisive;
        return values.every((value) => value !== undefined) ? !decisive : undefined;
      }
      case 'Fn::Equals': {
        // Resolved where no finding can point: only the values matter here.
        const [left, right] = operands.slice(0, 2).map((operand) => this.resolve(operand, '/#condition', '#condition'));
        return isScalarText(left) && isScalarText(right) ? String(left) === String(right) : undefined;
      }
      default:
        return undefined;
    }
  }

  private resolveRef(target: string, path: string): unknown {
    if (target === 'AWS::NoValue') return NO_VALUE;
    const { region } = this.options;
    if (target === 'AWS::Region' && region !== undefined) return region;
    if (target === 'AWS::Partition' && region !== undefined) return partitionName(region);
    if (target === 'AWS::URLSuffix' && region !== undefined) return partitionOfRegion(region)?.dnsSuffix ?? 'amazonaws.com';
    if (PSEUDO_PARAMETERS.has(target)) return this.unknown(path);
    const parameter = this.shared.parameter(target);
    if (parameter === undefined) return this.unknown(path);
    const chosen = parameter.choices[this.choose(`parameter:${target}`, parameter.choices.length)];
    if (chosen === undefined) return this.unknown(path);
    if (parameter.isList && typeof chosen.value === 'string') {
      this.origins.set(path, chosen.origin);
      return chosen.value.split(',').map((member) => member.trim());
    }
    return this.from(chosen.origin, chosen.value, path);
  }

  private resolveSub(argument: unknown, path: string, argumentPointer: string): unknown {
    const [text, variables] = Array.isArray(argument) ? argument : [argument, {}];
    if (typeof text !== 'string' || !isRecord(variables)) return this.unknown(path);
    let known = true;
    const substituted = text.replace(/\$\{([^}]*)\}/g, (whole, reference: string) => {
      if (reference.startsWith('!')) return `\${${reference.slice(1)}}`;
      if (Object.hasOwn(variables, reference)) {
        const resolved = this.resolve(variables[reference], childPointer(childPointer(path, 'Fn::Sub'), reference), childPointer(`${argumentPointer}/1`, reference));
        if (isScalarText(resolved)) return String(resolved);
      } else if (['AWS::Region', 'AWS::Partition', 'AWS::URLSuffix'].includes(reference) && this.options.region !== undefined) {
        return String(this.resolveRef(reference, childPointer(childPointer(path, 'Fn::Sub'), reference)));
      }
      known = false;
      return whole;
    });
    return known ? substituted : this.unknown(path);
  }

  private resolveFindInMap(argument: unknown, path: string, argumentPointer: string): unknown {
    if (!Array.isArray(argument) || argument.length < 3) return this.unknown(path);
    const keys = argument.slice(0, 3).map((key, index) => this.resolve(key, childPointer(childPointer(path, 'Fn::FindInMap'), index), `${argumentPointer}/${index}`));
    if (!keys.every((key): key is string => typeof key === 'string')) return this.unknown(path);
    const [mapName, topKey, secondKey] = keys as [string, string, string];
    const mappings = this.template.Mappings;
    const map = isRecord(mappings) ? mappings[mapName] : undefined;
    const top = isRecord(map) ? map[topKey] : undefined;
    if (!isRecord(top) || !Object.hasOwn(top, secondKey)) return this.unknown(path);
    return this.from({ pointer: `/Mappings${formatPointer([mapName, topKey, secondKey])}`, via: `mapping ${mapName}` }, top[secondKey], path);
  }
}

function isScalarText(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
