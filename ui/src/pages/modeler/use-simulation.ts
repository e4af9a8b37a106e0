/** @module ui/pages/modeler/use-simulation: token simulation (bpmn-js-token-simulation) switched from our toolbar. */
import type Modeler from 'bpmn-js/lib/Modeler';
import { useCallback, useEffect, useState } from 'react';

export function useSimulation(modeler: Modeler | undefined): [boolean, (on: boolean) => void] {
  const [active, setActive] = useState(false);
  useEffect(() => {
    if (!modeler) return;
    setActive(false);
    const onToggle = (e: { active: boolean }) => setActive(e.active);
    modeler.on('tokenSimulation.toggleMode', onToggle);
    return () => modeler.off('tokenSimulation.toggleMode', onToggle);
  }, [modeler]);
  const toggle = useCallback((on: boolean) => modeler?.get<any>('toggleMode').toggleMode(on), [modeler]);
  return [active, toggle];
}
