/** @module ui/pages/processes: the processes this user may start; each opens its start form. Admins also reach the modeler. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table } from 'antd';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { definitions, itemsOf, type ProcessDefinitionSummary } from '../../api';
import { useUser } from '../../auth';
import { prefetchWhenIdle } from '../../forms';
import { useT } from '../../i18n';
import { formatTime, isAdmin, useAsync } from '../../lib';
import { SimpleDesignerLink } from '../../flows/links';
import { StartDrawer } from './start-drawer';

export default function ProcessesPage() {
  const t = useT();
  const user = useUser();
  const admin = isAdmin(user.roles);
  const [params, setParams] = useSearchParams();
  const startKey = params.get('start');
  const prefill = Object.fromEntries([...params.entries()].filter(([k]) => k !== 'start'));
  const list = useAsync(() => definitions.list({ latest: true, pageSize: 100 }).then(itemsOf), []);
  // Everyone sees what they may start; the process administrator sees every process (to design it).
  const shown = (list.data ?? []).filter((d) => d.canStart !== false || admin);
  // Starting a process shows its start form: load the form renderer while the user reads the list.
  const listed = list.data !== undefined;
  useEffect(() => (listed ? prefetchWhenIdle() : undefined), [listed]);

  return (
    <Card
      title={t('processes.title')}
      extra={
        admin ? (
          <Link to="/modeler">
            <Button icon={<PlusOutlined />} data-testid="new-diagram">
              {t('processes.newDiagram')}
            </Button>
          </Link>
        ) : null
      }
    >
      <Table<ProcessDefinitionSummary>
        rowKey="id"
        loading={list.loading}
        dataSource={shown}
        pagination={false}
        locale={{ emptyText: t('processes.empty') }}
        data-testid="process-list"
        columns={[
          { title: t('tasks.process'), dataIndex: 'name', render: (n: string, d) => n || d.key },
          { title: 'Key', dataIndex: 'key', responsive: ['md'], render: (k: string) => <code>{k}</code> },
          { title: t('processes.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
          {
            title: t('processes.deployedAt'),
            dataIndex: 'deployedAt',
            responsive: ['md'],
            render: formatTime,
          },
          {
            title: t('tasks.actions'),
            key: 'a',
            render: (_: unknown, d) => (
              <Space wrap>
                {d.canStart !== false ? (
                  <Button
                    type="primary"
                    onClick={() => setParams({ start: d.key })}
                    data-testid={`start-${d.key}`}
                  >
                    {t('processes.start')}
                  </Button>
                ) : null}
                {admin ? (
                  <Link to={`/modeler/${d.key}`} data-testid={`design-${d.key}`}>
                    <Button>{t('processes.design')}</Button>
                  </Link>
                ) : null}
                {admin ? <SimpleDesignerLink processKey={d.key} /> : null}
              </Space>
            ),
          },
        ]}
      />
      {startKey ? (
        <StartDrawer key={startKey} processKey={startKey} prefill={prefill} onClose={() => setParams({})} />
      ) : null}
    </Card>
  );
}
