/**
 * @module ui/pages/imports/catalog-tools: the catalog page's Excel buttons, in one hook-in: 导出 Excel (the list's
 * filters) for everyone, 导入目录 and 导入信息系统 for the authority's administrator and a unit's cataloguer.
 */
import type { Query } from '../../api';
import { useUser } from '../../auth';
import { CatalogExportButton } from './export-button';
import { ImportButton } from './import-button';

export function CatalogTools({ filters, onImported }: { filters?: Query; onImported?: () => void }) {
  const user = useUser();
  const mayImport = user.roles.includes('authority.admin') || user.roles.includes('unit.cataloguer');
  return (
    <>
      <CatalogExportButton filters={filters} />
      {mayImport && <ImportButton kind="systems" onImported={onImported} />}
      {mayImport && <ImportButton kind="catalog" onImported={onImported} />}
    </>
  );
}
