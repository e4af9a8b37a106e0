/** @module ui/pages/imports/export-button: 导出 Excel of the catalog with the list's current filters (GET /api/catalog/export.xlsx). */
import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { buildUrl, downloadFile, type Query } from '../../api';
import { showError } from '../../lib';
import { useImportT } from './messages';

export function CatalogExportButton({ filters }: { filters?: Query }) {
  const t = useImportT();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      data-testid="catalog-export"
      onClick={async () => {
        setBusy(true);
        try {
          await downloadFile(buildUrl('/catalog/export.xlsx', filters), 'catalog.xlsx');
        } catch (e) {
          showError(e);
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('export.catalog')}
    </Button>
  );
}
