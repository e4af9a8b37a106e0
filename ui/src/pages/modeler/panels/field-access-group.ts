/**
 * @module ui/pages/modeler/panels/field-access-group: the 字段权限 group on a user task: the bound form's fields, each
 * 可编辑 / 只读 / 隐藏, written to the `fieldAccess` task header the server enforces (docs/api.md). The form is
 * read by its key from the server; a task without a form says where to bind one.
 */
import { h } from '@bpmn-io/properties-panel/preact';
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import { useService } from 'bpmn-js-properties-panel';
import { forms } from '../../../api';
import type { Lang } from '../../../i18n';
import {
  ACCESS_VALUES,
  type Access,
  accessOf,
  FIELD_ACCESS_HEADER,
  type FormField,
  formFields,
  isValid,
  parseFieldAccess,
  setAccess,
} from './field-access';
import { type Bo, Edit, extOf, headerOf, writeHeader } from './moddle-edit';
import { panelWords } from './words';

const formIdOf = (bo: Bo): string | undefined => {
  const id = extOf(bo, 'zeebe:FormDefinition')?.formId;
  return typeof id === 'string' && id.trim() && !id.startsWith('=') ? id.trim() : undefined;
};

/** One fetch per form key while the page lives: selecting tasks back and forth does not refetch. */
const cache = new Map<string, Promise<FormField[] | null>>();
function loadFields(key: string): Promise<FormField[] | null> {
  let p = cache.get(key);
  if (!p) {
    p = forms.get(key).then(
      (f) => formFields(f.schema),
      () => {
        cache.delete(key);
        return null;
      },
    );
    cache.set(key, p);
  }
  return p;
}

function FieldAccessEntry({ element, lang }: { element: Bo; lang: Lang }) {
  const bpmnFactory = useService('bpmnFactory');
  const commandStack = useService('commandStack');
  const w = panelWords(lang);
  const bo = element.businessObject;
  const formId = formIdOf(bo);
  const [fields, setFields] = useState<{ key: string; list: FormField[] | null } | undefined>();
  useEffect(() => {
    if (!formId) return;
    let alive = true;
    void loadFields(formId).then((list) => alive && setFields({ key: formId, list }));
    return () => {
      alive = false;
    };
  }, [formId]);

  if (!formId) return h('div', { class: 'hl-panel-note' }, w.noForm);
  if (fields?.key !== formId) return h('div', { class: 'hl-panel-note' }, w.formLoading);
  if (!fields.list) return h('div', { class: 'hl-panel-note' }, `${w.formMissing}：${formId}`);
  const raw = headerOf(bo, FIELD_ACCESS_HEADER);
  const map = parseFieldAccess(raw);
  const set = (path: string, access: Access) => {
    const edit = new Edit(element, bpmnFactory);
    writeHeader(edit, bo, FIELD_ACCESS_HEADER, setAccess(map, path, access));
    edit.run(commandStack);
  };
  const label = { edit: w.edit, read: w.read, hidden: w.hidden };
  return h(
    'div',
    { class: 'hl-field-access', 'data-testid': 'field-access' },
    isValid(raw) ? null : h('div', { class: 'hl-panel-note hl-panel-warn' }, w.invalidHeader),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', {}, w.field), ...ACCESS_VALUES.map((a) => h('th', {}, label[a])))),
      h(
        'tbody',
        {},
        ...fields.list.map((f) => {
          const { access, inherited } = accessOf(map, f.path);
          return h(
            'tr',
            { 'data-field': f.path },
            h(
              'td',
              { style: { paddingLeft: `${4 + f.depth * 12}px` }, title: f.path },
              f.title,
              inherited ? h('span', { class: 'hl-muted' }, w.inherited) : null,
            ),
            ...ACCESS_VALUES.map((a) =>
              h(
                'td',
                {},
                h('input', {
                  type: 'radio',
                  name: `hl-fa-${bo.id}-${f.path}`,
                  'aria-label': `${f.title} ${label[a]}`,
                  checked: access === a,
                  onChange: () => set(f.path, a),
                }),
              ),
            ),
          );
        }),
      ),
    ),
  );
}

export function fieldAccessGroup(element: Bo, lang: Lang) {
  return {
    id: 'huiliu-field-access',
    label: panelWords(lang).fieldsGroup,
    entries: [{ id: 'huiliu-field-access-table', component: FieldAccessEntry, element, lang }],
  };
}
