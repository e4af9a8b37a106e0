/** @module ui/pages/cc: 抄送我的 as its own page (/cc), the same list as the inbox's tab. */
import { Card } from 'antd';
import { useActionsText } from '../tasks/actions/messages';
import { CcList } from './cc-list';

export default function CcPage() {
  const text = useActionsText();
  return (
    <Card title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>{text.ccPage.title}</h1>}>
      <CcList />
    </Card>
  );
}
