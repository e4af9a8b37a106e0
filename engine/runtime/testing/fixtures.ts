/** @module BPMN fixtures for the runtime tests: small Camunda 8 diagrams, each exercising one kind of durable work. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** fill → review → (approved? legal ∥ security : fill) → publish (service task) → end. */
export const approvalXml = readFileSync(path.join(here, 'approval.bpmn'), 'utf8');

/** Wraps process elements into a definitions document; `flows` is a chain of element ids joined by sequence flows. */
export function processXml(id: string, elements: string, chain: string[], extra = ''): string {
  const flows = chain
    .slice(1)
    .map((to, i) => `<bpmn:sequenceFlow id="${id}_f${i}" sourceRef="${chain[i]}" targetRef="${to}" />`)
    .join('\n    ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs_${id}" targetNamespace="http://huiliu.example/test">
  ${extra}
  <bpmn:process id="${id}" name="${id}" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${elements}
    <bpmn:endEvent id="end" />
    ${flows}
  </bpmn:process>
</bpmn:definitions>`;
}

export const userTask = (id: string, groups = 'unit.leader', extra = '') =>
  `<bpmn:userTask id="${id}" name="${id}"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="${groups}" />${extra}</bpmn:extensionElements></bpmn:userTask>`;

/** One user task `approve`; `name` lets a test deploy a changed version of the same key. */
export const oneTaskXml = (key = 'one-task', name = 'approve', groups = 'unit.leader') =>
  processXml(key, userTask('approve', groups).replace('name="approve"', `name="${name}"`), [
    'start',
    'approve',
    'end',
  ]);

/** A 1-hour timer, then a user task. */
export const timerXml = processXml(
  'timed',
  `<bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    ${userTask('after')}`,
  ['start', 'wait', 'after', 'end'],
);

/** A service task of type `publish` with 2 retries, then a user task. */
export const serviceXml = processXml(
  'served',
  `<bpmn:serviceTask id="publish" name="publish"><bpmn:extensionElements><zeebe:taskDefinition type="publish" retries="2" /></bpmn:extensionElements></bpmn:serviceTask>
    ${userTask('after')}`,
  ['start', 'publish', 'after', 'end'],
);

/** Parent calls `child` (all child variables propagate back), then waits in `after`. */
export const parentXml = processXml(
  'parent',
  `<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child" propagateAllChildVariables="true" /></bpmn:extensionElements></bpmn:callActivity>
    ${userTask('after')}`,
  ['start', 'call', 'after', 'end'],
);
export const childXml = processXml('child', userTask('childTask'), ['start', 'childTask', 'end']);

/** Waits for message `paid` correlated by `orderId`. */
export const messageXml = processXml(
  'paying',
  `<bpmn:intermediateCatchEvent id="waitPaid"><bpmn:messageEventDefinition messageRef="Msg_paid" /></bpmn:intermediateCatchEvent>`,
  ['start', 'waitPaid', 'end'],
  `<bpmn:message id="Msg_paid" name="paid"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements></bpmn:message>`,
);

/** A FEEL script that fails unless `divisor` is a number. */
export const scriptXml = processXml(
  'scripted',
  `<bpmn:scriptTask id="calc"><bpmn:extensionElements><zeebe:script expression="=10 / divisor" resultVariable="q" /></bpmn:extensionElements></bpmn:scriptTask>
    ${userTask('after')}`,
  ['start', 'calc', 'after', 'end'],
);
