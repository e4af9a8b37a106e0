/** @module A machine whose guard is unknown to this engine fails the step it runs in, never the process later. */
import { describe, expect, it } from 'vitest';
import { compileBpmn, startProcess } from '../index';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s" /><bpmn:manualTask id="m" /><bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="m" /><bpmn:sequenceFlow id="f2" sourceRef="m" targetRef="e" />
  </bpmn:process></bpmn:definitions>`;

describe('a step that throws inside the machine', () => {
  it('given a stored machine naming a guard this engine lacks, when it starts, then the call throws at once', async () => {
    const compiled = await compileBpmn(XML);
    if (!compiled.ok) throw new Error('fixture must compile');
    const process = compiled.processes[0];
    // Simulate a machine compiled by an older engine: every guard reference renamed to one that does not exist.
    const stale = {
      ...process,
      machine: JSON.parse(
        JSON.stringify(process.machine)
          .replace(/"guard":\{"type":"[^"]+"/g, '"guard":{"type":"gone.guard"')
          .replace(/"type":"([a-z]+\.[a-zA-Z.]+)"/g, '"type":"gone.$1"'),
      ),
    };
    let crashed: unknown;
    const onUncaught = (e: unknown) => {
      crashed = e;
    };
    process_on(onUncaught);
    expect(() => startProcess(stale, { variables: {}, at: '2026-11-27T10:00:00+08:00' })).toThrow();
    await new Promise((r) => setTimeout(r, 20));
    process_off(onUncaught);
    expect(crashed).toBeUndefined();
  });
});

function process_on(fn: (e: unknown) => void) {
  globalThis.process.on('uncaughtException', fn);
}
function process_off(fn: (e: unknown) => void) {
  globalThis.process.off('uncaughtException', fn);
}
