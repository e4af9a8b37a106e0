/**
 * @module ui/pages/modeler/starters-panel: the 发起人 group of the properties panel on a process. It edits the zeebe
 * property `huiliu:starters` (roles, optionally `role@unitId`) that the server enforces on every start by hand; a
 * process without it is startable by its administrators only, so the group says so.
 */
import { isTextFieldEntryEdited, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { Lang } from '../../i18n';

export const STARTERS_PROPERTY = 'huiliu:starters';

const WORDS = {
  zh: {
    group: '发起人',
    label: '可发起的角色',
    description:
      '角色标识，逗号分隔；可写“角色@单位代码”限定单位，如 unit.cataloguer 或 unit.leader@gaj。留空则只有流程管理员可以发起；定时和消息启动不受影响。',
  },
  en: {
    group: 'Starters',
    label: 'Roles that may start it',
    description:
      'Role keys, comma separated; “role@unitId” limits to one unit, e.g. unit.cataloguer or unit.leader@gaj. Empty: only process administrators may start it. Timer and message starts are not affected.',
  },
} as const;

type Bo = any;
const isType = (bo: Bo, type: string) => !!bo && typeof bo.$instanceOf === 'function' && bo.$instanceOf(type);

/** The process a selected element stands for: the process itself (root) or a pool's. */
function processOf(element: { businessObject?: Bo }): Bo | undefined {
  const bo = element.businessObject;
  if (isType(bo, 'bpmn:Process')) return bo;
  if (isType(bo, 'bpmn:Participant')) return bo.processRef;
  return undefined;
}

function startersProperty(proc: Bo): Bo | undefined {
  const values: Bo[] = proc?.extensionElements?.values ?? [];
  for (const v of values.filter((x) => isType(x, 'zeebe:Properties')))
    for (const p of v.properties ?? []) if (p.name === STARTERS_PROPERTY) return p;
  return undefined;
}

export function readStarters(proc: Bo): string {
  return startersProperty(proc)?.value ?? '';
}

/** One undoable command: creates extensionElements / zeebe:properties / the property when missing. */
function writeStarters(element: Bo, proc: Bo, value: string, bpmnFactory: Bo, commandStack: Bo) {
  const commands: { cmd: string; context: Record<string, unknown> }[] = [];
  const update = (moddleElement: Bo, properties: Record<string, unknown>) =>
    commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } });
  const existing = startersProperty(proc);
  if (existing) {
    update(existing, { value });
  } else {
    let ext = proc.extensionElements;
    if (!ext) {
      ext = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
      ext.$parent = proc;
      update(proc, { extensionElements: ext });
    }
    let props = (ext.values ?? []).find((x: Bo) => isType(x, 'zeebe:Properties'));
    if (!props) {
      props = bpmnFactory.create('zeebe:Properties', { properties: [] });
      props.$parent = ext;
      update(ext, { values: [...(ext.values ?? []), props] });
    }
    const prop = bpmnFactory.create('zeebe:Property', { name: STARTERS_PROPERTY, value });
    prop.$parent = props;
    update(props, { properties: [...(props.properties ?? []), prop] });
  }
  commandStack.execute('properties-panel.multi-command-executor', commands);
}

/** The entry component; the panel passes the entry's own fields (`lang`) as props. */
function StartersEntry(props: { element: Bo; id: string; lang: Lang }) {
  const { element, id, lang } = props;
  const bpmnFactory = useService('bpmnFactory');
  const commandStack = useService('commandStack');
  const debounce = useService('debounceInput');
  const proc = processOf(element);
  return h(TextFieldEntry, {
    element,
    id,
    label: WORDS[lang].label,
    description: WORDS[lang].description,
    debounce,
    getValue: () => readStarters(proc),
    setValue: (value: string) =>
      writeStarters(element, proc, (value ?? '').trim(), bpmnFactory, commandStack),
  });
}

/** A bpmn-js module adding the group right after 常规 (General) when a process or a pool is selected. */
export function startersPanelModule(lang: Lang) {
  class StartersProvider {
    static $inject = ['propertiesPanel'];
    constructor(propertiesPanel: Bo) {
      propertiesPanel.registerProvider(400, this);
    }
    getGroups(element: Bo) {
      return (groups: Bo[]) => {
        if (!processOf(element)) return groups;
        const group = {
          id: 'huiliu-starters',
          label: WORDS[lang].group,
          entries: [
            { id: 'huiliu-starters-value', component: StartersEntry, lang, isEdited: isTextFieldEntryEdited },
          ],
        };
        const general = groups.findIndex((g) => g.id === 'general');
        groups.splice(general >= 0 ? general + 1 : 0, 0, group);
        return groups;
      };
    }
  }
  return { __init__: ['huiliuStartersProvider'], huiliuStartersProvider: ['type', StartersProvider] };
}
