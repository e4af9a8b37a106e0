/** @module ui/pages/modeler/use-lint-issues: the live lint results of bpmn-js-bpmnlint as a flat list for the page. */
import type Modeler from 'bpmn-js/lib/Modeler';
import { useEffect, useState } from 'react';

export interface LiveIssue {
  /** The element to reveal (issues of hidden elements are moved to the root by bpmn-js-bpmnlint). */
  elementId: string;
  /** The element the rule named. */
  actualElementId: string;
  message: string;
  category: 'error' | 'warn';
  rule: string;
}

/** Issues from each `linting.completed`, errors first. */
export function useLintIssues(modeler: Modeler | undefined): LiveIssue[] {
  const [issues, setIssues] = useState<LiveIssue[]>([]);
  useEffect(() => {
    if (!modeler) return;
    const onCompleted = (e: { issues: Record<string, any[]> }) => {
      const flat: LiveIssue[] = Object.values(e.issues)
        .flat()
        .map((r) => ({
          elementId: r.id,
          actualElementId: r.actualElementId ?? r.id,
          message: r.message,
          category: r.category === 'error' ? 'error' : 'warn',
          rule: r.rule,
        }));
      flat.sort((a, b) => (a.category === b.category ? 0 : a.category === 'error' ? -1 : 1));
      setIssues(flat);
    };
    modeler.on('linting.completed', onCompleted);
    return () => modeler.off('linting.completed', onCompleted);
  }, [modeler]);
  return issues;
}
