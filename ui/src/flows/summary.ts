/** @module ui/flows/summary: one line per card saying what it does, in the reader's language (no expressions). */
import { COUNTERSIGN_LABELS } from '../pages/modeler/templates/countersign';
import { conditionToFeel } from './model/conditions';
import { timerAction } from './model/edit';
import type { Card, Condition, FlowModel, Who } from './model/types';
import type { FieldOption, FlowData } from './use-flow-data';
import type { FlowWords } from './messages';

export function roleLabel(data: FlowData, key: string, lang: 'zh' | 'en'): string {
  if (key === 'initiator') return lang === 'zh' ? '发起人' : 'Initiator';
  const r = data.roles.find((x) => x.key === key);
  return r ? (lang === 'zh' ? r.name : r.nameEn) : key;
}

export function whoText(who: Who, data: FlowData, w: FlowWords, lang: 'zh' | 'en'): string {
  switch (who.kind) {
    case 'role': {
      const r = data.roles.find((x) => x.key === who.role);
      const scope = who.unitId
        ? (data.units.find((u) => u.value === who.unitId)?.label ?? who.unitId)
        : r?.countyWide
          ? w.scopeCounty
          : w.scopeStarter;
      return `${w.byRole}：${roleLabel(data, who.role, lang)}（${scope}）`;
    }
    case 'users':
      return `${w.byUsers}：${who.users.join('、') || w.empty}`;
    case 'starter':
      return w.byStarter;
    case 'starterLeader':
      return w.byStarterLeader;
    case 'field':
      return `${w.byField}：${who.field}`;
    case 'raw':
      return `${w.byRaw}：${[who.assignee, who.candidateGroups, who.candidateUsers].filter(Boolean).join(' / ')}`;
  }
}

export function conditionText(c: Condition | null, fields: FieldOption[], w: FlowWords): string {
  if (c === null) return w.defaultBranch;
  if ('raw' in c) return `${w.rawCondition}：${conditionToFeel(c)}`;
  const rule = (r: { field: string; op: string; value: unknown }) => {
    const f = fields.find((x) => x.key === r.field);
    const v = f?.options?.find((o) => o.value === r.value)?.label ?? String(r.value);
    return `${f?.title ?? r.field} ${w.ops[r.op as keyof FlowWords['ops']]} ${v}`;
  };
  const groups = c.groups.filter((g) => g.length);
  if (!groups.length) return w.empty;
  return groups.map((g) => g.map(rule).join(` ${w.and} `)).join(`\n${w.or} `);
}

const nameOf = (m: FlowModel, id: string): string => {
  let found = id;
  const visit = (cards: Card[]) => {
    for (const c of cards) {
      if (c.id === id) found = c.name || id;
      if (c.kind === 'condition' || c.kind === 'parallel') for (const b of c.branches) visit(b.cards);
      if (c.kind === 'decision') for (const o of c.outcomes) visit(o.path);
      if (c.kind === 'timer') visit(c.path);
    }
  };
  visit(m.chain);
  return found;
};

export function cardSummary(c: Card, m: FlowModel, data: FlowData, w: FlowWords, lang: 'zh' | 'en'): string {
  switch (c.kind) {
    case 'start':
      return [
        `${w.starters}：${m.starters.map((s) => roleLabel(data, s, lang)).join('、') || w.empty}`,
        c.formKey
          ? `${w.startForm}：${data.forms.find((f) => f.value === c.formKey)?.label ?? c.formKey}`
          : '',
        c.keep?.post?.length ? w.locked : '',
      ]
        .filter(Boolean)
        .join('\n');
    case 'approver':
    case 'handler': {
      const mode = COUNTERSIGN_LABELS[c.mode];
      return [
        whoText(c.who, data, w, lang),
        c.kind === 'approver'
          ? `${w.mode}：${lang === 'zh' ? mode.zh : mode.en}${c.mode === 'ratio' ? ` ${c.percent ?? ''}%` : ''}`
          : '',
        c.due ? ('workdays' in c.due ? `${w.due}：${c.due.workdays}` : `${w.dueRaw}`) : '',
      ]
        .filter(Boolean)
        .join('\n');
    }
    case 'cc':
    case 'notify':
      return `${w.to}：${c.to.map((t) => roleLabel(data, t, lang)).join('、')}\n${c.title}`;
    case 'locked':
      return w.locked;
    case 'timer': {
      const a = timerAction(c);
      const days =
        'workdays' in c.when
          ? `${c.when.workdays} ${lang === 'zh' ? '个工作日后' : 'working days, then'}`
          : w.rawTimer;
      const act =
        a === 'remind'
          ? w.remind
          : a === 'approve'
            ? w.autoApprove
            : a === 'return'
              ? w.autoReturn
              : a === 'starter'
                ? w.autoReturnStarter
                : w.locked;
      return `${days} ${act}`;
    }
    case 'decision': {
      const lines = [`${c.next.name || '→'} → ${w.goesOn}`];
      for (const o of c.outcomes) {
        const path = o.path.map((p) => p.name || p.id);
        const end =
          'end' in o.goesTo ? `${w.endsAt} ${o.goesTo.end.name}` : `${w.backTo} ${nameOf(m, o.goesTo.goto)}`;
        lines.push(`${o.name || '→'} → ${[...path, end].join(' → ')}`);
      }
      return lines.join('\n');
    }
    default:
      return '';
  }
}
