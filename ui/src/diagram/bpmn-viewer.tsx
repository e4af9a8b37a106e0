/** @module ui/diagram/bpmn-viewer: a read-only, pannable BPMN diagram (bpmn-js NavigatedViewer) with an instance's state drawn on it. */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './diagram.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef } from 'react';
import { fitWithMargin } from './fit';
import { type Highlight, takenFlows } from './highlight';

export interface BpmnViewerProps {
  xml: string;
  highlight?: Highlight;
  /** Element id → name, once the diagram is read (for the timeline). */
  onElementNames?: (names: Record<string, string>) => void;
  onError?: (err: Error) => void;
}

export function BpmnViewer({ xml, highlight, onElementNames, onError }: BpmnViewerProps) {
  const container = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onElementNames, onError });
  callbacks.current = { onElementNames, onError };

  useEffect(() => {
    const viewer = new NavigatedViewer({ container: container.current! });
    let alive = true;
    (async () => {
      try {
        await viewer.importXML(xml);
        if (!alive) return;
        const canvas = viewer.get<any>('canvas');
        const registry = viewer.get<any>('elementRegistry');
        const overlays = viewer.get<any>('overlays');
        fitWithMargin(canvas);
        const all: any[] = registry.getAll();
        callbacks.current.onElementNames?.(
          Object.fromEntries(all.filter((e) => e.businessObject?.name).map((e) => [e.id, e.businessObject.name])),
        );
        if (!highlight) return;
        const has = (id: string) => !!registry.get(id);
        const visited = new Set([...highlight.visited, ...highlight.active]);
        for (const id of highlight.visited) if (has(id)) canvas.addMarker(id, 'hl-done');
        const flows = all.filter((e) => e.type === 'bpmn:SequenceFlow');
        for (const id of takenFlows(flows, visited)) canvas.addMarker(id, 'hl-done');
        for (const id of highlight.active) {
          if (!has(id)) continue;
          canvas.removeMarker(id, 'hl-done');
          canvas.addMarker(id, 'hl-active');
        }
        for (const [id, message] of Object.entries(highlight.incidents)) {
          if (!has(id)) continue;
          canvas.addMarker(id, 'hl-incident');
          const el = document.createElement('div');
          el.className = 'hl-overlay';
          el.title = message;
          el.textContent = message;
          overlays.add(id, { position: { bottom: -6, left: 0 }, html: el });
        }
      } catch (err) {
        callbacks.current.onError?.(err as Error);
      }
    })();
    return () => {
      alive = false;
      viewer.destroy();
    };
  }, [xml, highlight]);

  return <div ref={container} className="huiliu-canvas" data-testid="bpmn-viewer" />;
}
