/** @module ui/pages/dashboard/stale-card: entries past their collection deadline (三(四) 更新周期), most overdue first. */
import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useAsync } from '../../lib';
import { catalogScale, chinaMinute, type StaleEntry } from '../catalog/catalog-scale-api';
import { labelOf, useScaleT } from '../catalog/scale-messages';
import { useLocale } from '../../i18n';

export function StaleCard() {
  const st = useScaleT();
  const { lang } = useLocale();
  const stale = useAsync(() => catalogScale.stale({ pageSize: 10 }), []);
  const title = lang === 'en' ? 'Entries past their update cycle' : '超过更新周期未归集的目录';
  return (
    <Card
      title={title}
      data-testid="stale-card"
      extra={
        <Link to="/catalog?stale=true" data-testid="stale-all">
          {lang === 'en' ? `All ${stale.data?.total ?? 0}` : `全部 ${stale.data?.total ?? 0} 条`}
        </Link>
      }
    >
      <Table<StaleEntry>
        size="small"
        rowKey="entryId"
        loading={stale.loading}
        dataSource={stale.data?.items ?? []}
        pagination={false}
        data-testid="stale-list"
        columns={[
          {
            title: lang === 'en' ? 'Entry' : '目录',
            key: 'e',
            render: (_: unknown, e) => (
              <Link to={`/catalog/${e.entryId}`} data-testid={`stale-entry-${e.code}`}>
                {e.code} {e.name}
              </Link>
            ),
          },
          { title: lang === 'en' ? 'Unit' : '数源单位', dataIndex: 'unitName', responsive: ['sm'] },
          {
            title: st('updateCycle'),
            key: 'c',
            // On a phone: the entry and its deadline; the rest from md (768 px) up.
            responsive: ['md'],
            render: (_: unknown, e) => labelOf(st, 'cycle', e.updateCycle),
          },
          {
            title: st('lastCollected'),
            key: 'l',
            responsive: ['md'],
            render: (_: unknown, e) => (e.lastCollectedAt ? chinaMinute(e.lastCollectedAt) : st('never')),
          },
          {
            title: st('nextDue'),
            key: 'd',
            render: (_: unknown, e) => <Tag color="red">{chinaMinute(e.dueAt)}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
