/** @module ui/pages/dashboard/export-button: downloads the period's bulletin (.xlsx) with the session, showing progress and any error. */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space } from 'antd';
import { useState } from 'react';
import { downloadFile, supervision } from '../../api';
import { useT } from '../../i18n';

export function ExportButton({ from, to }: { from: string; to: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [fraction, setFraction] = useState<number>();
  const [error, setError] = useState<string>();

  async function run() {
    setBusy(true);
    setError(undefined);
    setFraction(undefined);
    try {
      await downloadFile(supervision.bulletinUrl(from, to), `bulletin_${from}_${to}.xlsx`, setFraction);
    } catch (err) {
      setError(`${t('dashboard.exportFailed')}：${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" size={4}>
      <Space>
        <Button
          icon={<DownloadOutlined />}
          loading={busy}
          disabled={from > to}
          onClick={run}
          data-testid="bulletin-export"
        >
          {busy ? t('dashboard.exporting') : t('dashboard.export')}
        </Button>
        {busy && fraction !== undefined ? (
          <Progress
            type="circle"
            size={24}
            percent={Math.round(fraction * 100)}
            data-testid="bulletin-progress"
          />
        ) : null}
      </Space>
      {error ? (
        <Alert type="error" showIcon closable title={error} data-testid="bulletin-export-error" />
      ) : null}
    </Space>
  );
}
