/** @module ui/pages/admin/year-editor: the administrator types or pastes a year's official schedule and loads it (PUT /api/calendar/{year}). */
import { Alert, Button, Drawer, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, type CalendarYear, calendar } from '../../api';
import { showError } from '../../lib';
import { formatDateList, parseDateList } from './date-list';
import { useAdminT } from './messages';

export function YearEditor(props: {
  year: number;
  current: CalendarYear;
  onClose: () => void;
  onLoaded: (recomputed: number) => void;
}) {
  const { year, current, onClose, onLoaded } = props;
  const t = useAdminT();
  const [holidays, setHolidays] = useState(() => formatDateList(current.holidays));
  const [makeup, setMakeup] = useState(() => formatDateList(current.makeupWorkdays));
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const h = parseDateList(holidays);
  const m = parseDateList(makeup);
  const invalid = [...h.invalid, ...m.invalid];

  const submit = async () => {
    setBusy(true);
    setRefusal(undefined);
    try {
      const res = await calendar.load(year, { holidays: h.dates, makeupWorkdays: m.dates });
      onLoaded(res.recomputed);
    } catch (err) {
      // The server's check of the schedule (dates of another year, a day both off and worked) is shown in place.
      if (err instanceof ApiError && err.status === 400) setRefusal(err.message);
      else showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open
      size={560}
      title={`${t(current.source === 'none' ? 'calendar.load' : 'calendar.reload')} · ${year}`}
      onClose={onClose}
      destroyOnHidden
      data-testid="year-editor"
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={busy}
            disabled={invalid.length > 0 || h.dates.length === 0}
            onClick={submit}
            data-testid="year-submit"
          >
            {t('calendar.submit')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('calendar.editorHint')}</Typography.Paragraph>
      <Form layout="vertical" name="year-schedule">
        <Form.Item label={t('calendar.holidaysInput')} htmlFor="year-holidays">
          <Input.TextArea
            id="year-holidays"
            rows={10}
            value={holidays}
            onChange={(e) => setHolidays(e.target.value)}
            placeholder={`${year}-01-01\n${year}-10-01~${year}-10-07`}
            data-testid="year-holidays"
          />
        </Form.Item>
        <Form.Item label={t('calendar.makeupInput')} htmlFor="year-makeup">
          <Input.TextArea
            id="year-makeup"
            rows={4}
            value={makeup}
            onChange={(e) => setMakeup(e.target.value)}
            placeholder={`${year}-09-26`}
            data-testid="year-makeup"
          />
        </Form.Item>
      </Form>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text data-testid="year-parsed">
          {t('calendar.parsed', { h: h.dates.length, m: m.dates.length })}
        </Typography.Text>
        {invalid.length ? (
          <Alert
            type="warning"
            showIcon
            title={t('calendar.invalid', { items: invalid.join('、') })}
            data-testid="year-invalid"
          />
        ) : null}
        {refusal ? <Alert type="error" showIcon title={refusal} data-testid="year-refused" /> : null}
      </Space>
    </Drawer>
  );
}
