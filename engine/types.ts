/** @module The engine's internal model: element kinds and the parsed, typed BPMN process. */

/** Every BPMN construct huiliu executes. The handler registry is keyed by this union, so a kind without a handler is a compile error. */
export const ELEMENT_KINDS = [
  'startEvent',
  'timerStartEvent',
  'messageStartEvent',
  'endEvent',
  'terminateEndEvent',
  'errorEndEvent',
  'userTask',
  'serviceTask',
  'scriptTask',
  'manualTask',
  'task',
  'receiveTask',
  'messageCatchEvent',
  'timerCatchEvent',
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
  'subProcess',
  'callActivity',
  'timerBoundaryEvent',
  'errorBoundaryEvent',
  'messageBoundaryEvent',
  'businessRuleTask',
  'signalStartEvent',
  'signalCatchEvent',
  'signalBoundaryEvent',
  'signalThrowEvent',
  'signalEndEvent',
  'noneThrowEvent',
  'sendTask',
  'messageThrowEvent',
  'messageEndEvent',
  'linkThrowEvent',
  'linkCatchEvent',
  'eventSubProcess',
  'eventSubProcessStart',
  'escalationThrowEvent',
  'escalationEndEvent',
  'escalationBoundaryEvent',
  'compensationBoundaryEvent',
  'compensationThrowEvent',
  'compensationEndEvent',
] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

/** A moddle element, read loosely: moddle gives untyped objects with `$type` and `$attrs`. */
export type Moddle = any;

export interface ModelElement {
  id: string;
  kind: ElementKind;
  name?: string;
  /** The process or subprocess whose body holds this element. */
  scopeId: string;
  incoming: string[];
  outgoing: string[];
  /** Boundary events: the activity they hang on. */
  attachedTo?: string;
  /** `isForCompensation`: a compensation handler, run only by a compensation throw (no sequence flows). */
  forCompensation?: boolean;
  /** Activities with a compensation boundary event: the handler associated with it. */
  compensationHandler?: string;
  /** Activities: ids of their boundary events. */
  boundaries: string[];
  /** Multi-instance characteristics, when present. */
  loop?: Moddle;
  source: Moddle;
}

export interface ModelFlow {
  id: string;
  sourceRef: string;
  targetRef: string;
  /** FEEL condition, when present (with its leading '='). */
  condition?: string;
  scopeId: string;
}

export interface ModelScope {
  id: string;
  kind: 'process' | 'subProcess';
  elements: string[];
  flows: string[];
}

export interface ProcessModel {
  id: string;
  name?: string;
  executable: boolean;
  elements: Map<string, ModelElement>;
  flows: Map<string, ModelFlow>;
  scopes: Map<string, ModelScope>;
  /** Default flows of gateways and activities (flow ids). */
  defaults: Set<string>;
  /** Scopes holding refused elements or broken flows: their structure is not analysed (it would only echo the refusal). */
  incomplete: Set<string>;
}
