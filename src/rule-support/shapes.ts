import type { ServiceModel, ValueShape } from '../model/shapes.js';
import { childPointer, parsePointer } from '../loaders/source-document.js';
import { isRecord } from '../values.js';

/** The shape the model gives the value at a pointer, or undefined where the model has no such member. */
export function shapeAt(model: ServiceModel, pointer: string): ValueShape | undefined {
  let shape: ValueShape | undefined = { type: 'structure', name: model.root };
  for (const segment of parsePointer(pointer)) {
    shape = childShape(model, shape, segment);
    if (shape === undefined) return undefined;
  }
  return shape;
}

function childShape(model: ServiceModel, shape: ValueShape, segment: string): ValueShape | undefined {
  switch (shape.type) {
    case 'structure':
      return model.structures[shape.name]?.members[segment];
    case 'list':
      return /^\d+$/.test(segment) ? shape.items : undefined;
    case 'map':
      return shape.values;
    default:
      return undefined;
  }
}

export interface ShapedValue {
  pointer: string;
  value: unknown;
  shape: ValueShape;
}

/**
 * Every value in `root` that the model types with a shape `wanted` accepts, walking only where value and model
 * agree (a member the model does not know, or a list given as an object, is the business of other rules).
 * `wanted` should be one function for all calls, not made anew for each: what it accepts is worked out once.
 */
export function valuesOfShape(
  model: ServiceModel,
  root: unknown,
  wanted: (shape: ValueShape) => boolean,
): ShapedValue[] {
  const found: ShapedValue[] = [];
  const { holdingMembers, holds } = shapesHolding(model, wanted);
  const visit = (value: unknown, shape: ValueShape, pointer: string): void => {
    if (wanted(shape)) found.push({ pointer, value, shape });
    if (shape.type === 'structure' && isRecord(value)) {
      for (const [name, member] of holdingMembers.get(shape.name) ?? []) {
        if (Object.hasOwn(value, name)) visit(value[name], member, childPointer(pointer, name));
      }
    } else if (shape.type === 'list' && Array.isArray(value)) {
      if (holds(shape.items)) value.forEach((item, index) => visit(item, shape.items, childPointer(pointer, index)));
    } else if (shape.type === 'map' && isRecord(value)) {
      if (holds(shape.values)) for (const [key, item] of Object.entries(value)) visit(item, shape.values, childPointer(pointer, key));
    }
  };
  visit(root, { type: 'structure', name: model.root }, '');
  return found;
}

interface ShapesHolding {
  /** By structure name: its members, in the model's order, whose values can hold a wanted one. */
  holdingMembers: ReadonlyMap<string, readonly (readonly [string, ValueShape])[]>;
  /** Whether a value of the shape is wanted, or can hold one that is. */
  holds(shape: ValueShape): boolean;
}

/**
 * Where in a model values of the wanted shapes can be: the walk of a value goes only there, as most members hold
 * none (a definition has a handful of S3 URIs and one instance type among dozens of values). Worked out once per
 * predicate and model.
 */
function shapesHolding(model: ServiceModel, wanted: (shape: ValueShape) => boolean): ShapesHolding {
  const byModel = holdingByPredicate.get(wanted) ?? new WeakMap<ServiceModel, ShapesHolding>();
  holdingByPredicate.set(wanted, byModel);
  const known = byModel.get(model);
  if (known !== undefined) return known;
  const holdingStructures = new Set<string>();
  const holds = (shape: ValueShape): boolean => {
    if (wanted(shape)) return true;
    if (shape.type === 'structure') return holdingStructures.has(shape.name);
    if (shape.type === 'list') return holds(shape.items);
    return shape.type === 'map' && holds(shape.values);
  };
  // Structures may refer to each other: a structure holds wanted values when one of its members does, until no
  // more are found.
  for (let grown = true; grown; ) {
    grown = false;
    for (const [name, structure] of Object.entries(model.structures)) {
      if (holdingStructures.has(name) || !Object.values(structure.members).some(holds)) continue;
      holdingStructures.add(name);
      grown = true;
    }
  }
  const holdingMembers = new Map(
    Object.entries(model.structures).map(([name, structure]) => [name, Object.entries(structure.members).filter(([, member]) => holds(member))] as const),
  );
  const holding = { holdingMembers, holds };
  byModel.set(model, holding);
  return holding;
}

const holdingByPredicate = new WeakMap<(shape: ValueShape) => boolean, WeakMap<ServiceModel, ShapesHolding>>();

/** The member or item of a value that an (unescaped) segment of a pointer names, or undefined. */
export function childValue(value: unknown, segment: string): unknown {
  if (Array.isArray(value)) return /^\d+$/.test(segment) ? value[Number(segment)] : undefined;
  return isRecord(value) && Object.hasOwn(value, segment) ? value[segment] : undefined;
}
