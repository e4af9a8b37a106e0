/** @module ui/pages/admin/year-grid: a year at a glance: twelve small months, holidays in red, make-up working days in blue. */
import { Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useAdminT } from './messages';

const cell: CSSProperties = {
  width: 24,
  height: 22,
  lineHeight: '22px',
  textAlign: 'center',
  fontSize: 12,
  borderRadius: 3,
};
const HOLIDAY: CSSProperties = { background: '#fff1f0', color: '#cf1322', fontWeight: 600 };
const MAKEUP: CSSProperties = { background: '#e6f4ff', color: '#0958d9', fontWeight: 600 };
const WEEKEND: CSSProperties = { color: '#8c8c8c' };

const pad = (n: number) => String(n).padStart(2, '0');
const WEEK = [0, 1, 2, 3, 4, 5, 6];
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

function Month({
  year,
  month,
  holidays,
  makeup,
}: {
  year: number;
  month: number;
  holidays: Set<string>;
  makeup: Set<string>;
}) {
  const t = useAdminT();
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // Monday-first weeks, as Chinese calendars print them.
  const offset = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const weekdays = [...t('weekday.short')];
  return (
    <div data-testid={`calendar-month-${month}`}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
        {t('month', { m: month })}
      </Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 24px)', gap: 2 }}>
        {WEEK.map((d) => (
          <div key={`h${d}`} style={{ ...cell, ...(d >= 5 ? WEEKEND : {}), fontSize: 11 }}>
            {weekdays[d]}
          </div>
        ))}
        {WEEK.slice(0, offset).map((d) => (
          <div key={`e${d}`} />
        ))}
        {Array.from({ length: days }, (_, i) => {
          const date = `${year}-${pad(month)}-${pad(i + 1)}`;
          const weekend = (offset + i) % 7 >= 5;
          const style = holidays.has(date) ? HOLIDAY : makeup.has(date) ? MAKEUP : weekend ? WEEKEND : {};
          const kind = holidays.has(date) ? 'holiday' : makeup.has(date) ? 'makeup' : undefined;
          return (
            <div
              key={date}
              style={{ ...cell, ...style }}
              title={date}
              data-day={kind ? date : undefined}
              data-kind={kind}
            >
              {i + 1}
            </div>
          );
        })}
      </div>
    </div>
  );
}

export function YearGrid({
  year,
  holidays,
  makeupWorkdays,
}: {
  year: number;
  holidays: string[];
  makeupWorkdays: string[];
}) {
  const t = useAdminT();
  const h = new Set(holidays);
  const m = new Set(makeupWorkdays);
  return (
    <div data-testid="calendar-grid">
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
          gap: '12px 16px',
        }}
      >
        {MONTHS.map((month) => (
          <Month key={month} year={year} month={month} holidays={h} makeup={m} />
        ))}
      </div>
      <div style={{ display: 'flex', gap: 16, marginTop: 12, fontSize: 12 }}>
        <span>
          <span
            style={{ ...cell, ...HOLIDAY, display: 'inline-block', width: 14, height: 14, marginRight: 4 }}
          />
          {t('calendar.legend.holiday')}
        </span>
        <span>
          <span
            style={{ ...cell, ...MAKEUP, display: 'inline-block', width: 14, height: 14, marginRight: 4 }}
          />
          {t('calendar.legend.makeup')}
        </span>
        <span style={WEEKEND}>{t('calendar.legend.weekend')}</span>
      </div>
    </div>
  );
}
