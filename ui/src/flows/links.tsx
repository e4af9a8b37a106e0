/** @module ui/flows/links: the way into the designer from the process list, and the 简易设计器 / 高级模式 switch of the modeler. */
import { Button, Segmented } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useFlowWords } from './messages';

/** 简易设计器 for one process in the process list. */
export function SimpleDesignerLink({ processKey }: { processKey: string }) {
  const w = useFlowWords();
  return (
    <Link to={`/flows/${processKey}`} data-testid={`flow-${processKey}`}>
      <Button>{w.simple}</Button>
    </Link>
  );
}

/** The switch the modeler shows (高级模式 selected); choosing 简易设计器 opens the same process as cards. */
export function DesignerSwitch({ processKey }: { processKey?: string }) {
  const w = useFlowWords();
  const navigate = useNavigate();
  return (
    <Segmented
      aria-label={`${w.simple} / ${w.advanced}`}
      value="advanced"
      options={[
        { value: 'simple', label: w.simple },
        { value: 'advanced', label: w.advanced },
      ]}
      onChange={(v) => v === 'simple' && navigate(`/flows/${processKey ?? 'new'}`)}
      data-testid="designer-switch"
    />
  );
}
