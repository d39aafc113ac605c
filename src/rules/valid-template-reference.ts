import { PSEUDO_PARAMETERS } from '../definitions/intrinsics.js';
import { formatPointer } from '../loaders/source-document.js';
import type { TemplateContext } from '../definitions/definition.js';
import { defineRule, type Report } from '../rule-support/define-rule.js';
import { intrinsicCalls, section } from '../rule-support/template.js';
import { isRecord, quote } from '../values.js';

export default defineRule({
  id: 'valid-template-reference',
  title: 'Refer only to what the template defines',
  description:
    'Every `Ref`, `Fn::GetAtt`, `Fn::Sub` variable, `Fn::If` condition, `Fn::FindInMap` key, `Condition` and ' +
    '`DependsOn` of a bias job resource names something the template defines, and conditions do not refer to ' +
    'themselves in a cycle.',
  severity: 'error',
  appliesTo: ['cfn-resource'],
  docs: {
    rationale:
      'CloudFormation rejects a template whose references do not resolve ("Unresolved resource dependencies", ' +
      '"Template format error: Unresolved dependencies", "Circular dependency between conditions") before it ' +
      'creates anything, but only when it is deployed. A misspelt parameter or condition name is the most common ' +
      'cause. See the CloudFormation intrinsic function reference.',
  },
  // The template as written, the same for every variant.
  reads: [],
  check(context) {
    if (context.template === undefined) return;
    for (const report of referenceProblems(context.template)) context.report(report);
  },
});

/**
 * What the rule reports for a resource: the same for each of its deployable variants, since it reads the template
 * as written. Found once per resource.
 */
function referenceProblems(template: TemplateContext): readonly Report[] {
  const byLogicalId = problemsByTemplate.get(template.value) ?? new Map<string, readonly Report[]>();
  problemsByTemplate.set(template.value, byLogicalId);
  let problems = byLogicalId.get(template.logicalId);
  if (problems === undefined) {
    problems = findReferenceProblems(template);
    byLogicalId.set(template.logicalId, problems);
  }
  return problems;
}

const problemsByTemplate = new WeakMap<Record<string, unknown>, Map<string, readonly Report[]>>();

function findReferenceProblems(template: TemplateContext): Report[] {
  const problems: Report[] = [];
  const parameters = section(template, 'Parameters');
  const resources = section(template, 'Resources');
  const conditions = section(template, 'Conditions');
  const mappings = section(template, 'Mappings');
  const resourcePointer = `/Resources${formatPointer([template.logicalId])}`;
  const resource = resources[template.logicalId];
  if (!isRecord(resource)) return problems;
  const usedConditions = new Map<string, string>();

  for (const { name, argument, pointer } of intrinsicCalls(resource, resourcePointer)) {
    if (name === 'Ref' && typeof argument === 'string') {
      if (!PSEUDO_PARAMETERS.has(argument) && !(argument in parameters) && !(argument in resources)) {
        problems.push({ at: pointer, absolute: true, message: `Ref names ${quote(argument)}, which is neither a parameter nor a resource of this template.` });
      }
    } else if (name === 'Fn::GetAtt') {
      const target = Array.isArray(argument) ? argument[0] : typeof argument === 'string' ? argument.split('.')[0] : undefined;
      if (typeof target === 'string' && !(target in resources)) {
        problems.push({ at: pointer, absolute: true, message: `Fn::GetAtt names ${quote(target)}, which is not a resource of this template.` });
      }
    } else if (name === 'Fn::If' && Array.isArray(argument) && typeof argument[0] === 'string') {
      usedConditions.set(argument[0], `${pointer}/0`);
    } else if (name === 'Fn::Sub') {
      const [text, variables] = Array.isArray(argument) ? argument : [argument, {}];
      if (typeof text !== 'string') continue;
      for (const match of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
        const reference = match[1] ?? '';
        const target = reference.split('.')[0] ?? reference;
        const known = (isRecord(variables) && reference in variables) || PSEUDO_PARAMETERS.has(reference) || target in parameters || target in resources;
        if (!known) {
          problems.push({ at: pointer, absolute: true, message: `Fn::Sub refers to \${${reference}}, which is neither a variable, a parameter nor a resource of this template.` });
        }
      }
    } else if (name === 'Fn::FindInMap' && Array.isArray(argument)) {
      const [map, top, second] = argument;
      if (typeof map !== 'string') continue;
      const mapping = mappings[map];
      if (!isRecord(mapping)) {
        problems.push({ at: `${pointer}/0`, absolute: true, message: `Fn::FindInMap names the mapping ${quote(map)}, which the template does not define.` });
      } else if (typeof top === 'string' && !(top in mapping)) {
        problems.push({ at: `${pointer}/1`, absolute: true, message: `Fn::FindInMap names the key ${quote(top)}, which the mapping ${map} does not have.` });
      } else if (typeof top === 'string' && typeof second === 'string' && isRecord(mapping[top]) && !(second in (mapping[top] as object))) {
        problems.push({ at: `${pointer}/2`, absolute: true, message: `Fn::FindInMap names the key ${quote(second)}, which ${map}.${top} does not have.` });
      }
    }
  }
  if (typeof resource.Condition === 'string') usedConditions.set(resource.Condition, `${resourcePointer}/Condition`);
  const dependsOn = typeof resource.DependsOn === 'string' ? [resource.DependsOn] : Array.isArray(resource.DependsOn) ? resource.DependsOn : [];
  dependsOn.forEach((dependency, index) => {
    if (typeof dependency === 'string' && !(dependency in resources)) {
      const at = `${resourcePointer}/DependsOn${Array.isArray(resource.DependsOn) ? `/${index}` : ''}`;
      problems.push({ at, absolute: true, message: `DependsOn names ${quote(dependency)}, which is not a resource of this template.` });
    }
  });

  for (const [condition, pointer] of usedConditions) {
    if (!(condition in conditions)) {
      problems.push({ at: pointer, absolute: true, message: `The condition ${quote(condition)} is not defined in Conditions.` });
    }
  }
  const graph = conditionGraph([...usedConditions.keys()], conditions);
  for (const { name, pointer } of graph.undefinedReferences) {
    problems.push({ at: pointer, absolute: true, message: `The condition ${quote(name)} is not defined in Conditions.` });
  }
  for (const cycle of graph.cycles) {
    const [first = ''] = cycle;
    problems.push({
      at: `/Conditions${formatPointer([first])}`,
      absolute: true,
      target: 'key',
      message:
        cycle.length === 1
          ? `The condition ${quote(first)} refers to itself.`
          : `The conditions ${[...cycle, first].join(' → ')} refer to each other in a cycle.`,
    });
  }
  return problems;
}

interface ConditionGraph {
  /** `{ Condition: X }` calls inside Conditions that name no condition. */
  undefinedReferences: { name: string; pointer: string }[];
  /** Each cycle once, starting at its member declared first in Conditions. */
  cycles: string[][];
}

/** What the conditions reachable from `used` refer to, through `{ Condition: … }` calls. */
function conditionGraph(used: readonly string[], conditions: Record<string, unknown>): ConditionGraph {
  const graph: ConditionGraph = { undefinedReferences: [], cycles: [] };
  const order = Object.keys(conditions);
  const seenCycles = new Set<string>();
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (name: string): void => {
    const index = path.indexOf(name);
    if (index !== -1) {
      const members = path.slice(index);
      const start = members.reduce((best, member) => (order.indexOf(member) < order.indexOf(best) ? member : best));
      const rotated = [...members.slice(members.indexOf(start)), ...members.slice(0, members.indexOf(start))];
      if (!seenCycles.has(rotated.join('\0'))) {
        seenCycles.add(rotated.join('\0'));
        graph.cycles.push(rotated);
      }
      return;
    }
    if (done.has(name) || !(name in conditions)) return;
    path.push(name);
    for (const call of intrinsicCalls(conditions[name], `/Conditions${formatPointer([name])}`)) {
      if (call.name !== 'Condition' || typeof call.argument !== 'string') continue;
      if (call.argument in conditions) visit(call.argument);
      else graph.undefinedReferences.push({ name: call.argument, pointer: call.pointer });
    }
    path.pop();
    done.add(name);
  };
  for (const name of used) visit(name);
  return graph;
}
