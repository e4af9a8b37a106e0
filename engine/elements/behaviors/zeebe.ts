/** @module Reading Camunda 8 (zeebe:*) extension elements off a moddle element. */
import type { Moddle } from '../../types';

export function ext(source: Moddle, type: string): Moddle | undefined {
  return (source?.extensionElements?.values ?? []).find((v: Moddle) => v.$type === type);
}

export function mappings(source: Moddle): {
  inputs: { source: string; target: string }[];
  outputs: { source: string; target: string }[];
} {
  const io = ext(source, 'zeebe:IoMapping');
  const read = (xs: Moddle[] | undefined) =>
    (xs ?? []).map((p: Moddle) => ({ source: String(p.source ?? ''), target: String(p.target ?? '') }));
  return { inputs: read(io?.inputParameters), outputs: read(io?.outputParameters) };
}
