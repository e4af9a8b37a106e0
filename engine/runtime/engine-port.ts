/** @module The real pure engine (engine/index.ts) as the runtime's default EnginePort. */
import { compileBpmn, startProcess, stepProcess } from '../index';
import type { EnginePort } from './types';

export const defaultEngine: EnginePort = { compileBpmn, startProcess, stepProcess } as EnginePort;
