/**
 * @module ui/pages/dashboard/period-picker: the statistics period as antd's range picker in the UI's language (the
 * browser's native date inputs showed 12/01/2026 whatever the language, #17). Days are China dates: "today" is
 * China's today, later days cannot be picked, and the picker keeps from ≤ to.
 */
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../i18n';
import { chinaIsoDate } from './default-period';

const FORMAT = 'YYYY-MM-DD';

export function PeriodPicker({
  from,
  to,
  onChange,
}: {
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
}) {
  const t = useT();
  const today = chinaIsoDate(new Date());
  return (
    <span data-testid="stats-period">
      <DatePicker.RangePicker
        value={[dayjs(from, FORMAT), dayjs(to, FORMAT)]}
        format={FORMAT}
        allowClear={false}
        aria-label={t('dashboard.period')}
        disabledDate={(d: Dayjs) => d.format(FORMAT) > today}
        onChange={(range) => {
          const [a, b] = range ?? [];
          if (a && b) onChange(a.format(FORMAT), b.format(FORMAT));
        }}
      />
    </span>
  );
}
