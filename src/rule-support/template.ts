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
 * `MonitoringJobDefinitionName`: by its literal `JobDefinitionName`, or by a reference to its resource.
 */
export function linkedSchedules(template: TemplateContext, jobDefinitionName: unknown): LinkedSchedule[] {
  const definition = section(template, 'Resources')[template.logicalId];
  const writtenName = isRecord(definition) && isRecord(definition.Properties) ? definition.Properties.JobDefinitionName : undefined;
  const linked: LinkedSchedule[] = [];
  for (const [logicalId, resource] of Object.entries(section(template, 'Resources'))) {
    if (!isRecord(resource) || resource.Type !== SCHEDULE_RESOURCE_TYPE || !isRecord(resource.Properties)) continue;
    const config = resource.Properties.MonitoringScheduleConfig;
    if (!isRecord(config)) continue;
    const namedBy = howNamed(config.MonitoringJobDefinitionName, template.logicalId, jobDefinitionName, writtenName);
    if (namedBy === undefined) continue;
    linked.push({
      logicalId,
      configPointer: `/Resources${formatPointer([logicalId, 'Properties', 'MonitoringScheduleConfig'])}`,
      config,
      namedBy,
    });
  }
  return linked;
}

/**
 * How a schedule's `MonitoringJobDefinitionName` names the definition: the same literal as its resolved
 * `JobDefinitionName`, the same expression as written there (`!Ref NameParameter` in both places), or a reference
 * to the definition's resource.
 */
function howNamed(
  name: unknown,
  logicalId: string,
  jobDefinitionName: unknown,
  writtenName: unknown,
): LinkedSchedule['namedBy'] | undefined {
  if (typeof name === 'string') return typeof jobDefinitionName === 'string' && name === jobDefinitionName ? 'name' : undefined;
  const function_ = intrinsicName(name);
  if (!isRecord(name) || function_ === undefined) return undefined;
  if (writtenName !== undefined && JSON.stringify(name) === JSON.stringify(writtenName)) return 'name';
  const argument = name[function_];
  if (function_ === 'Ref' && argument === logicalId) return 'Ref';
  if (function_ === 'Fn::GetAtt') {
    const target = Array.isArray(argument) ? argument[0] : typeof argument === 'string' ? argument.split('.')[0] : undefined;
    if (target === logicalId) return 'Fn::GetAtt';
  }
  return undefined;
}
