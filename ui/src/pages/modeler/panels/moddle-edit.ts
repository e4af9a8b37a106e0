/**
 * @module ui/pages/modeler/panels/moddle-edit: building one undoable command out of several moddle updates on a
 * task's extension elements (zeebe:assignmentDefinition, zeebe:taskHeaders, the multi-instance loop), creating
 * the containers that are missing, as the zeebe properties panel itself does.
 */

export type Bo = any;
export interface Command {
  cmd: string;
  context: Record<string, unknown>;
}

export const isType = (bo: Bo, type: string) =>
  !!bo && typeof bo.$instanceOf === 'function' && bo.$instanceOf(type);

export const extOf = (bo: Bo, type: string): Bo | undefined =>
  (bo?.extensionElements?.values ?? []).find((v: Bo) => isType(v, type));

/** Collects updates for one element; `run` executes them as a single undo step. */
export class Edit {
  readonly commands: Command[] = [];
  constructor(
    readonly element: Bo,
    readonly bpmnFactory: Bo,
  ) {}

  update(moddleElement: Bo, properties: Record<string, unknown>) {
    this.commands.push({
      cmd: 'element.updateModdleProperties',
      context: { element: this.element, moddleElement, properties },
    });
  }

  /** Containers and values created in this edit, not yet on the business object until `run`. */
  private readonly pendingExt = new Map<Bo, Bo>();
  private readonly pendingValues = new Map<Bo, Bo[]>();

  /** The business object's extension element of `type`, created (with `init`) when missing. */
  ensureExt(bo: Bo, type: string, init: Record<string, unknown> = {}): Bo {
    let ext = bo.extensionElements ?? this.pendingExt.get(bo);
    const values: Bo[] = (ext && this.pendingValues.get(ext)) ?? ext?.values ?? [];
    const found = values.find((v) => isType(v, type));
    if (found) return found;
    if (!ext) {
      ext = this.bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
      ext.$parent = bo;
      this.pendingExt.set(bo, ext);
      this.update(bo, { extensionElements: ext });
    }
    const created = this.bpmnFactory.create(type, init);
    created.$parent = ext;
    const next = [...values, created];
    this.pendingValues.set(ext, next);
    this.update(ext, { values: next });
    return created;
  }

  run(commandStack: Bo) {
    if (this.commands.length) commandStack.execute('properties-panel.multi-command-executor', this.commands);
  }
}

/** A task header's value (zeebe:taskHeaders / zeebe:header key), or undefined. */
export function headerOf(bo: Bo, key: string): string | undefined {
  const headers = extOf(bo, 'zeebe:TaskHeaders');
  return (headers?.values ?? []).find((h: Bo) => h.key === key)?.value;
}

/** Sets (or with undefined removes) one task header. */
export function writeHeader(edit: Edit, bo: Bo, key: string, value: string | undefined) {
  const existing = extOf(bo, 'zeebe:TaskHeaders');
  if (!existing && value === undefined) return;
  const headers = existing ?? edit.ensureExt(bo, 'zeebe:TaskHeaders', { values: [] });
  const list: Bo[] = headers.values ?? [];
  const header = list.find((h) => h.key === key);
  if (value === undefined) {
    if (header) edit.update(headers, { values: list.filter((h) => h !== header) });
  } else if (header) {
    edit.update(header, { value });
  } else {
    const created = edit.bpmnFactory.create('zeebe:Header', { key, value });
    created.$parent = headers;
    edit.update(headers, { values: [...list, created] });
  }
}
