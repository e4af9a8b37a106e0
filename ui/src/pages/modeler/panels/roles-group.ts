/**
 * @module ui/pages/modeler/panels/roles-group: the 办理角色 group on a user task: the role catalog (GET /api/roles) as
 * check boxes instead of typing `authority.reviewer` into candidate groups. Groups the catalog does not know (e.g.
 * `unit.leader@gaj`) are kept; a FEEL expression is left to the zeebe 分配 group, where it was written.
 */
import { h } from '@bpmn-io/properties-panel/preact';
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import { useService } from 'bpmn-js-properties-panel';
import { type CatalogRole, catalogRole, loadRoleCatalog } from '../../../lib/role-catalog';
import type { Lang } from '../../../i18n';
import { request } from '../../../api';
import { type Bo, Edit, extOf } from './moddle-edit';
import { panelWords } from './words';

let roles: Promise<CatalogRole[]> | undefined;
const loadRoles = () => {
  roles ??= request<{ items: CatalogRole[] }>('/roles').then(
    (r) => r.items,
    () => {
      roles = undefined;
      return [];
    },
  );
  return roles;
};

/** `a, b` → ['a', 'b']. */
export const splitGroups = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function RolesEntry({ element, lang }: { element: Bo; lang: Lang }) {
  const bpmnFactory = useService('bpmnFactory');
  const commandStack = useService('commandStack');
  const w = panelWords(lang);
  const [list, setList] = useState<CatalogRole[] | undefined>();
  useEffect(() => {
    let alive = true;
    void loadRoleCatalog();
    void loadRoles().then((r) => alive && setList(r));
    return () => {
      alive = false;
    };
  }, []);
  const bo = element.businessObject;
  const assignment = extOf(bo, 'zeebe:AssignmentDefinition');
  const value: string = assignment?.candidateGroups ?? '';
  if (value.trim().startsWith('='))
    return h('div', { class: 'hl-panel-note' }, w.rolesExpression, ' ', h('code', {}, value));
  if (!list) return h('div', { class: 'hl-panel-note' }, w.rolesLoading);
  const current = splitGroups(value);
  const toggle = (key: string, on: boolean) => {
    const next = on ? [...current, key] : current.filter((k) => k !== key);
    const edit = new Edit(element, bpmnFactory);
    const target = assignment ?? edit.ensureExt(bo, 'zeebe:AssignmentDefinition');
    edit.update(target, { candidateGroups: next.length ? next.join(', ') : undefined });
    edit.run(commandStack);
  };
  const name = (r: CatalogRole) => (lang === 'en' ? r.nameEn : r.name) || r.key;
  const unknown = current.filter((k) => !list.some((r) => r.key === k));
  return h(
    'div',
    { class: 'hl-roles', 'data-testid': 'role-picker' },
    h('div', { class: 'hl-panel-note' }, w.rolesHint),
    ...list.map((r) =>
      h(
        'label',
        { class: 'hl-role', title: r.key },
        h('input', {
          type: 'checkbox',
          checked: current.includes(r.key),
          onChange: (e: Event) => toggle(r.key, (e.target as HTMLInputElement).checked),
        }),
        ` ${name(r)}`,
      ),
    ),
    ...unknown.map((k) =>
      h(
        'label',
        { class: 'hl-role', title: k },
        h('input', { type: 'checkbox', checked: true, onChange: () => toggle(k, false) }),
        ` ${catalogRole(k.split('@')[0])?.name ?? k}${k.includes('@') ? `@${k.split('@')[1]}` : ''}`,
      ),
    ),
  );
}

export function rolesGroup(element: Bo, lang: Lang) {
  return {
    id: 'huiliu-roles',
    label: panelWords(lang).rolesGroup,
    entries: [{ id: 'huiliu-roles-list', component: RolesEntry, element, lang }],
  };
}
