/**
 * @module Escalation (BPMN 2.0, as Zeebe 8.2+ runs it): a throw or end event raises `bpmn.escalation {code}`, which
 * bubbles out through the enclosing scopes to the nearest escalation boundary event (on a subprocess) or escalation
 * event subprocess with that code (or none). Unlike an error, an escalation nobody catches is not an incident: the
 * throw event just continues and the end event just ends its path.
 */
import { raise } from 'xstate';
import type { ModelElement } from '../../types';
import type { Params } from '../element-handler';

export const escalationCodeOf = (el: ModelElement): string | null =>
  el.source.eventDefinitions?.[0]?.escalationRef?.escalationCode ?? null;

export const escalationActions = {
  'escalation.raise': raise((_args, p: Params) => ({
    type: 'bpmn.escalation',
    code: p.code,
    elementId: p.el,
  })),
};
