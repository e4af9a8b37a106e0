/**
 * @module ui/pages/modeler/use-deployed-diff: while switched on, the canvas compared with the deployed version, redone
 * after each edit (debounced) and after a deploy, and drawn on the canvas.
 */
import type Modeler from 'bpmn-js/lib/Modeler';
import { useEffect, useState } from 'react';
import { definitions } from '../../api';
import { clearDiff, type DiagramDiff, diffWithDeployed, showDiff } from './diff';

export interface DeployedDiff {
  diff?: DiagramDiff;
  version?: number;
  loading: boolean;
  error?: string;
}

export function useDeployedDiff(
  modeler: Modeler | undefined,
  key: string | undefined,
  on: boolean,
  deployedVersion: number | undefined,
  titles: { added: string; changed: string; moved: string },
): DeployedDiff {
  const [state, setState] = useState<DeployedDiff>({ loading: false });
  const { added, changed, moved } = titles;
  useEffect(() => {
    if (!modeler || !on || !key || !deployedVersion) {
      if (modeler) clearDiff(modeler);
      setState({ loading: false });
      return;
    }
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let xml: string | undefined;
    const run = async () => {
      try {
        xml ??= (await definitions.version(key, deployedVersion)).xml;
        const d = await diffWithDeployed(modeler, xml);
        if (!alive) return;
        showDiff(modeler, d, { added, changed, moved });
        setState({ diff: d, version: deployedVersion, loading: false });
      } catch (err) {
        if (alive) setState({ loading: false, error: (err as Error).message });
      }
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(run, 300);
    };
    setState((s) => ({ ...s, loading: true }));
    void run();
    modeler.on(['commandStack.changed', 'import.done'], later);
    return () => {
      alive = false;
      clearTimeout(timer);
      modeler.off(['commandStack.changed', 'import.done'], later);
      clearDiff(modeler);
    };
  }, [modeler, key, on, deployedVersion, added, changed, moved]);
  return state;
}
