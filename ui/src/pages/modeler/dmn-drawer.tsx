/**
 * @module ui/pages/modeler/dmn-drawer: the 决策表 button and drawer beside the modeler. The editor (dmn-js) is a lazy
 * chunk fetched on first open; its `.dmn` files stay with the page and go into the process's deployment.
 */
import { TableOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Spin } from 'antd';
import { lazy, Suspense, useState } from 'react';
import type { Lang } from '../../i18n';
import type { DmnResource } from '../dmn/dmn-workspace';
import { calledDecisions } from '../dmn/new-decision';

const DmnWorkspace = lazy(() => import('../dmn/dmn-workspace'));

export function DmnButton(props: {
  lang: Lang;
  resources: DmnResource[];
  onChange: (next: DmnResource[]) => void;
  /** The diagram's XML when the drawer opens, for the decisions its business rule tasks call. */
  bpmnXml: () => Promise<string>;
}) {
  const { lang, resources, onChange, bpmnXml } = props;
  const [open, setOpen] = useState(false);
  const [called, setCalled] = useState<string[]>([]);
  const label = lang === 'en' ? 'Decision tables' : '决策表';
  return (
    <>
      <Badge count={resources.length} size="small">
        <Button
          icon={<TableOutlined />}
          onClick={async () => {
            setCalled(calledDecisions(await bpmnXml().catch(() => '')));
            setOpen(true);
          }}
          data-testid="modeler-dmn"
        >
          {label}
        </Button>
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        size="large"
        width="88%"
        title={label}
        forceRender={false}
      >
        {open ? (
          <Suspense fallback={<Spin />}>
            <DmnWorkspace lang={lang} resources={resources} onChange={onChange} called={called} />
          </Suspense>
        ) : null}
      </Drawer>
    </>
  );
}
