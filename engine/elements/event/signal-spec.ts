/**
 * @module What every signal element shares: the signal's name (`signalRef` → `bpmn:signal name`), its check, the
 * subscription spec a catch or boundary arms (a message subscription of kind 'signal', no correlation key: a
 * broadcast reaches every waiting one), and the throw that emits `signal.broadcast` for the runtime.
 */
import { issue } from '../../bpmn/issue';
import type { ValidationIssue } from '../../contract';
import { emit, history } from '../../exec/context';
import { activationOf, applyMappings, raiseIncident, resolveValue } from '../../exec/ops';
import type { Ctx } from '../../exec/context';
import type { ModelElement, Moddle } from '../../types';
import type { MessageSpec } from '../behaviors/message';
import { checkFeel } from '../behaviors/feel-check';
import { mappings } from '../behaviors/zeebe';

export function signalName(el: ModelElement): string | null {
  const sig: Moddle = el.source.eventDefinitions?.[0]?.signalRef;
  return sig?.name ? String(sig.name) : null;
}

export function signalSpec(el: ModelElement): MessageSpec {
  return { messageName: signalName(el) ?? '', kind: 'signal' };
}

export function validateSignal(el: ModelElement, canBeFeel = false): ValidationIssue[] {
  const name = signalName(el);
  if (!name)
    return [
      issue(
        el.id,
        'signal.missing',
        '信号事件缺少信号（signalRef 及名称）',
        'signal event lacks a signal (signalRef with a name)',
      ),
    ];
  if (name.startsWith('=') && !canBeFeel)
    return [
      issue(
        el.id,
        'signal.name-feel',
        '捕获信号的名称必须是固定文本，不能是 FEEL 表达式',
        'a caught signal needs a fixed name, not a FEEL expression',
      ),
    ];
  return canBeFeel
    ? checkFeel(el.id, name.startsWith('=') ? name : undefined, ['信号名称', 'the signal name'])
    : [];
}

/** The params a throw (intermediate or end) needs: its name (static or FEEL) and the input mappings that make the signal's variables. */
export const throwParams = (el: ModelElement) => ({
  el: el.id,
  name: signalName(el),
  inputs: mappings(el.source).inputs,
});

/**
 * Emits the broadcast. As in Zeebe, the signal carries the throw event's input mappings as its variables (none
 * without mappings); a FEEL name or mapping that fails is an incident on the throw event.
 */
export function throwSignal(
  ctx: Ctx,
  p: { el: string; name: string; inputs: { source: string; target: string }[] },
): Ctx {
  const name = resolveValue(ctx, p.name);
  if (!name.ok) return raiseIncident(ctx, p.el, 'expression', name.message, p.name);
  const vars = applyMappings({}, p.inputs, ctx, {});
  if (!vars.ok) return raiseIncident(ctx, p.el, 'io-mapping', vars.message, vars.expression);
  const signalName = String(name.value);
  emit({
    type: 'signal.broadcast',
    signalName,
    variables: vars.value,
    elementId: p.el,
    activation: activationOf(ctx, p.el),
  });
  history('signal.thrown', p.el, { signalName });
  return ctx;
}
