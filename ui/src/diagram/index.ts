/** @module ui/diagram: the read-only BPMN viewer with instance highlighting (not the modeler, which lives in pages/modeler). */
export { BpmnViewer, type BpmnViewerProps } from './bpmn-viewer';
export { type Highlight, highlightFrom, takenFlows, withOpenIncidents } from './highlight';
export { fitWithMargin } from './fit';
