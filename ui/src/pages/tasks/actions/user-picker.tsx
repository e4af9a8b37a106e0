/**
 * @module ui/pages/tasks/actions/user-picker: choose people by unit and role, or by typing a name (转办, 委派, 加签,
 * 抄送). Options come from GET /api/users (enabled colleagues, at most 50 a query), units from the unit list and roles
 * from the role catalog.
 */
import { Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { request } from '../../../api';
import { unitNameMap } from '../../../forms/refs';
import { useLocale } from '../../../i18n';
import { type CatalogRole, roleName } from '../../../lib';
import { approvals, type DirectoryUser } from './api';
import { useActionsText } from './messages';

export interface UserPickerProps {
  multiple?: boolean;
  value: string[];
  onChange: (usernames: string[]) => void;
  /** Start with this unit selected (the task's unit: whom one usually hands work to). */
  defaultUnitId?: string;
  testId: string;
}

export function UserPicker({ multiple, value, onChange, defaultUnitId, testId }: UserPickerProps) {
  const text = useActionsText();
  const { lang } = useLocale();
  const [units, setUnits] = useState<{ value: string; label: string }[]>([]);
  const [roles, setRoles] = useState<CatalogRole[]>([]);
  const [unitId, setUnitId] = useState<string | undefined>(defaultUnitId);
  const [role, setRole] = useState<string>();
  const [q, setQ] = useState('');
  const [people, setPeople] = useState<DirectoryUser[]>([]);
  // Names already chosen stay labelled when a new filter no longer lists them.
  const [known, setKnown] = useState<Map<string, DirectoryUser>>(new Map());

  useEffect(() => {
    unitNameMap()
      .then((m) => setUnits([...m].map(([v, label]) => ({ value: v, label }))))
      .catch(() => undefined);
    request<{ items: CatalogRole[] }>('/roles')
      .then((r) => setRoles(r.items))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    let alive = true;
    const timer = window.setTimeout(() => {
      approvals
        .users({ unitId, role, q: q.trim() || undefined })
        .then((r) => {
          if (!alive) return;
          setPeople(r.items);
          setKnown((prev) => new Map([...prev, ...r.items.map((u) => [u.username, u] as const)]));
        })
        .catch(() => undefined);
    }, 200);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [unitId, role, q]);

  const label = (u: DirectoryUser) => `${u.name}（${u.username}，${u.unitName}）`;
  const listed = new Set(people.map((p) => p.username));
  const options = [
    ...people.map((u) => ({ value: u.username, label: label(u) })),
    ...value
      .filter((v) => !listed.has(v))
      .map((v) => ({ value: v, label: known.get(v) ? label(known.get(v) as DirectoryUser) : v })),
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={testId}>
      <Space wrap>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={text.pickUnit}
          aria-label={text.pickUnit}
          style={{ width: 200 }}
          value={unitId}
          options={units}
          onChange={setUnitId}
          data-testid={`${testId}-unit`}
        />
        <Select
          allowClear
          placeholder={text.pickRole}
          aria-label={text.pickRole}
          style={{ width: 200 }}
          value={role}
          options={roles.map((r) => ({
            value: r.key,
            label: lang === 'en' ? r.nameEn : r.name || roleName(r.key),
          }))}
          onChange={setRole}
          data-testid={`${testId}-role`}
        />
      </Space>
      <Select
        mode={multiple ? 'multiple' : undefined}
        showSearch={{ filterOption: false, onSearch: setQ }}
        allowClear
        placeholder={text.pickPeople}
        aria-label={text.pickPeople}
        style={{ width: '100%' }}
        value={multiple ? value : value[0]}
        options={options}
        onChange={(v: string | string[] | undefined) =>
          onChange(v === undefined ? [] : Array.isArray(v) ? v : [v])
        }
        data-testid={`${testId}-people`}
      />
    </Space>
  );
}
