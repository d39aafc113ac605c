import type { ServiceModel, ValueShape } from '../model/shapes.js';
import { formatPointer, parsePointer } from '../loaders/source-document.js';
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
 */
export function valuesOfShape(
  model: ServiceModel,
  root: unknown,
  wanted: (shape: ValueShape) => boolean,
): ShapedValue[] {
  const found: ShapedValue[] = [];
  const visit = (value: unknown, shape: ValueShape, path: (string | number)[]): void => {
    if (wanted(shape)) found.push({ pointer: formatPointer(path), value, shape });
    if (shape.type === 'structure' && isRecord(value)) {
      const members = model.structures[shape.name]?.members ?? {};
      for (const [name, member] of Object.entries(members)) {
        if (Object.hasOwn(value, name)) visit(value[name], member, [...path, name]);
      }
    } else if (shape.type === 'list' && Array.isArray(value)) {
      value.forEach((item, index) => visit(item, shape.items, [...path, index]));
    } else if (shape.type === 'map' && isRecord(value)) {
      for (const [key, item] of Object.entries(value)) visit(item, shape.values, [...path, key]);
    }
  };
  visit(root, { type: 'structure', name: model.root }, []);
  return found;
}

/** The value at a pointer, or undefined when any step is missing. */
export function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(value) && /^\d+$/.test(segment)) value = value[Number(segment)];
    else if (isRecord(value) && Object.hasOwn(value, segment)) value = value[segment];
    else return undefined;
  }
  return value;
}
