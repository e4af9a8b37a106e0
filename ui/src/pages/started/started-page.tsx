/** @module ui/pages/started: 我发起的 as its own page (/started), the same list as the inbox's tab. */
import { Card } from 'antd';
import { useActionsText } from '../tasks/actions/messages';
import { StartedList } from './started-list';

export default function StartedPage() {
  const text = useActionsText();
  return (
    <Card title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>{text.started.title}</h1>}>
      <StartedList />
    </Card>
  );
}
