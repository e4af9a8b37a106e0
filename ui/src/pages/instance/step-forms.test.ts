/** @module The instance page's forms: user tasks' forms and field access read from the diagram, and merged in order. */
import { describe, expect, it } from 'vitest';
import { instanceSchema, stepFormsOf } from './step-forms';

const XML = `<bpmn:definitions xmlns:bpmn="b" xmlns:zeebe="z"><bpmn:process id="p">
  <bpmn:userTask id="triage" name="受理分派"><bpmn:extensionElements>
    <zeebe:formDefinition formId="problem-triage" />
    <zeebe:taskHeaders><zeebe:header key="fieldAccess" value="{&#34;secret&#34;:&#34;hidden&#34;,&#34;note&#34;:&#34;read&#34;}" /></zeebe:taskHeaders>
  </bpmn:extensionElements></bpmn:userTask>
  <bpmn:userTask id="plain" name="无表单"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
  <userTask id="verify"><extensionElements><formDefinition formKey="problem-verify" /></extensionElements></userTask>
</bpmn:process></bpmn:definitions>`;

describe('stepFormsOf', () => {
  it('given a diagram, when read, then each user task with a form gives its form id and field access, in order', () => {
    expect(stepFormsOf(XML)).toEqual([
      { elementId: 'triage', formId: 'problem-triage', fieldAccess: { secret: 'hidden', note: 'read' } },
      { elementId: 'verify', formId: 'problem-verify', fieldAccess: {} },
    ]);
  });
});

describe('instanceSchema', () => {
  const start = {
    schema: { properties: { description: { title: '问题描述' }, urgent: { title: '紧急' } } },
    uiSchema: { 'ui:order': ['urgent', 'description'] },
  };
  const triage = {
    form: {
      schema: {
        properties: {
          accepted: { title: '是否受理' },
          secret: { title: '内部意见' },
          urgent: { title: 'x' },
        },
      },
    },
    fieldAccess: { secret: 'hidden' },
  };

  it('given the start form and a step form, when merged, then start fields first in their order, then the step’s new fields with their titles', () => {
    const { schema, uiSchema } = instanceSchema(start, [triage], { secret: '可见' });
    expect(uiSchema['ui:order']).toEqual(['urgent', 'description', 'accepted', 'secret']);
    expect((schema.properties as Record<string, { title: string }>).urgent.title).toBe('紧急');
    expect((schema.properties as Record<string, { title: string }>).accepted.title).toBe('是否受理');
  });

  it('given a field a step hides and the server did not send it (any reader, administrators too), when merged, then it is left out', () => {
    const { uiSchema } = instanceSchema(start, [triage], { urgent: true, accepted: true });
    expect(uiSchema['ui:order']).toEqual(['urgent', 'description', 'accepted']);
  });

  it('given a field a step hides but the server sent it (the reader has a step that shows it), when merged, then it is shown', () => {
    const { uiSchema } = instanceSchema(start, [triage], { secret: '内部意见正文' });
    expect(uiSchema['ui:order']).toEqual(['urgent', 'description', 'accepted', 'secret']);
  });

  it('given a start-form field a step hides and not sent, when merged, then the start form leaves it out too', () => {
    const hidesUrgent = { ...triage, fieldAccess: { urgent: 'hidden' } };
    const { uiSchema } = instanceSchema(start, [hidesUrgent], { description: 'x' });
    expect(uiSchema['ui:order']).toEqual(['description', 'accepted', 'secret']);
  });
});
