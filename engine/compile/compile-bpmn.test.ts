/** @module compileBpmn: refuses unsafe input before parsing, reports all problems at once, compiles to pure JSON. */
import { describe, expect, it } from 'vitest';
import { compileBpmn } from '../index';
import { deploy } from '../testing';

const wrap = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
<bpmn:process id="p" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`;

const codes = async (xml: string) => {
  const r = await compileBpmn(xml);
  return r.ok
    ? 'compiles'
    : r.issues.filter((i) => i.severity !== 'warning').map((i) => `${i.code}@${i.elementId}`);
};

describe('compileBpmn', () => {
  it('given a DOCTYPE with entities, when compiled, then it is refused before parsing', async () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><bpmn:definitions/>';
    const r = await compileBpmn(xml);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toHaveLength(1);
  });

  it('given input over the size limit or not XML, when compiled, then each is refused with a clear error', async () => {
    expect((await compileBpmn(wrap('<bpmn:startEvent id="s"/>'), { maxBytes: 100 })).ok).toBe(false);
    const r = await compileBpmn('{"not": "xml"}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toBeTruthy();
  });

  it('given a diagram with several problems, when compiled, then all are reported at once with their element ids', async () => {
    const xml = wrap(`
      <bpmn:startEvent id="s" />
      <bpmn:scriptTask id="js" scriptFormat="javascript"><bpmn:script>x=1</bpmn:script></bpmn:scriptTask>
      <bpmn:serviceTask id="noType" />
      <bpmn:userTask id="badFeel"><bpmn:extensionElements><zeebe:assignmentDefinition assignee="=a +" /></bpmn:extensionElements></bpmn:userTask>
      <bpmn:intermediateCatchEvent id="signal"><bpmn:conditionalEventDefinition /></bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="e" />
      <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="js" />
      <bpmn:sequenceFlow id="f2" sourceRef="js" targetRef="noType" />
      <bpmn:sequenceFlow id="f3" sourceRef="noType" targetRef="badFeel" />
      <bpmn:sequenceFlow id="f4" sourceRef="badFeel" targetRef="signal" />
      <bpmn:sequenceFlow id="f5" sourceRef="signal" targetRef="e" />`);
    expect(await codes(xml)).toEqual([
      'unsupported.script-language@js',
      'unsupported.event@signal',
      'service.missing-type@noType',
      'feel.syntax@badFeel',
    ]);
  });

  it('given a loop of transient elements only, when compiled, then the cycle without a wait state is refused', async () => {
    const xml = wrap(`
      <bpmn:startEvent id="s" />
      <bpmn:exclusiveGateway id="g1" />
      <bpmn:task id="t" />
      <bpmn:exclusiveGateway id="g2" default="back" />
      <bpmn:endEvent id="e" />
      <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="g1" />
      <bpmn:sequenceFlow id="f2" sourceRef="g1" targetRef="t" />
      <bpmn:sequenceFlow id="f3" sourceRef="t" targetRef="g2" />
      <bpmn:sequenceFlow id="back" sourceRef="g2" targetRef="g1" />
      <bpmn:sequenceFlow id="out" sourceRef="g2" targetRef="e"><bpmn:conditionExpression>=done</bpmn:conditionExpression></bpmn:sequenceFlow>`);
    expect(await codes(xml)).toEqual(['CYCLE_WITHOUT_WAIT_STATE@g1']);
  });

  it('given a valid diagram, when compiled, then the machine is plain JSON with element-id state keys and meta.bpmn', async () => {
    const r = await compileBpmn(
      wrap(
        '<bpmn:startEvent id="s" /><bpmn:userTask id="u" name="审核" /><bpmn:endEvent id="e" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="u" /><bpmn:sequenceFlow id="f2" sourceRef="u" targetRef="e" />',
      ),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const machine = r.processes[0].machine as { states: Record<string, { meta?: unknown }> };
    expect(JSON.parse(JSON.stringify(machine))).toEqual(machine);
    expect(machine.states.u.meta).toEqual({ bpmn: { id: 'u', kind: 'userTask', name: '审核' } });
    expect(r.processes[0].info.userTasks).toEqual([{ elementId: 'u', name: '审核' }]);
  });

  it('given element ids with dots, when run, then transitions still resolve', async () => {
    const h = await deploy(
      wrap(
        '<bpmn:startEvent id="a.start" /><bpmn:userTask id="b.task" /><bpmn:endEvent id="c.end" /><bpmn:sequenceFlow id="f1" sourceRef="a.start" targetRef="b.task" /><bpmn:sequenceFlow id="f2" sourceRef="b.task" targetRef="c.end" />',
      ),
    );
    h.start();
    expect(h.active).toEqual(['b.task']);
    h.completeTask('b.task');
    expect(h.status).toBe('completed');
  });
});
