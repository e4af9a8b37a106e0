/** @module Reads a .bpmn fixture that sits beside the test using it. */
import { readFileSync } from 'node:fs';

export const fixture = (testUrl: string, name: string) => readFileSync(new URL(name, testUrl), 'utf8');
