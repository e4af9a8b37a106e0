/**
 * @module The start event of an event subprocess (timer, message, error or escalation). Its trigger is armed by the enclosing
 * scope (container/event-sub-process.ts); once triggered, the start event itself only passes on.
 */
import type { ValidationIssue } from '../../contract';
import type { ModelElement } from '../../types';
import { elementState, leave } from '../behaviors/activity';
import { validateMessage } from '../behaviors/message';
import { validateTimer } from '../behaviors/timer';
import type { ElementHandler } from '../element-handler';
import { validateSignal } from './signal-spec';

/**
 * The trigger kinds an event subprocess start can have (a signal subscribes as a message of kind 'signal'). A
 * compensation start is no trigger the scope arms: its event subprocess is the subprocess's compensation handler,
 * run by a compensation throw after the subprocess completed (behaviors/compensation.ts).
 */
export type TriggerKind = 'timer' | 'message' | 'signal' | 'error' | 'escalation' | 'compensation';

const DEFINITIONS: Record<string, TriggerKind> = {
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:CompensateEventDefinition': 'compensation',
};

export const triggerKindOf = (el: ModelElement): TriggerKind | undefined =>
  DEFINITIONS[el.source.eventDefinitions?.[0]?.$type ?? ''];

/** An error start always interrupts (BPMN); the others follow `isInterrupting` (default true). */
export const isInterruptingStart = (el: ModelElement) =>
  triggerKindOf(el) === 'error' || el.source.isInterrupting !== false;

export const eventSubProcessStart: ElementHandler<'eventSubProcessStart'> = {
  kind: 'eventSubProcessStart',
  validate: (el) => {
    const kind = triggerKindOf(el);
    const out: ValidationIssue[] = [];
    if (kind === 'timer')
      out.push(
        ...validateTimer(el, isInterruptingStart(el) ? ['duration', 'date'] : ['duration', 'date', 'cycle']),
      );
    if (kind === 'message') out.push(...validateMessage(el));
    if (kind === 'signal') out.push(...validateSignal(el));
    return out;
  },
  compile: (el, cc) => elementState(el, cc, { always: [leave(el.id, cc.next(el))] }),
};
