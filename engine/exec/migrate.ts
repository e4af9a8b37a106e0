/**
 * @module migrateSnapshot: an instance's persisted snapshot moved onto another compiled version of its process.
 * The active state keys and every element id in the context (open items and their keys, activation counters,
 * multi-instance progress, gateway decisions) are renamed by the mappings (identity where an element keeps its id);
 * the result must be a state the target machine has, at the same place (same subprocess, same parallel branches),
 * and it is restored once to prove it. Nothing is entered or exited: open tasks, timers and jobs stay as they are,
 * under their new element ids (the runtime renames their rows). The one thing entered afresh: event-subprocess
 * triggers the target adds to a scope the instance is in (armed on scope entry, which a migrated instance never
 * passes again) are armed, and their timers/subscriptions returned as effects for the runtime to write. And a
 * waiting timer whose target element defines its time differently (or is another element: a mapping onto an id
 * the source does not have) is re-armed from the migration time by the target's definition: the old row cancelled,
 * a new one scheduled under the same key (Operate would otherwise keep a deadline the new version no longer has).
 */
import { createActor } from 'xstate';
import { defaultCalendar, type WorkdayCalendar } from '../calendar';
import type { CompiledProcess, Effect, Json } from '../contract';
import { eventSubProcess } from '../elements/container/event-sub-process';
import { type Ctx, emit, type Open, runInStep, stepEnv } from './context';
import { machineOf } from './library';
import { computeDue, type TimerDef } from './timers';

export interface Mapping {
  source: string;
  target: string;
}

export type Migrated =
  | {
      ok: true;
      snapshot: Json;
      activeElementIds: string[];
      renamed: Record<string, string>;
      /** Triggers of event subprocesses the target adds to the instance's scopes (timer.scheduled, message.subscribed…). */
      effects: Effect[];
    }
  | { ok: false; reason: string; reasonEn: string };

const ARMING = new Set(['boundary.arm', 'evsub.arm']);
const armsOf = (node: any): { type: string; params: { arm: { el: string }[] } }[] =>
  (Array.isArray(node?.entry) ? node.entry : []).filter((a: any) => ARMING.has(a?.type));

/** Every element id the machine of a process has a state for (root machine only). */
export function elementIdsOf(process: CompiledProcess): Set<string> {
  const ids = new Set<string>();
  const walk = (node: any) => {
    for (const child of Object.values((node?.states ?? {}) as Record<string, any>)) {
      if (child?.meta?.bpmn?.id) ids.add(child.meta.bpmn.id);
      walk(child);
    }
  };
  walk(process.machine);
  for (const side of Object.values(((process.machine as any).meta?.huiliu?.sidePaths ?? {}) as object))
    walk(side);
  return ids;
}

/**
 * The element ids a migration may meet and map: those with a state, and boundary events and event-subprocess
 * starts, which have none (their host's entry arms them, `boundary.arm` / `evsub.arm`) but own open timers and
 * subscriptions under their own id.
 */
export function migratableIdsOf(process: CompiledProcess): Set<string> {
  const ids = elementIdsOf(process);
  const walk = (node: any) => {
    for (const a of armsOf(node)) for (const x of a.params.arm) ids.add(x.el);
    for (const child of Object.values((node?.states ?? {}) as Record<string, any>)) walk(child);
  };
  walk(process.machine);
  for (const [owner, side] of Object.entries(
    ((process.machine as any).meta?.huiliu?.sidePaths ?? {}) as object,
  )) {
    ids.add(owner);
    walk(side);
  }
  return ids;
}

/** The event-subprocess starts a machine arms anywhere (its root, its `$body` states, its side paths). */
function evsubStartsOf(process: CompiledProcess): Set<string> {
  const ids = new Set<string>();
  const walk = (node: any) => {
    for (const a of armsOf(node)) if (a.type === 'evsub.arm') for (const x of a.params.arm) ids.add(x.el);
    for (const child of Object.values((node?.states ?? {}) as Record<string, any>)) walk(child);
  };
  walk(process.machine);
  for (const side of Object.values(((process.machine as any).meta?.huiliu?.sidePaths ?? {}) as object))
    walk(side);
  return ids;
}

export interface MigrateOptions {
  /** When the migration happens: new triggers' timers are due from here. */
  at?: string;
  calendar?: WorkdayCalendar;
}

class Refused extends Error {
  constructor(
    readonly reason: string,
    readonly reasonEn: string,
  ) {
    super(reasonEn);
  }
}

export function migrateSnapshot(
  from: CompiledProcess,
  to: CompiledProcess,
  snapshot: Json,
  mappings: Mapping[],
  options: MigrateOptions = {},
): Migrated {
  const snap = structuredClone(snapshot) as any;
  if (snap?.status !== 'active') return fail('实例已结束', 'the instance has ended');
  const map = new Map(mappings.map((m) => [m.source, m.target]));
  const targetIds = migratableIdsOf(to);
  const sourceIds = migratableIdsOf(from);
  const rename = (id: string) => map.get(id) ?? id;
  const renamed: Record<string, string> = {};
  for (const id of sourceIds) if (rename(id) !== id) renamed[id] = rename(id);
  const sidePaths = ((to.machine as any).meta?.huiliu?.sidePaths ?? {}) as Record<string, unknown>;
  try {
    migrateActor(snap, to.machine, { rename, sourceIds, targetIds, sidePaths });
  } catch (e) {
    if (e instanceof Refused) return fail(e.reason, e.reasonEn);
    throw e;
  }
  // Triggers the target adds to a scope the instance is in: armed now, as entering the scope would have.
  const had = new Set([...evsubStartsOf(from)].map(rename));
  const effects: Effect[] = [];
  const sourceOf = new Map<string, string>();
  for (const id of sourceIds) sourceOf.set(rename(id), id);
  const timers = { from: timerDefsOf(from), to: timerDefsOf(to), sourceOf, sourceIds };
  try {
    runInStep(
      {
        at: options.at ?? new Date().toISOString(),
        calendar: options.calendar ?? defaultCalendar,
        effects,
      },
      () => {
        // Re-armed first: the triggers armAdded opens are new and already timed by the target.
        rearmTimers(snap, timers);
        armAdded(snap, to.machine, had, sidePaths);
      },
    );
  } catch (e) {
    if (e instanceof Refused) return fail(e.reason, e.reasonEn);
    throw e;
  }
  // Restored once on the target machine: a state it does not have fails here, not at the next step.
  try {
    const active = runInStep(
      { at: new Date(0).toISOString(), calendar: defaultCalendar, effects: [] },
      () => {
        const actor = createActor(machineOf(to), { snapshot: snap });
        let error: unknown = null;
        actor.subscribe({ error: (e) => (error = e) });
        actor.start();
        if (error || actor.getSnapshot().status !== 'active') throw error ?? new Error('not active');
        const ids: string[] = [];
        // As the step reports them: the root's active elements, then its spawned children's.
        const collect = (a: any) => {
          for (const m of Object.values(a.getSnapshot().getMeta() as Record<string, any>))
            if (m?.bpmn && !m.bpmn.block) ids.push(m.bpmn.id);
          for (const child of Object.values(a.getSnapshot().children ?? {})) collect(child);
        };
        collect(actor);
        return ids;
      },
    );
    return { ok: true, snapshot: snap as Json, activeElementIds: active, renamed, effects };
  } catch (e) {
    return fail(
      `目标版本不能恢复该实例的状态：${(e as Error).message}`,
      `the target version cannot restore the instance's state: ${(e as Error).message}`,
    );
  }
}

interface Renaming {
  rename: (id: string) => string;
  sourceIds: Set<string>;
  targetIds: Set<string>;
  sidePaths: Record<string, unknown>;
}

/** `el#…` keys keep their activation part; a spawned child's id (`boundary#seq`) is such a key too. */
const renameKeyWith = (rename: (id: string) => string) => (key: string) => {
  const m = /^(.*?)(#.*)$/.exec(key);
  return m ? `${rename(m[1])}${m[2]}` : rename(key);
};

/**
 * One actor's persisted snapshot (the root, or a spawned side path / multi-instance body), in place: its state
 * value against its machine config, its context's element ids, then its children against their own configs.
 */
function migrateActor(snap: any, config: unknown, r: Renaming): void {
  const { rename } = r;
  const renameKey = renameKeyWith(rename);
  snap.value = mapValue(snap.value, config, rename, r.sourceIds);
  const ctx = snap.context as Ctx;
  const open: Record<string, Open> = {};
  for (const [key, item] of Object.entries(ctx.open ?? {})) {
    const next: Open = { ...item, el: rename(item.el) };
    if (item.host) next.host = rename(item.host);
    if (!r.targetIds.has(next.el))
      throw new Refused(
        `进行中的 ${item.el} 在目标版本中不存在，且没有映射`,
        `${item.el} is active and has no mapping or element of the same id in the target`,
      );
    open[renameKey(key)] = next;
  }
  ctx.open = open;
  const renameRecord = <T>(rec: Record<string, T> | undefined, by = rename) =>
    rec ? Object.fromEntries(Object.entries(rec).map(([k, v]) => [by(k), v])) : rec;
  ctx.act = renameRecord(ctx.act) as Ctx['act'];
  ctx.route = renameRecord(ctx.route) as Ctx['route'];
  if (ctx.reopen) ctx.reopen = renameRecord(ctx.reopen);
  ctx.paths = renameRecord(ctx.paths, renameKey) as Ctx['paths'];
  ctx.mi = renameRecord(ctx.mi) as Ctx['mi'];
  for (const mi of Object.values(ctx.mi ?? {}))
    if (mi.spawned) mi.spawned = renameRecord(mi.spawned, renameKey) as Record<string, number>;
  if (ctx.signers)
    ctx.signers = Object.fromEntries(
      Object.entries(ctx.signers).map(([el, st]) => [
        rename(el),
        {
          ...st,
          holderKey: renameKey(st.holderKey),
          list: st.list.map((x) => ({ ...x, key: renameKey(x.key) })),
        },
      ]),
    );
  // Spawned children: a non-interrupting boundary's path or a multi-instance subprocess body, each its own machine.
  const children: Record<string, any> = {};
  for (const [id, child] of Object.entries((snap.children ?? {}) as Record<string, any>)) {
    const src = String(child?.src ?? '');
    const owner = rename(src.replace(/^side:/, ''));
    const cfg = r.sidePaths[owner];
    if (!src.startsWith('side:') || !cfg)
      throw new Refused(
        `边界路径或多实例子流程 ${src.replace(/^side:/, '')} 在目标版本中不存在`,
        `the side path or multi-instance body ${src} has no counterpart in the target`,
      );
    migrateActor(child.snapshot, cfg, r);
    children[renameKey(id)] = { ...child, src: `side:${owner}`, ...(child.id ? { id: renameKey(id) } : {}) };
  }
  snap.children = children;
}

/**
 * Arms, in one actor's snapshot and its children's, the `evsub.arm` triggers on its active path (its root, each
 * active state: a subprocess's `$body`) whose start the source did not have and that hold no open item already.
 */
function armAdded(snap: any, config: any, had: Set<string>, sidePaths: Record<string, unknown>): void {
  const arm = eventSubProcess.actions?.['evsub.arm'];
  if (!arm) return;
  const visit = (node: any, value: any) => {
    for (const a of armsOf(node)) {
      if (a.type !== 'evsub.arm') continue;
      const open = new Set(Object.values((snap.context as Ctx).open).map((o) => o.el));
      const added = a.params.arm.filter((x) => !had.has(x.el) && !open.has(x.el));
      if (added.length) snap.context = arm(snap.context, {} as never, { ...a.params, arm: added });
    }
    if (value === undefined || value === null) return;
    const states = (node?.states ?? {}) as Record<string, any>;
    if (typeof value === 'string') visit(states[value], undefined);
    else for (const [k, v] of Object.entries(value as Record<string, any>)) visit(states[k], v);
  };
  visit(config, snap.value);
  for (const child of Object.values((snap.children ?? {}) as Record<string, any>)) {
    const cfg = sidePaths[String(child?.src ?? '').replace(/^side:/, '')];
    if (cfg && child.snapshot) armAdded(child.snapshot, cfg, had, sidePaths);
  }
}

/** A timer as an element defines it: its time, and for a boundary or event-subprocess start whether it interrupts. */
interface TimerSpec {
  def: TimerDef;
  interrupting?: boolean;
}

const isTimerDef = (x: any): x is TimerDef =>
  !!x && typeof x.expr === 'string' && ['duration', 'date', 'cycle'].includes(x.kind);

/**
 * Every timer definition the compiled machine holds, by element id: wherever an action's params name an element
 * with its definition (`timer.schedule {el, def}`, an arm entry `{el, timer, interrupting}`, an event-based
 * gateway's catch events), in the root machine and its side paths.
 */
export function timerDefsOf(process: CompiledProcess): Map<string, TimerSpec> {
  const out = new Map<string, TimerSpec>();
  const seen = new Set<object>();
  const walk = (x: any) => {
    if (!x || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    if (typeof x.el === 'string') {
      const def = isTimerDef(x.def) ? x.def : isTimerDef(x.timer) ? x.timer : null;
      if (def)
        out.set(x.el, {
          def,
          ...(typeof x.interrupting === 'boolean' ? { interrupting: x.interrupting } : {}),
        });
    }
    for (const v of Array.isArray(x) ? x : Object.values(x)) walk(v);
  };
  walk(process.machine);
  return out;
}

const sameDef = (a: TimerDef | undefined, b: TimerDef | undefined) =>
  !!a && !!b && a.kind === b.kind && a.expr === b.expr;

/**
 * Re-arms, in one actor's snapshot and its children's, each waiting timer whose target definition differs from
 * the source's or whose element is new to the version; the due time is computed as on entry, from the migration
 * time. A target expression that cannot be evaluated refuses the instance (it stays as it was).
 */
function rearmTimers(
  snap: any,
  t: {
    from: Map<string, TimerSpec>;
    to: Map<string, TimerSpec>;
    sourceOf: Map<string, string>;
    sourceIds: Set<string>;
  },
): void {
  const ctx = snap.context as Ctx;
  for (const [key, item] of Object.entries(ctx.open ?? {})) {
    if (item.t !== 'timer') continue;
    const target = t.to.get(item.el);
    if (!target) continue;
    const src = t.sourceOf.get(item.el) ?? item.el;
    const isNew = src !== item.el && !t.sourceIds.has(item.el);
    if (!isNew && sameDef(t.from.get(src)?.def, target.def)) continue;
    const due = computeDue(ctx, target.def, stepEnv().at);
    if (!due.ok)
      throw new Refused(
        `目标版本中 ${item.el} 的定时无法计算：${due.message}`,
        `the timer of ${item.el} in the target cannot be computed: ${due.message}`,
      );
    emit({ type: 'timer.cancelled', timerKey: key });
    emit({
      type: 'timer.scheduled',
      timerKey: key,
      dueAt: due.dueAt,
      elementId: item.el,
      activation: item.act,
      ...(item.loopIndex !== undefined ? { loopIndex: item.loopIndex } : {}),
      ...(due.cycle ? { cycle: due.cycle } : {}),
      ...(due.left !== undefined ? { repetitionsLeft: due.left } : {}),
      ...(target.interrupting !== undefined ? { interrupting: target.interrupting } : {}),
    });
    const next: Open = { ...item };
    delete next.cycle;
    delete next.left;
    if (due.cycle) next.cycle = due.cycle;
    if (due.left !== undefined) next.left = due.left;
    ctx.open[key] = next;
  }
  for (const child of Object.values((snap.children ?? {}) as Record<string, any>))
    if (child?.snapshot) rearmTimers(child.snapshot, t);
}

/** The state value with element keys renamed, checked against the target's state tree level by level. */
function mapValue(value: any, node: any, rename: (id: string) => string, sourceIds: Set<string>): any {
  const states = (node?.states ?? {}) as Record<string, any>;
  // A subprocess's body is wrapped in `$body` exactly when it has event subprocesses: the target adding the first
  // one (or dropping the last) moves the body's states one level down (or up), the same states.
  const top = typeof value === 'string' ? value : Object.keys(value ?? {})[0];
  if ('$body' in states && top !== undefined && !(top in states))
    return mapValue({ $body: value }, node, rename, sourceIds);
  if (!('$body' in states) && top === '$body' && typeof value === 'object')
    return mapValue(value.$body, node, rename, sourceIds);
  const key = (k: string) => {
    const next = sourceIds.has(k) ? rename(k) : k;
    if (!(next in states))
      throw new Refused(
        `进行中的 ${k} 在目标版本中不存在或不在同一位置（同一子流程、同一并行分支），请提供映射`,
        `active ${k} has no state at the same place in the target (same subprocess, same branch); map it`,
      );
    return next;
  };
  if (typeof value === 'string') return key(value);
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(value as Record<string, any>)) {
    const next = key(k);
    out[next] = mapValue(v, states[next], rename, sourceIds);
  }
  if (node?.type === 'parallel') {
    const want = Object.keys(states).sort().join(',');
    if (Object.keys(out).sort().join(',') !== want)
      throw new Refused('并行分支结构在目标版本中不同', 'the parallel branches differ in the target');
  }
  return out;
}

function fail(reason: string, reasonEn: string): Migrated {
  return { ok: false, reason, reasonEn };
}
