/** @module The engine's DMN model: a decision table as plain JSON, stored with its deployment and embedded in processes that call it. */

/** A JSON value (contract.ts's Json, repeated so that contract.ts can name Decision without an import cycle). */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const HIT_POLICIES = [
  'UNIQUE',
  'FIRST',
  'PRIORITY',
  'ANY',
  'COLLECT',
  'RULE ORDER',
  'OUTPUT ORDER',
] as const;
export type HitPolicy = (typeof HIT_POLICIES)[number];
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export interface DecisionInput {
  id: string;
  label?: string;
  /** FEEL input expression (without the leading `=`). */
  expression: string;
}

export interface DecisionOutput {
  id: string;
  /** The key of this output in a multi-output result (`name`, else `label`, else the id). */
  name: string;
  /** The output values list (PRIORITY / OUTPUT ORDER rank by it: earlier is higher). */
  values?: Json[];
}

export interface DecisionRule {
  id: string;
  /** One unary test per input ('-' or '' matches anything). */
  inputEntries: string[];
  /** One FEEL expression per output ('' is null). */
  outputEntries: string[];
}

export interface DecisionTable {
  kind: 'table';
  id: string;
  name?: string;
  hitPolicy: HitPolicy;
  aggregation?: Aggregation;
  inputs: DecisionInput[];
  outputs: DecisionOutput[];
  rules: DecisionRule[];
  /** Decisions this one requires: evaluated first, their results visible under their ids. */
  requires: string[];
}

export interface DecisionLiteral {
  kind: 'literal';
  id: string;
  name?: string;
  expression: string;
  requires: string[];
}

export type Decision = DecisionTable | DecisionLiteral;
