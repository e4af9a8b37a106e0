/**
 * @module ui/pages/admin/calendar-page: /admin/calendar: a year's holidays and make-up working days, loading a year's
 * official schedule (which recomputes provisional deadlines), and the deadlines that stay provisional until then.
 */
import { CalendarOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type CalendarSource, calendar } from '../../api';
import { useAsync } from '../../lib';
import { daysInRun, toRuns } from './date-list';
import { useAdminT } from './messages';
import { ProvisionalList } from './provisional-list';
import { YearEditor } from './year-editor';
import { YearGrid } from './year-grid';

const SOURCE_COLOR: Record<CalendarSource, string> = { package: 'blue', admin: 'green', none: 'orange' };

function Runs({ dates, testId }: { dates: string[]; testId: string }) {
  const t = useAdminT();
  if (!dates.length) return <span data-testid={testId}>{t('calendar.none')}</span>;
  return (
    <Space wrap size={[12, 2]} data-testid={testId}>
      {toRuns(dates).map((run) => (
        <span key={run[0]}>
          {run[0] === run[1] ? run[0] : `${run[0]} ~ ${run[1].slice(5)}`}
          {run[0] === run[1] ? null : (
            <Tag style={{ marginLeft: 6 }}>{t('calendar.days', { n: daysInRun(run) })}</Tag>
          )}
        </span>
      ))}
    </Space>
  );
}

export default function CalendarPage() {
  const t = useAdminT();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const schedule = useAsync(() => calendar.year(year), [year]);
  const provisional = useAsync(() => calendar.provisional(), []);
  const [editing, setEditing] = useState(false);
  const [loaded, setLoaded] = useState<{ year: number; recomputed: number }>();
  const missing = provisional.data?.missingYears ?? [];
  const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, thisYear + 2, year, ...missing])].sort(
    (a, b) => a - b,
  );
  const s = schedule.data?.year === year ? schedule.data : undefined;
  const items = (provisional.data?.items ?? []).filter(
    (d) => s?.source !== 'none' || d.missingYears.includes(year),
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('calendar.title')}
        extra={
          <Space>
            <label htmlFor="calendar-year">{t('calendar.year')}</label>
            <Select
              id="calendar-year"
              style={{ width: 110 }}
              value={year}
              options={years.map((y) => ({ value: y, label: missing.includes(y) ? `${y} ⚠` : String(y) }))}
              onChange={(y) => {
                setLoaded(undefined);
                setParams({ year: String(y) }, { replace: true });
              }}
              data-testid="calendar-year"
            />
            <Button
              type="primary"
              icon={<CalendarOutlined />}
              disabled={!s}
              onClick={() => setEditing(true)}
              data-testid="calendar-edit"
            >
              {t(s?.source === 'none' ? 'calendar.load' : 'calendar.reload')}
            </Button>
          </Space>
        }
        loading={schedule.loading && !s}
      >
        {loaded?.year === year ? (
          <Alert
            type="success"
            showIcon
            closable
            style={{ marginBottom: 16 }}
            title={
              <span data-testid="calendar-recomputed">
                {t('calendar.loaded', { year, n: loaded.recomputed })}
              </span>
            }
          />
        ) : null}
        {s?.source === 'none' ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('calendar.notLoaded', { year })}
            data-testid="calendar-not-loaded"
          />
        ) : null}
        {s ? (
          <>
            <Descriptions column={3} size="small" bordered layout="vertical" style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('calendar.source')}>
                <Tag color={SOURCE_COLOR[s.source]} data-testid="calendar-source" data-source={s.source}>
                  {t(`calendar.source.${s.source}` as const)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('calendar.holidays')}>
                <Runs dates={s.holidays} testId="calendar-holidays" />
              </Descriptions.Item>
              <Descriptions.Item label={t('calendar.makeup')}>
                <Runs dates={s.makeupWorkdays} testId="calendar-makeup" />
              </Descriptions.Item>
            </Descriptions>
            <YearGrid year={year} holidays={s.holidays} makeupWorkdays={s.makeupWorkdays} />
          </>
        ) : (
          <Empty />
        )}
      </Card>
      {items.length || s?.source === 'none' ? (
        <Card title={`${t('provisional.title')}（${items.length}）`} data-testid="provisional-card">
          <ProvisionalList items={items} loading={provisional.loading} />
        </Card>
      ) : null}
      {editing && s ? (
        <YearEditor
          year={year}
          current={s}
          onClose={() => setEditing(false)}
          onLoaded={(recomputed) => {
            setEditing(false);
            setLoaded({ year, recomputed });
            schedule.reload();
            provisional.reload();
          }}
        />
      ) : null}
    </Space>
  );
}
