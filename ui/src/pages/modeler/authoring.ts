/**
 * @module ui/pages/modeler/authoring: what a new administrator met drawing one more review step (#18), fixed in the
 * modeler itself: the palette's and the context pad's 任务 create user tasks (a plain task is skipped by the engine),
 * a shape dropped on a flow's label goes onto the flow, and a shape created over others pushes what lies right of it
 * aside instead of overlapping it (one undo step with the creation).
 */
import type { Lang } from '../../i18n';

type Any = any;

const TITLES = {
  zh: { create: '创建用户任务（需要有人办理的步骤）', append: '追加用户任务' },
  en: { create: 'Create user task (a step someone does)', append: 'Append user task' },
};

/** A user task with the zeebe:userTask marker, as the step templates make them. */
function userTaskShape(elementFactory: Any, bpmnFactory: Any) {
  const marker = bpmnFactory.create('zeebe:UserTask');
  const ext = bpmnFactory.create('bpmn:ExtensionElements', { values: [marker] });
  marker.$parent = ext;
  const bo = bpmnFactory.create('bpmn:UserTask', { extensionElements: ext });
  ext.$parent = bo;
  return elementFactory.createShape({ type: 'bpmn:UserTask', businessObject: bo });
}

const isFlowLabel = (el: Any) => !!el?.labelTarget && el.labelTarget.type === 'bpmn:SequenceFlow';
const isFlowNode = (el: Any) =>
  !!el && !el.labelTarget && !el.waypoints && !!el.businessObject?.$instanceOf?.('bpmn:FlowNode');

const overlaps = (a: Any, b: Any, margin = 10) =>
  a.x < b.x + b.width + margin &&
  b.x < a.x + a.width + margin &&
  a.y < b.y + b.height + margin &&
  b.y < a.y + a.height + margin;

export function authoringModule(lang: Lang) {
  const words = TITLES[lang];

  class UserTaskPalette {
    static $inject = ['palette', 'create', 'elementFactory', 'bpmnFactory'];
    constructor(
      palette: Any,
      private create: Any,
      private elementFactory: Any,
      private bpmnFactory: Any,
    ) {
      palette.registerProvider(500, this);
    }
    getPaletteEntries() {
      return (entries: Record<string, Any>) => {
        if (!entries['create.task']) return entries;
        const start = (event: Event) =>
          this.create.start(event, userTaskShape(this.elementFactory, this.bpmnFactory));
        entries['create.task'] = {
          ...entries['create.task'],
          className: 'bpmn-icon-user-task',
          title: words.create,
          action: { dragstart: start, click: start },
        };
        return entries;
      };
    }
  }

  class UserTaskContextPad {
    static $inject = ['contextPad', 'create', 'elementFactory', 'bpmnFactory', 'injector'];
    private autoPlace: Any;
    constructor(
      contextPad: Any,
      private create: Any,
      private elementFactory: Any,
      private bpmnFactory: Any,
      injector: Any,
    ) {
      this.autoPlace = injector.get('autoPlace', false);
      contextPad.registerProvider(500, this);
    }
    getContextPadEntries() {
      return (entries: Record<string, Any>) => {
        const entry = entries['append.append-task'];
        if (!entry) return entries;
        const shape = () => userTaskShape(this.elementFactory, this.bpmnFactory);
        entries['append.append-task'] = {
          ...entry,
          className: 'bpmn-icon-user-task',
          title: words.append,
          action: {
            ...entry.action,
            hover: undefined, // the preview would show a plain task
            dragstart: (event: Event, element: Any) => this.create.start(event, shape(), { source: element }),
            click: (event: Event, element: Any) =>
              this.autoPlace
                ? this.autoPlace.append(element, shape())
                : this.create.start(event, shape(), { source: element }),
          },
        };
        return entries;
      };
    }
  }

  /** While creating or moving, hovering a flow's label counts as hovering the flow (bpmn-js then inserts there). */
  class LabelDropTarget {
    static $inject = ['eventBus', 'elementRegistry'];
    constructor(eventBus: Any, elementRegistry: Any) {
      eventBus.on(['create.hover', 'create.move', 'shape.move.hover', 'shape.move.move'], 1500, (e: Any) => {
        if (!isFlowLabel(e.hover)) return;
        e.hover = e.hover.labelTarget;
        e.hoverGfx = elementRegistry.getGraphics(e.hover);
      });
    }
  }

  /** After a flow node is created over others, what lies right of its middle moves right by as much as needed. */
  class MakeRoom {
    static $inject = ['eventBus', 'elementRegistry', 'modeling', 'spaceTool'];
    constructor(eventBus: Any, elementRegistry: Any, modeling: Any, spaceTool: Any) {
      // a replacement (the replace menu: subprocess → event subprocess, start → message start) creates its new shape
      // over the old one before removing it: that is no drop, and making room for it pushed the whole diagram right
      let replacing = 0;
      eventBus.on('commandStack.shape.replace.preExecute', () => {
        replacing++;
      });
      eventBus.on('commandStack.shape.replace.preExecuted', () => {
        replacing--;
      });
      // priority below bpmn-js's drop-on-flow (1000), which has wired the shape into the flow by then
      eventBus.on('commandStack.shape.create.postExecuted', 250, (e: Any) => {
        const shape = e.context?.shape;
        if (replacing > 0 || !isFlowNode(shape) || shape.host) return;
        const neighbours = () =>
          elementRegistry.filter(
            (o: Any) =>
              o !== shape && o.parent === shape.parent && isFlowNode(o) && !o.host && overlaps(shape, o),
          );
        // dropped close to the step before it (a flow's label sits near its source): step right of that one first
        const left = neighbours().filter((o: Any) => o.x + o.width / 2 < shape.x + shape.width / 2);
        const dxSelf = left.length ? Math.max(...left.map((o: Any) => o.x + o.width + 40 - shape.x)) : 0;
        if (dxSelf > 0) modeling.moveShape(shape, { x: dxSelf, y: 0 });
        const middle = shape.x + shape.width / 2;
        const blocking = neighbours().filter((o: Any) => o.x + o.width / 2 >= middle);
        if (!blocking.length) return;
        const dx = Math.max(...blocking.map((o: Any) => shape.x + shape.width + 40 - o.x));
        if (dx <= 0) return;
        // the line starts just left of the nearest blocker, so it moves whole instead of being resized
        const from = Math.min(...blocking.map((o: Any) => o.x)) - 1;
        const all = elementRegistry.filter((o: Any) => o !== shape && o !== shape.label && o.parent);
        const { movingShapes, resizingShapes } = spaceTool.calculateAdjustments(all, 'x', dx, from);
        modeling.createSpace(movingShapes, resizingShapes, { x: dx, y: 0 }, 'e', from);
      });
    }
  }

  return {
    __init__: [
      'huiliuUserTaskPalette',
      'huiliuUserTaskContextPad',
      'huiliuLabelDropTarget',
      'huiliuMakeRoom',
    ],
    huiliuUserTaskPalette: ['type', UserTaskPalette],
    huiliuUserTaskContextPad: ['type', UserTaskContextPad],
    huiliuLabelDropTarget: ['type', LabelDropTarget],
    huiliuMakeRoom: ['type', MakeRoom],
  };
}

/**
 * After fitting the diagram, make sure nothing lies under the palette (the start event sat beneath it): the diagram
 * is shrunk to the width right of the palette if needed, then shifted right of it.
 */
export function keepClearOfPalette(canvas: Any, container: HTMLElement | null, gap = 16): void {
  const palette = container?.querySelector('.djs-palette');
  if (!palette || !container) return;
  const left = palette.getBoundingClientRect().right - container.getBoundingClientRect().left + gap;
  let vb = canvas.viewbox();
  if (!vb.inner.width || !vb.outer.width) return;
  const room = vb.outer.width - left - gap;
  if (room > 0 && vb.inner.width * vb.scale > room) {
    canvas.zoom(room / vb.inner.width, { x: 0, y: 0 });
    vb = canvas.viewbox();
  }
  const screenX = (vb.inner.x - vb.x) * vb.scale;
  if (screenX < left) canvas.scroll({ dx: left - screenX, dy: 0 });
}
