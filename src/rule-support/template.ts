import type { TemplateContext } from '../definitions/definition.js';
import { intrinsicName } from '../definitions/intrinsics.js';
import { formatPointer } from '../loaders/source-document.js';
import { isRecord } from '../values.js';

export interface IntrinsicCall {
  /** `Ref`, `Condition`, `Fn::GetAtt`, … */
  name: string;
  argument: unknown;
  /** JSON Pointer of the function's key (`…/RoleArn/Fn::GetAtt`) in the document. */
  pointer: string;
}

/** Every intrinsic function call in `value` (written at `pointer`), nested ones included. */
export function intrinsicCalls(value: unknown, pointer: string): IntrinsicCall[] {
  const calls: IntrinsicCall[] = [];
  const visit = (current: unknown, at: string): void => {
    const name = intrinsicName(current);
    if (name !== undefined && isRecord(current)) {
      const callPointer = at + formatPointer([name]);
      calls.push({ name, argument: current[name], pointer: callPointer });
      visit(current[name], callPointer);
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => visit(item, `${at}/${index}`));
    } else if (isRecord(current)) {
      for (const [key, member] of Object.entries(current)) visit(member, at + formatPointer([key]));
    }
  };
  visit(value, pointer);
  return calls;
}

/** A top-level section of the template (`Parameters`, `Resources`, …) as a map, or an empty one. */
export function section(template: TemplateContext, name: string): Record<string, unknown> {
  const value = template.value[name];
  return isRecord(value) ? value : {};
}

export const SCHEDULE_RESOURCE_TYPE = 'AWS::SageMaker::MonitoringSchedule';

export interface LinkedSchedule {
  logicalId: string;
  /** Document pointer of the schedule's `MonitoringScheduleConfig`. */
  configPointer: string;
  config: Record<string, unknown>;
  /** How the schedule names the definition: its literal name, or a `Ref`/`Fn::GetAtt` to the resource. */
  namedBy: 'name' | 'Ref' | 'Fn::GetAtt';
}

/**
 * The `AWS::SageMaker::MonitoringSchedule` resources of the template that name this definition in
 * `MonitoringJobDefinitionName`: by the same literal as its resolved `JobDefinitionName`, by the same expression as
 * written there (`!Ref NameParameter` in both places), or by a `Ref`/`Fn::GetAtt` to its resource. In resource order.
 * Three rules ask for every variant, and the variants of a resource mostly resolve the same name: found once per
 * resource and name.
 */
export function linkedSchedules(template: TemplateContext, jobDefinitionName: unknown): readonly LinkedSchedule[] {
  const name = typeof jobDefinitionName === 'string' ? jobDefinitionName : undefined;
  let byResource = linkedByTemplate.get(template.value);
  if (byResource === undefined) linkedByTemplate.set(template.value, (byResource = new Map()));
  let byName = byResource.get(template.logicalId);
  if (byName === undefined) byResource.set(template.logicalId, (byName = new Map()));
  let linked = byName.get(name);
  if (linked === undefined) byName.set(name, (linked = findLinkedSchedules(template, name)));
  return linked;
}

/** Template → logical id of a definition → its resolved name (undefined when not a string) → its schedules. */
const linkedByTemplate = new WeakMap<Record<string, unknown>, Map<string, Map<string | undefined, readonly LinkedSchedule[]>>>();

function findLinkedSchedules(template: TemplateContext, jobDefinitionName: string | undefined): LinkedSchedule[] {
  const definition = section(template, 'Resources')[template.logicalId];
  const writtenName = isRecord(definition) && isRecord(definition.Properties) ? definition.Properties.JobDefinitionName : undefined;
  const index = schedulesByNaming(template);
  // A schedule found under several keys is named by the first, as the order above says.
  const keys = [
    ...(jobDefinitionName !== undefined ? [`name ${jobDefinitionName}`] : []),
    ...(writtenName !== undefined ? [`expression ${JSON.stringify(writtenName)}`] : []),
    `resource ${template.logicalId}`,
  ];
  const linked = new Map<number, LinkedSchedule>();
  for (const key of keys) {
    for (const { order, schedule } of index.get(key) ?? []) {
      if (!linked.has(order)) linked.set(order, schedule);
    }
  }
  return [...linked].sort(([a], [b]) => a - b).map(([, schedule]) => schedule);
}

type ScheduleIndex = Map<string, { order: number; schedule: LinkedSchedule }[]>;

/**
 * The template's schedules by each way their `MonitoringJobDefinitionName` can name a definition, built once per
 * template: a template with thousands of definitions would otherwise have each of them, for each rule and variant,
 * walk all its resources.
 */
const scheduleIndexes = new WeakMap<Record<string, unknown>, ScheduleIndex>();

function schedulesByNaming(template: TemplateContext): ScheduleIndex {
  const known = scheduleIndexes.get(template.value);
  if (known !== undefined) return known;
  const index: ScheduleIndex = new Map();
  Object.entries(section(template, 'Resources')).forEach(([logicalId, resource], order) => {
    if (!isRecord(resource) || resource.Type !== SCHEDULE_RESOURCE_TYPE || !isRecord(resource.Properties)) return;
    const config = resource.Properties.MonitoringScheduleConfig;
    if (!isRecord(config)) return;
    const configPointer = `/Resources${formatPointer([logicalId, 'Properties', 'MonitoringScheduleConfig'])}`;
    for (const { key, namedBy } of namings(config.MonitoringJobDefinitionName)) {
      const schedules = index.get(key) ?? [];
      schedules.push({ order, schedule: { logicalId, configPointer, config, namedBy } });
      index.set(key, schedules);
    }
  });
  scheduleIndexes.set(template.value, index);
  return index;
}

/** The keys under which a schedule's `MonitoringJobDefinitionName` is found, each with how it names the definition. */
function namings(name: unknown): { key: string; namedBy: LinkedSchedule['namedBy'] }[] {
  if (typeof name === 'string') return [{ key: `name ${name}`, namedBy: 'name' }];
  const function_ = intrinsicName(name);
  if (!isRecord(name) || function_ === undefined) return [];
  const found: { key: string; namedBy: LinkedSchedule['namedBy'] }[] = [{ key: `expression ${JSON.stringify(name)}`, namedBy: 'name' }];
  const argument = name[function_];
  if (function_ === 'Ref' && typeof argument === 'string') found.push({ key: `resource ${argument}`, namedBy: 'Ref' });
  if (function_ === 'Fn::GetAtt') {
    const target = Array.isArray(argument) ? argument[0] : typeof argument === 'string' ? argument.split('.')[0] : undefined;
    if (typeof target === 'string') found.push({ key: `resource ${target}`, namedBy: 'Fn::GetAtt' });
  }
  return found;
}
