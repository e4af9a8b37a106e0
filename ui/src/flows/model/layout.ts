/**
 * @module ui/flows/model/layout: diagram interchange for the BPMN the designer writes. The chain runs top to bottom,
 * branches side by side under their split, the join below the longest branch; side paths (退回, 不予通过, 催办)
 * are rows to the right of everything, one below the other, so no two shapes overlap; flows are orthogonal.
 */
import type { Card } from './types';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const GAP_Y = 50;
const GAP_X = 60;
const SIDE_GAP = 50;
const TASK = { w: 100, h: 80 };
const EVENT = 36;
const GATEWAY = 50;

/** A side path to lay out as a row: its cards, the end event if any, and the y it should start near. */
export interface SideRow {
  anchorY: number;
  cards: Card[];
  endId?: string;
}

function cardWidth(c: Card): number {
  switch (c.kind) {
    case 'timer':
      return 0;
    case 'start':
    case 'end':
      return EVENT;
    case 'decision':
      return GATEWAY;
    case 'condition':
    case 'parallel':
      return c.branches.reduce((s, b) => s + branchWidth(b.cards), 0) + (c.branches.length - 1) * GAP_X;
    default:
      return TASK.w;
  }
}
const branchWidth = (cards: Card[]) => Math.max(TASK.w, ...cards.map(cardWidth));

export class Layout {
  boxes = new Map<string, Box>();
  rows: SideRow[] = [];
  /** Shapes that sit on another (boundary events on their task): not checked for overlap. */
  attached = new Set<string>();

  private put(id: string, b: Box) {
    this.boxes.set(id, b);
  }

  private single(c: Card, cx: number, y: number): number {
    if (c.kind === 'start' || c.kind === 'end') {
      this.put(c.id, { x: cx - EVENT / 2, y, w: EVENT, h: EVENT });
      return y + EVENT;
    }
    if (c.kind === 'decision') {
      this.put(c.id, { x: cx - GATEWAY / 2, y, w: GATEWAY, h: GATEWAY });
      for (const o of c.outcomes)
        this.rows.push({
          anchorY: y,
          cards: o.path,
          ...('end' in o.goesTo ? { endId: o.goesTo.end.id } : {}),
        });
      return y + GATEWAY;
    }
    this.put(c.id, { x: cx - TASK.w / 2, y, w: TASK.w, h: TASK.h });
    return y + TASK.h;
  }

  private timers(c: Card, owner: Card | undefined, k: number) {
    if (c.kind !== 'timer' || !owner) return;
    const ob = this.boxes.get(owner.id);
    if (!ob) return;
    const b = { x: ob.x + ob.w - EVENT / 2 - 10 - k * 40, y: ob.y + ob.h - EVENT / 2, w: EVENT, h: EVENT };
    this.put(c.id, b);
    this.attached.add(c.id);
    this.rows.push({ anchorY: b.y, cards: c.path, ...('end' in c.goesTo ? { endId: c.goesTo.end.id } : {}) });
  }

  /** Lays out a chain centred on `cx` from `y`; returns the bottom. */
  chain(cards: Card[], cx: number, y: number): number {
    let owner: Card | undefined;
    let k = 0;
    let top = y;
    for (const c of cards) {
      if (c.kind === 'timer') {
        this.timers(c, owner, k++);
        continue;
      }
      owner = c;
      k = 0;
      if (c.kind === 'condition' || c.kind === 'parallel') {
        this.put(c.id, { x: cx - GATEWAY / 2, y: top, w: GATEWAY, h: GATEWAY });
        const by = top + GATEWAY + GAP_Y;
        let bx = cx - cardWidth(c) / 2;
        let bottom = by;
        for (const b of c.branches) {
          const w = branchWidth(b.cards);
          bottom = Math.max(bottom, this.chain(b.cards, bx + w / 2, by));
          bx += w + GAP_X;
        }
        this.put(c.joinId, { x: cx - GATEWAY / 2, y: bottom, w: GATEWAY, h: GATEWAY });
        top = bottom + GATEWAY + GAP_Y;
      } else top = this.single(c, cx, top) + GAP_Y;
    }
    return top - GAP_Y;
  }

  /** Side rows right of everything laid out so far, each below the previous one. */
  sideRows(endIds: Map<string, Card>) {
    const right = () => Math.max(...[...this.boxes.values()].map((b) => b.x + b.w));
    const x0 = right() + 100;
    let cursor = Number.NEGATIVE_INFINITY;
    while (this.rows.length) {
      const row = this.rows.shift() as SideRow;
      if (!row.cards.length && !row.endId) continue;
      const y = Math.max(row.anchorY, cursor);
      let x = x0;
      let owner: Card | undefined;
      let k = 0;
      const flat = row.cards.flatMap((c) =>
        c.kind === 'condition' || c.kind === 'parallel' ? [c, ...c.branches.flatMap((b) => b.cards)] : [c],
      );
      for (const c of flat) {
        if (c.kind === 'timer') {
          this.timers(c, owner, k++);
          continue;
        }
        owner = c;
        k = 0;
        const w =
          cardWidth(c) > TASK.w || c.kind === 'condition' || c.kind === 'parallel' ? GATEWAY : cardWidth(c);
        if (c.kind === 'condition' || c.kind === 'parallel') {
          this.put(c.id, { x, y, w: GATEWAY, h: GATEWAY });
          this.put(c.joinId, { x, y: y + GATEWAY + 20, w: GATEWAY, h: GATEWAY });
        } else {
          const h = c.kind === 'decision' ? GATEWAY : c.kind === 'end' || c.kind === 'start' ? EVENT : TASK.h;
          this.put(c.id, { x, y: y + (TASK.h - h) / 2, w, h });
          if (c.kind === 'decision') {
            for (const o of c.outcomes) {
              this.rows.push({
                anchorY: y,
                cards: o.path,
                ...('end' in o.goesTo ? { endId: o.goesTo.end.id } : {}),
              });
            }
          }
        }
        x += w + SIDE_GAP;
      }
      if (row.endId && endIds.has(row.endId))
        this.put(row.endId, { x, y: y + (TASK.h - EVENT) / 2, w: EVENT, h: EVENT });
      cursor = y + TASK.h + 70;
    }
  }

  /** Orthogonal waypoints between two shapes; `lane` is the x a backward (loop) flow runs up or down on. */
  waypoints(from: Box, to: Box, lane: () => number): [number, number][] {
    const fcx = from.x + from.w / 2;
    const tcx = to.x + to.w / 2;
    const fBottom = from.y + from.h;
    const fcy = from.y + from.h / 2;
    const tcy = to.y + to.h / 2;
    if (to.y >= fBottom + 10 && Math.abs(fcx - tcx) < 1)
      return [
        [fcx, fBottom],
        [tcx, to.y],
      ];
    if (
      to.y >= fBottom + 10 &&
      to.x + to.w > from.x &&
      to.x < from.x + from.w + 400 &&
      to.x <= fcx + 400 &&
      !(to.x > from.x + from.w + 40 && Math.abs(tcy - fcy) < 60)
    ) {
      const mid = Math.round((fBottom + to.y) / 2);
      return [
        [fcx, fBottom],
        [fcx, mid],
        [tcx, mid],
        [tcx, to.y],
      ];
    }
    if (to.x >= from.x + from.w) {
      // to the right: a side row
      const mid = Math.round((from.x + from.w + to.x) / 2);
      return Math.abs(fcy - tcy) < 1
        ? [
            [from.x + from.w, fcy],
            [to.x, tcy],
          ]
        : [
            [from.x + from.w, fcy],
            [mid, fcy],
            [mid, tcy],
            [to.x, tcy],
          ];
    }
    if (to.y >= fBottom + 10) {
      const mid = Math.round((fBottom + to.y) / 2);
      return [
        [fcx, fBottom],
        [fcx, mid],
        [tcx, mid],
        [tcx, to.y],
      ];
    }
    // Back up (a return loop) or left: around the right of everything.
    const x = lane();
    return [
      [from.x + from.w, fcy],
      [x, fcy],
      [x, tcy],
      [to.x + to.w, tcy],
    ];
  }
}

/** Shapes that overlap (boundary events excepted): empty for a good layout. The tests check it. */
export function overlaps(l: Layout): [string, string][] {
  const list = [...l.boxes.entries()].filter(([id]) => !l.attached.has(id));
  const out: [string, string][] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const [a, b] = [list[i][1], list[j][1]];
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
        out.push([list[i][0], list[j][0]]);
    }
  }
  return out;
}
