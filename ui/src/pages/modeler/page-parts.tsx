/** @module ui/pages/modeler/page-parts: pieces of the modeler page: the download menu and the deploy problems list. */
import { DownloadOutlined } from '@ant-design/icons';
import type Modeler from 'bpmn-js/lib/Modeler';
import { Alert, Button, Dropdown, List, Typography } from 'antd';
import type { ElementIssue } from '../../api';
import { useLocale } from '../../i18n';
import { download } from './new-diagram';
import { processOf, revealElement } from './problems';

/** .bpmn and .svg of the canvas, named after the process id. */
export function DownloadMenu({ modeler, label }: { modeler: Modeler | undefined; label: string }) {
  const { t } = useLocale();
  const downloadAs = async (kind: 'bpmn' | 'svg') => {
    if (!modeler) return;
    const id = processOf(modeler)?.id ?? 'diagram';
    if (kind === 'bpmn')
      download(`${id}.bpmn`, (await modeler.saveXML({ format: true })).xml ?? '', 'application/xml');
    else download(`${id}.svg`, (await modeler.saveSVG()).svg, 'image/svg+xml');
  };
  return (
    <Dropdown
      trigger={['click', 'hover']}
      menu={{
        items: [
          {
            key: 'bpmn',
            label: <span data-testid="modeler-download-bpmn">{t('modeler.downloadBpmn')}</span>,
            onClick: () => downloadAs('bpmn'),
          },
          {
            key: 'svg',
            label: <span data-testid="modeler-download-svg">{t('modeler.downloadSvg')}</span>,
            onClick: () => downloadAs('svg'),
          },
        ],
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid="modeler-download">
        {label}
      </Button>
    </Dropdown>
  );
}

/** The server's BPMN_INVALID details of the last deploy; a click reveals the element. */
export function DeployProblems({
  modeler,
  problems,
}: {
  modeler: Modeler | undefined;
  problems: ElementIssue[];
}) {
  const { t } = useLocale();
  if (!problems.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 8 }}
      title={`${t('modeler.problems')}（${problems.length}）`}
      description={
        <List
          size="small"
          data-testid="modeler-problems"
          dataSource={problems}
          renderItem={(p) => (
            <List.Item
              style={{ cursor: p.elementId ? 'pointer' : undefined, padding: '2px 0' }}
              onClick={() => p.elementId && modeler && revealElement(modeler, p.elementId)}
              data-testid="modeler-problem"
              data-element-id={p.elementId}
            >
              <Typography.Text code>{p.elementId || '—'}</Typography.Text> {p.message}
            </List.Item>
          )}
        />
      }
    />
  );
}
