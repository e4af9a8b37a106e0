/**
 * @module ui/pages/modeler/keep-pad-click: a click on a context-pad icon right after typing in the properties panel
 * is not lost.
 *
 * Why it was lost: the mousedown on the icon moves focus, so the panel's field blurs and stores its value; that
 * command fires `elements.changed` for the selected element, and diagram-js's ContextPad answers by closing the pad
 * and building a new one. The mouseup lands on the new icon, the mousedown was on the removed one, so the browser's
 * click reaches no icon and the pad never hears it. Here, when the icon pressed is gone by the mouseup and an icon
 * with the same action of the new pad is under the pointer, that icon gets the click the person made. The new pad
 * is placed in a scheduled frame (ContextPad#_updatePosition), so it is looked for over the next few frames.
 */

interface Canvas {
  getContainer(): HTMLElement;
}
interface EventBus {
  on(event: string, callback: () => void): void;
}

const ENTRY = '.djs-context-pad .entry';
// how long the rebuilt pad may take to be placed under the pointer (a few frames; it is one in practice)
const FRAMES = 5;

/** The replacement for a pressed icon that has gone: the same action's icon under the pointer, if any. */
export function replacementEntry(pressed: Element, under: Element | null): Element | undefined {
  if (pressed.isConnected || !under) return undefined;
  const entry = under.closest(ENTRY);
  const action = pressed.getAttribute('data-action');
  return entry && action && entry.getAttribute('data-action') === action ? entry : undefined;
}

class KeepPadClick {
  static $inject = ['canvas', 'eventBus'];
  constructor(canvas: Canvas, eventBus: EventBus) {
    const container = canvas.getContainer();
    let pressed: Element | undefined;
    let replayed: Element | undefined;
    const onDown = (e: MouseEvent) => {
      replayed = undefined;
      const entry = e.target instanceof Element ? e.target.closest(ENTRY) : null;
      pressed = entry && container.contains(entry) ? entry : undefined;
    };
    const onUp = (e: MouseEvent) => {
      const was = pressed;
      pressed = undefined;
      if (!was || e.button !== 0 || was.isConnected) return;
      const { clientX, clientY } = e;
      const look = (framesLeft: number) => {
        const entry = replacementEntry(was, document.elementFromPoint(clientX, clientY));
        if (!entry) {
          if (framesLeft > 0) requestAnimationFrame(() => look(framesLeft - 1));
          return;
        }
        replayed = entry;
        entry.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, clientX, clientY }));
      };
      requestAnimationFrame(() => look(FRAMES));
    };
    // should a browser deliver its own click to the new icon as well, the action must not run twice
    const onClick = (e: MouseEvent) => {
      if (e.isTrusted && replayed && e.target instanceof Node && replayed.contains(e.target)) {
        e.stopPropagation();
        e.preventDefault();
      }
    };
    document.addEventListener('mousedown', onDown, true);
    document.addEventListener('mouseup', onUp, true);
    document.addEventListener('click', onClick, true);
    eventBus.on('diagram.destroy', () => {
      document.removeEventListener('mousedown', onDown, true);
      document.removeEventListener('mouseup', onUp, true);
      document.removeEventListener('click', onClick, true);
    });
  }
}

export const keepPadClickModule = {
  __init__: ['huiliuKeepPadClick'],
  huiliuKeepPadClick: ['type', KeepPadClick],
};
