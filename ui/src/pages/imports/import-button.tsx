/**
 * @module ui/pages/imports/import-button: a button that opens the Excel import dialog for one kind: template
 * download, file pick, a dry run listing every bad cell (sheet, row, column, message), and the commit once clean.
 * Upload progress comes from XHR; a spinner shows while the server parses. Users' one-time passwords are shown
 * once after the commit and offered as a CSV.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Space, Spin, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../../api';
import { showError } from '../../lib';
import { type ImportMessageKey, useImportT } from './messages';
import { type ImportKind, type ImportReport, passwordsCsv, uploadImport } from './upload-import';

const MAX_BYTES = 20 * 1024 * 1024;

type Phase = { uploading: number } | 'parsing' | undefined;

function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ImportButton({ kind, onImported }: { kind: ImportKind; onImported?: () => void }) {
  const t = useImportT();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File>();
  const [phase, setPhase] = useState<Phase>();
  const [report, setReport] = useState<ImportReport>();
  const [tooLarge, setTooLarge] = useState(false);
  const busy = phase !== undefined;

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setPhase({ uploading: 0 });
    try {
      const result = await uploadImport(kind, file, dryRun, setPhase);
      setReport(result);
      if (!dryRun && result.errors.length === 0) onImported?.();
    } catch (e) {
      showError(e);
    } finally {
      setPhase(undefined);
    }
  };
  const close = () => {
    setOpen(false);
    setFile(undefined);
    setReport(undefined);
    setTooLarge(false);
  };
  const committed = report && !report.dryRun && report.errors.length === 0;
  const clean = report?.dryRun && report.errors.length === 0;

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid={`import-${kind}`}>
        {t(`import.button.${kind}` as ImportMessageKey)}
      </Button>
      <Modal
        open={open}
        title={t(`import.title.${kind}` as ImportMessageKey)}
        onCancel={busy ? undefined : close}
        maskClosable={false}
        width={820}
        destroyOnHidden
        footer={
          committed ? (
            <Button onClick={close} data-testid="import-close">
              {t('import.close')}
            </Button>
          ) : (
            <Space>
              <Button disabled={!file || busy} onClick={() => run(true)} data-testid="import-check">
                {t('import.check')}
              </Button>
              <Button
                type="primary"
                disabled={!clean || busy}
                onClick={() => run(false)}
                data-testid="import-commit"
              >
                {t('import.commit')}
              </Button>
            </Space>
          )
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('import.step1')}</Typography.Text>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              downloadFile(`/api/imports/${kind}/template.xlsx`, `${kind}-template.xlsx`).catch(showError)
            }
            data-testid="import-template"
          >
            {t('import.template')}
          </Button>
          <Typography.Text>{t('import.step2')}</Typography.Text>
          <Upload
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              setReport(undefined);
              setTooLarge(f.size > MAX_BYTES);
              setFile(f.size > MAX_BYTES ? undefined : f);
              return false; // sent by uploadImport on 检查/导入, not by antd
            }}
          >
            <Button icon={<UploadOutlined />} disabled={busy} data-testid="import-pick">
              {t('import.pick')}
            </Button>
          </Upload>
          {file && <Typography.Text data-testid="import-file">{file.name}</Typography.Text>}
          {tooLarge && <Alert type="error" showIcon title={t('import.tooLarge')} />}
          <Typography.Text type="secondary">{t('import.step3')}</Typography.Text>
          {phase && phase !== 'parsing' && (
            <Progress
              percent={phase.uploading}
              size="small"
              format={(p) => t('import.uploading', { percent: p ?? 0 })}
            />
          )}
          {phase === 'parsing' && (
            <Space data-testid="import-parsing">
              <Spin size="small" />
              <Typography.Text>{t('import.parsing')}</Typography.Text>
            </Space>
          )}
          {report && !busy && <ReportView report={report} />}
        </Space>
      </Modal>
    </>
  );
}

function ReportView({ report }: { report: ImportReport }) {
  const t = useImportT();
  const counts = {
    rows: report.rows,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
  };
  const passwords = report.oneTimePasswords ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-report">
      {report.errors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('import.hasErrors', { n: report.errors.length })}
          data-testid="import-has-errors"
        />
      ) : report.dryRun ? (
        <Alert
          type="success"
          showIcon
          title={t('import.clean')}
          description={t('import.summary', counts)}
          data-testid="import-clean"
        />
      ) : (
        <Alert type="success" showIcon title={t('import.done', counts)} data-testid="import-done" />
      )}
      {report.errors.length > 0 && (
        <Table
          size="small"
          rowKey={(_, i) => String(i)}
          dataSource={report.errors}
          pagination={report.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          data-testid="import-errors"
          columns={[
            { title: t('import.sheet'), dataIndex: 'sheet', width: 90 },
            { title: t('import.row'), dataIndex: 'row', width: 70, render: (r: number) => r || '' },
            { title: t('import.column'), dataIndex: 'column', width: 130 },
            { title: t('import.message'), dataIndex: 'message' },
          ]}
        />
      )}
      {passwords.length > 0 && (
        <>
          <Alert type="warning" showIcon title={t('import.passwords')} />
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              saveBlob(
                passwordsCsv(passwords, [t('import.username'), t('import.oneTimePassword')]),
                'one-time-passwords.csv',
              )
            }
            data-testid="import-passwords-download"
          >
            {t('import.passwordsDownload')}
          </Button>
          <Table
            size="small"
            rowKey="username"
            dataSource={passwords}
            pagination={false}
            data-testid="import-passwords"
            columns={[
              { title: t('import.username'), dataIndex: 'username' },
              {
                title: t('import.oneTimePassword'),
                dataIndex: 'oneTimePassword',
                render: (p: string) => (
                  <Typography.Text code copyable>
                    {p}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
