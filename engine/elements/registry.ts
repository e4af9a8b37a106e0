/** @module The element handler registry: typed so that an ElementKind without a handler does not compile. */
import type { ElementKind } from '../types';
import { callActivity } from './container/call-activity';
import { eventSubProcess } from './container/event-sub-process';
import { subProcess } from './container/sub-process';
import type { ElementHandler } from './element-handler';
import { endEvent } from './event/end-event';
import { errorBoundaryEvent } from './event/error-boundary-event';
import { errorEndEvent } from './event/error-end-event';
import { messageBoundaryEvent } from './event/message-boundary-event';
import { messageCatchEvent } from './event/message-catch-event';
import { linkCatchEvent } from './event/link-catch-event';
import { linkThrowEvent } from './event/link-throw-event';
import { messageEndEvent } from './event/message-end-event';
import { messageStartEvent } from './event/message-start-event';
import { signalBoundaryEvent } from './event/signal-boundary-event';
import { signalCatchEvent } from './event/signal-catch-event';
import { signalEndEvent } from './event/signal-end-event';
import { signalStartEvent } from './event/signal-start-event';
import { signalThrowEvent } from './event/signal-throw-event';
import { businessRuleTask } from './task/business-rule-task';
import { messageThrowEvent } from './event/message-throw-event';
import { noneThrowEvent } from './event/none-throw-event';
import { compensationBoundaryEvent } from './event/compensation-boundary-event';
import { compensationEndEvent } from './event/compensation-end-event';
import { compensationThrowEvent } from './event/compensation-throw-event';
import { escalationBoundaryEvent } from './event/escalation-boundary-event';
import { escalationEndEvent } from './event/escalation-end-event';
import { escalationThrowEvent } from './event/escalation-throw-event';
import { eventSubProcessStart } from './event/event-sub-process-start';
import { startEvent } from './event/start-event';
import { terminateEndEvent } from './event/terminate-end-event';
import { timerBoundaryEvent } from './event/timer-boundary-event';
import { timerCatchEvent } from './event/timer-catch-event';
import { timerStartEvent } from './event/timer-start-event';
import { eventBasedGateway } from './gateway/event-based-gateway';
import { exclusiveGateway } from './gateway/exclusive-gateway';
import { inclusiveGateway } from './gateway/inclusive-gateway';
import { parallelGateway } from './gateway/parallel-gateway';
import { manualTask } from './task/manual-task';
import { receiveTask } from './task/receive-task';
import { scriptTask } from './task/script-task';
import { sendTask } from './task/send-task';
import { serviceTask } from './task/service-task';
import { task } from './task/task';
import { userTask } from './task/user-task';

export const registry: { [K in ElementKind]: ElementHandler<K> } = {
  startEvent,
  timerStartEvent,
  messageStartEvent,
  endEvent,
  terminateEndEvent,
  errorEndEvent,
  userTask,
  serviceTask,
  scriptTask,
  manualTask,
  task,
  receiveTask,
  messageCatchEvent,
  timerCatchEvent,
  exclusiveGateway,
  parallelGateway,
  inclusiveGateway,
  eventBasedGateway,
  subProcess,
  callActivity,
  timerBoundaryEvent,
  errorBoundaryEvent,
  messageBoundaryEvent,
  businessRuleTask,
  signalStartEvent,
  signalCatchEvent,
  signalBoundaryEvent,
  signalThrowEvent,
  signalEndEvent,
  noneThrowEvent,
  sendTask,
  messageThrowEvent,
  messageEndEvent,
  linkThrowEvent,
  linkCatchEvent,
  eventSubProcess,
  eventSubProcessStart,
  escalationThrowEvent,
  escalationEndEvent,
  escalationBoundaryEvent,
  compensationBoundaryEvent,
  compensationThrowEvent,
  compensationEndEvent,
};

export const handlerOf = <K extends ElementKind>(kind: K): ElementHandler<K> => registry[kind];
