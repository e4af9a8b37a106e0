/** @module ui/pages/modeler/lint/lint.test: each rule on a diagram it must refuse and on ones it must accept. */
import { readFileSync } from 'node:fs';
// @ts-expect-error bpmn-moddle ships no type declarations for its ESM entry
import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { lintDefinitions } from './lint-definitions';

const moddle = new BpmnModdle({ zeebe });
const parse = async (xml: string) => (await moddle.fromXML(xml, 'bpmn:Definitions')).rootElement;

/** A process around `body`; `s`→`e` style flows are written by the caller. */
const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">${body}</bpmn:process>
  <bpmn:message id="m" name="paid" />
  <bpmn:error id="err" name="failed" errorCode="E_FAILED" />
</bpmn:definitions>`;
const flow = (id: string, from: string, to: string, condition?: string) =>
  condition
    ? `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`
    : `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
/** start → `middle` (ids a..) → end, so only the element under test can be wrong. */
const around = (middle: string, first = 'a', last = 'a') =>
  xml(
    `<bpmn:startEvent id="s" />${middle}<bpmn:endEvent id="e" />${flow('f-s', 's', first)}${flow('f-e', last, 'e')}`,
  );
const assigned =
  '<bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="unit.leader" /></bpmn:extensionElements>';

async function issuesOf(doc: string, lang: 'zh' | 'en' = 'zh') {
  return lintDefinitions(await parse(doc), lang);
}
/** With the server rules: the engine's compileBpmn run on the same XML. */
async function withServer(doc: string, lang: 'zh' | 'en' = 'zh') {
  return lintDefinitions(await parse(doc), lang, async () => doc);
}
const ruleHits = async (doc: string, rule: string) =>
  (await issuesOf(doc)).filter((i) => i.rule === `huiliu/${rule}`).map((i) => i.elementId);

const CASES: { rule: string; bad: string; good: string; at: string }[] = [
  {
    rule: 'unsupported-element',
    // (send tasks and throw events run since #13; a JavaScript script never will: no arbitrary code on the server)
    bad: around(
      '<bpmn:scriptTask id="a" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>',
    ),
    good: around(`<bpmn:userTask id="a">${assigned}</bpmn:userTask>`),
    at: 'a',
  },
  {
    rule: 'user-task-assignment',
    bad: around('<bpmn:userTask id="a" />'),
    good: around(
      '<bpmn:userTask id="a"><bpmn:extensionElements><zeebe:assignmentDefinition assignee="=initiator" /></bpmn:extensionElements></bpmn:userTask>',
    ),
    at: 'a',
  },
  {
    rule: 'generic-task',
    bad: around('<bpmn:task id="a" />'),
    good: around(`<bpmn:userTask id="a">${assigned}</bpmn:userTask>`),
    at: 'a',
  },
  {
    rule: 'gateway-conditions',
    bad: around(
      `<bpmn:exclusiveGateway id="g" /><bpmn:task id="a" /><bpmn:task id="b" />${flow('f-a', 'g', 'a', '=x &gt; 1')}${flow('f-b', 'g', 'b')}${flow('f-be', 'b', 'e')}`,
      'g',
    ),
    good: around(
      `<bpmn:exclusiveGateway id="g" default="f-b" /><bpmn:task id="a" /><bpmn:task id="b" />${flow('f-a', 'g', 'a', '=x &gt; 1')}${flow('f-b', 'g', 'b')}${flow('f-be', 'b', 'e')}`,
      'g',
    ),
    at: 'f-b',
  },
  {
    rule: 'process-start',
    bad: xml(`<bpmn:task id="a" /><bpmn:endEvent id="e" />${flow('f', 'a', 'e')}`),
    good: around('<bpmn:task id="a" />'),
    at: 'p',
  },
  {
    rule: 'end-required',
    bad: xml(
      `<bpmn:startEvent id="s" /><bpmn:userTask id="a">${assigned}</bpmn:userTask>${flow('f', 's', 'a')}`,
    ),
    good: around('<bpmn:task id="a" />'),
    at: 'p',
  },
  {
    rule: 'disconnected',
    bad: around('<bpmn:task id="a" /><bpmn:task id="lonely" />'),
    good: around('<bpmn:task id="a" />'),
    at: 'lonely',
  },
  {
    rule: 'timer-definition',
    bad: around(
      '<bpmn:intermediateCatchEvent id="a"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>',
    ),
    good: around(
      '<bpmn:intermediateCatchEvent id="a"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
    ),
    at: 'a',
  },
  {
    rule: 'implicit-split',
    bad: around(
      `<bpmn:task id="a" /><bpmn:task id="b" />${flow('f-b', 's', 'b')}${flow('f-be', 'b', 'e')}`,
      'a',
    ),
    good: around('<bpmn:task id="a" />'),
    at: 's',
  },
  {
    rule: 'service-task-type',
    bad: around('<bpmn:serviceTask id="a" />'),
    good: around(
      '<bpmn:serviceTask id="a"><bpmn:extensionElements><zeebe:taskDefinition type="notify" /></bpmn:extensionElements></bpmn:serviceTask>',
    ),
    at: 'a',
  },
  {
    rule: 'message-reference',
    bad: around('<bpmn:receiveTask id="a" />'),
    good: around('<bpmn:receiveTask id="a" messageRef="m" />'),
    at: 'a',
  },
  {
    rule: 'feel-syntax',
    bad: around(
      '<bpmn:userTask id="a"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="=&quot;unit.rectifier@&quot; +" /></bpmn:extensionElements></bpmn:userTask>',
    ),
    good: around(
      '<bpmn:userTask id="a"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="=&quot;unit.rectifier@&quot; + sourceUnitId" /></bpmn:extensionElements></bpmn:userTask>',
    ),
    at: 'a',
  },
  {
    rule: 'error-boundary-host',
    bad: around(
      `<bpmn:userTask id="a">${assigned}</bpmn:userTask><bpmn:boundaryEvent id="b" attachedToRef="a"><bpmn:errorEventDefinition errorRef="err" /></bpmn:boundaryEvent>${flow('f-b', 'b', 'e')}`,
    ),
    good: around(
      `<bpmn:serviceTask id="a"><bpmn:extensionElements><zeebe:taskDefinition type="x" /></bpmn:extensionElements></bpmn:serviceTask><bpmn:boundaryEvent id="b" attachedToRef="a"><bpmn:errorEventDefinition errorRef="err" /></bpmn:boundaryEvent>${flow('f-b', 'b', 'e')}`,
    ),
    at: 'b',
  },
  {
    rule: 'error-end-code',
    bad: xml(
      `<bpmn:startEvent id="s" /><bpmn:endEvent id="e"><bpmn:errorEventDefinition /></bpmn:endEvent>${flow('f', 's', 'e')}`,
    ),
    good: xml(
      `<bpmn:startEvent id="s" /><bpmn:endEvent id="e"><bpmn:errorEventDefinition errorRef="err" /></bpmn:endEvent>${flow('f', 's', 'e')}`,
    ),
    at: 'e',
  },
  {
    rule: 'called-process',
    bad: around('<bpmn:callActivity id="a" />'),
    good: around(
      '<bpmn:callActivity id="a"><bpmn:extensionElements><zeebe:calledElement processId="bulletin" /></bpmn:extensionElements></bpmn:callActivity>',
    ),
    at: 'a',
  },
  {
    rule: 'script-task',
    bad: around(
      '<bpmn:scriptTask id="a"><bpmn:extensionElements><zeebe:script expression="=1 + 1" /></bpmn:extensionElements></bpmn:scriptTask>',
    ),
    good: around(
      '<bpmn:scriptTask id="a"><bpmn:extensionElements><zeebe:script expression="=1 + 1" resultVariable="two" /></bpmn:extensionElements></bpmn:scriptTask>',
    ),
    at: 'a',
  },
  {
    rule: 'event-gateway-targets',
    bad: around(
      `<bpmn:eventBasedGateway id="g" /><bpmn:task id="a" /><bpmn:intermediateCatchEvent id="t"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>${flow('f-a', 'g', 'a')}${flow('f-t', 'g', 't')}${flow('f-te', 't', 'e')}`,
      'g',
    ),
    good: around(
      `<bpmn:eventBasedGateway id="g" /><bpmn:intermediateCatchEvent id="a"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent><bpmn:intermediateCatchEvent id="t"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>${flow('f-a', 'g', 'a')}${flow('f-t', 'g', 't')}${flow('f-te', 't', 'e')}`,
      'g',
    ),
    at: 'g',
  },
  {
    rule: 'start-incoming',
    bad: around(`<bpmn:task id="a" />${flow('f-back', 'a', 's')}`),
    good: around('<bpmn:task id="a" />'),
    at: 's',
  },
  {
    rule: 'conditional-from-activity',
    bad: xml(`<bpmn:startEvent id="s" /><bpmn:endEvent id="e" />${flow('f', 's', 'e', '=true')}`),
    good: xml(`<bpmn:startEvent id="s" /><bpmn:endEvent id="e" />${flow('f', 's', 'e')}`),
    at: 'f',
  },
  {
    rule: 'sub-process-start',
    bad: around('<bpmn:subProcess id="a"><bpmn:task id="in" /></bpmn:subProcess>'),
    good: around(
      `<bpmn:subProcess id="a"><bpmn:startEvent id="in-s" /><bpmn:endEvent id="in-e" />${flow('in-f', 'in-s', 'in-e')}</bpmn:subProcess>`,
    ),
    at: 'a',
  },
  {
    rule: 'multi-instance-collection',
    bad: around(
      `<bpmn:userTask id="a">${assigned.replace('</bpmn:extensionElements>', '</bpmn:extensionElements><bpmn:multiInstanceLoopCharacteristics />')}</bpmn:userTask>`,
    ),
    good: around(
      `<bpmn:userTask id="a">${assigned}<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=reviewers" inputElement="reviewer" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>`,
    ),
    at: 'a',
  },
];

describe('huiliu lint rules', () => {
  for (const c of CASES) {
    it(`given a diagram breaking ${c.rule}, when linted, then ${c.at} is reported; and its fixed twin is clean`, async () => {
      expect(await ruleHits(c.bad, c.rule)).toContain(c.at);
      expect(await ruleHits(c.good, c.rule)).toEqual([]);
    });
  }

  it('given the shipped processes, when linted, then nothing is reported (they deploy as they are)', async () => {
    for (const name of ['catalog-registration', 'catalog-change', 'data-problem', 'bulletin']) {
      const issues = await issuesOf(readFileSync(`workflows/${name}/process.bpmn`, 'utf8'));
      expect(issues, name).toEqual([]);
    }
  });

  it('given the UI in English, when a rule reports, then its message is English; in Chinese, Chinese', async () => {
    const doc = around('<bpmn:userTask id="a" />');
    const en = (await issuesOf(doc, 'en')).find((i) => i.rule === 'huiliu/user-task-assignment');
    const zh = (await issuesOf(doc, 'zh')).find((i) => i.rule === 'huiliu/user-task-assignment');
    expect(en?.message).toMatch(/no assignee/);
    expect(zh?.message).toMatch(/候选组/);
    expect(en?.category).toBe('warn');
  });

  it('given a refused kind, when linted, then the message is the server classifier’s own', async () => {
    const doc = around(
      '<bpmn:scriptTask id="a" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>',
    );
    const [hit] = (await issuesOf(doc)).filter((i) => i.rule === 'huiliu/unsupported-element');
    expect(hit).toMatchObject({
      elementId: 'a',
      message: '脚本任务只支持 FEEL 表达式（zeebe:script），不运行 javascript 脚本：服务器上不执行任意代码',
      category: 'error',
    });
  });

  it('given a built-in bpmnlint rule in Chinese, when it reports, then its message is translated', async () => {
    const doc = around(`<bpmn:task id="a" />${flow('f-dup', 's', 'a')}`);
    const dup = (await issuesOf(doc)).filter((i) => i.rule === 'no-duplicate-sequence-flows');
    expect(dup.map((i) => i.message)).toContain('有重复的流出顺序流');
  });

  describe('server rules (the engine compiler on the same XML)', () => {
    const server = (issues: Awaited<ReturnType<typeof withServer>>) =>
      issues.filter((i) => i.rule.startsWith('huiliu/server-'));

    it('given the shipped processes, when checked with the server rules, then nothing is reported', async () => {
      for (const name of ['catalog-registration', 'catalog-change', 'data-problem', 'bulletin']) {
        expect(await withServer(readFileSync(`workflows/${name}/process.bpmn`, 'utf8')), name).toEqual([]);
      }
    });

    it('given a branch no start reaches, when checked, then the server’s UNREACHABLE is reported on it', async () => {
      const doc = around(
        `<bpmn:task id="a" /><bpmn:task id="b" /><bpmn:task id="c" />${flow('f-bc', 'b', 'c')}`,
      );
      expect(await ruleHits(doc, 'disconnected')).toEqual([]); // b and c have flows: no hand-written rule sees it
      const hits = server(await withServer(doc));
      expect(hits.map((i) => i.elementId).sort()).toEqual(['b', 'c']);
      expect(hits.map((i) => i.message).join('\n')).toContain('元素“b”无法从任何开始事件到达');
      expect(hits.every((i) => i.category === 'error')).toBe(true);
      const en = server(await withServer(doc, 'en'));
      expect(en.map((i) => i.message).join('\n')).toContain(
        'Element "b" cannot be reached from any start event',
      );
    });

    it('given an element with no flows at all, when checked, then it is reported once, as disconnected', async () => {
      // (a user task: a plain task would also get its own generic-task warning)
      const issues = await withServer(
        around(`<bpmn:task id="a" /><bpmn:userTask id="lonely">${assigned}</bpmn:userTask>`),
      );
      expect(issues.filter((i) => i.elementId === 'lonely').map((i) => i.rule)).toEqual([
        'huiliu/disconnected',
      ]);
    });

    it('given a timer whose duration does not parse, when checked, then the server’s timer syntax error is reported', async () => {
      const doc = around(
        '<bpmn:intermediateCatchEvent id="a"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1X</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
      );
      expect(await ruleHits(doc, 'timer-definition')).toEqual([]);
      expect(server(await withServer(doc)).map((i) => i.elementId)).toEqual(['a']);
    });

    it('given a problem a hand-written rule reports, when checked, then the server rules do not repeat it', async () => {
      const issues = await withServer(around('<bpmn:serviceTask id="a" />'));
      expect(issues.filter((i) => i.elementId === 'a').map((i) => i.rule)).toEqual([
        'huiliu/service-task-type',
      ]);
    });
  });
});
