/** @module ui/pages/admin/use-roles: the role keys with Chinese/English names, from the server's roles.ts via /api/admin/roles. */
import { useMemo } from 'react';
import { adminUsers, type RoleInfo } from '../../api';
import { useLocale } from '../../i18n';
import { roleName, useAsync } from '../../lib';

export interface Roles {
  list: RoleInfo[];
  label: (key: string) => string;
}

export function useRoles(): Roles {
  const { lang } = useLocale();
  const { data } = useAsync(() => adminUsers.roles().then((r) => r.items), []);
  return useMemo(() => {
    const list = data ?? [];
    const byKey = new Map(list.map((r) => [r.key, r]));
    const label = (key: string) => {
      const r = byKey.get(key);
      return r ? (lang === 'en' ? r.nameEn : r.name) : roleName(key);
    };
    return { list, label };
  }, [data, lang]);
}
