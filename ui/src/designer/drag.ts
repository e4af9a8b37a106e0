/** @module ui/designer/drag: the payload of the designer's native HTML5 drags (a palette kind, or a field being moved). */
import type { FieldKind } from './model';
import type { FieldPath } from './model-paths';

export const DRAG_MIME = 'application/x-huiliu-designer';

export type DragPayload =
  | { type: 'new'; kind: FieldKind }
  | { type: 'move'; container: FieldPath; index: number };

export function readDrag(data: DataTransfer): DragPayload | undefined {
  try {
    const raw = data.getData(DRAG_MIME);
    return raw ? (JSON.parse(raw) as DragPayload) : undefined;
  } catch {
    return undefined;
  }
}
