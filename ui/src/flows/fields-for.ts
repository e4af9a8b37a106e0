/**
 * @module ui/flows/fields-for: which form fields a card may use — in a branch condition, as 表单中的人员, in field
 * access — as 钉钉审批 offers them: the start form's fields (nested ones by their dotted path) and the fields the
 * steps before this card fill in (their forms write variables of the same names), named by title and step.
 */
import { stepsBefore } from './model/edit';
import type { Card, FlowModel } from './model/types';
import type { FieldOption } from './use-flow-data';

/** Every form the model names (start form first, then the steps' forms), for loading their fields. */
export function formKeysOf(m: FlowModel): string[] {
  const keys: string[] = [];
  const visit = (cards: Card[]) => {
    for (const c of cards) {
      if ((c.kind === 'start' || c.kind === 'approver' || c.kind === 'handler') && c.formKey)
        keys.push(c.formKey);
      if (c.kind === 'condition' || c.kind === 'parallel') for (const b of c.branches) visit(b.cards);
    }
  };
  visit(m.chain);
  return [...new Set(keys)];
}

/**
 * The fields known when `cardId` runs: the start form's, then each earlier step's form fields not already named
 * (titled "字段（步骤）"); `own` adds the card's own form last (field access covers the step's own form too). The
 * first form to name a variable wins, as the start form's value is the one a condition usually means.
 */
export function fieldsFor(
  m: FlowModel,
  cardId: string | undefined,
  byForm: Map<string, FieldOption[]>,
  own = false,
): FieldOption[] {
  const out: FieldOption[] = [];
  const seen = new Set<string>();
  const add = (fields: FieldOption[] | undefined, step?: string) => {
    for (const f of fields ?? []) {
      if (seen.has(f.key)) continue;
      seen.add(f.key);
      out.push(step ? { ...f, title: `${f.title}（${step}）` } : f);
    }
  };
  const start = m.chain[0];
  if (start?.kind === 'start' && start.formKey) add(byForm.get(start.formKey));
  if (cardId === undefined) return out;
  for (const s of stepsBefore(m, cardId)) if (s.formKey) add(byForm.get(s.formKey), s.name || s.id);
  if (own) {
    const self = findOwn(m, cardId);
    if (self?.formKey) add(byForm.get(self.formKey), self.name || self.id);
  }
  return out;
}

/** Every field any card could name (for the chain's summaries: a condition names its field by title). */
export function allFields(m: FlowModel, byForm: Map<string, FieldOption[]>): FieldOption[] {
  const seen = new Set<string>();
  return formKeysOf(m)
    .flatMap((k) => byForm.get(k) ?? [])
    .filter((f) => !seen.has(f.key) && Boolean(seen.add(f.key)));
}

function findOwn(m: FlowModel, id: string): { formKey?: string; name: string; id: string } | undefined {
  let found: { formKey?: string; name: string; id: string } | undefined;
  const visit = (cards: Card[]) => {
    for (const c of cards) {
      if (c.id === id && (c.kind === 'approver' || c.kind === 'handler')) found = c;
      if (c.kind === 'condition' || c.kind === 'parallel') for (const b of c.branches) visit(b.cards);
    }
  };
  visit(m.chain);
  return found;
}
