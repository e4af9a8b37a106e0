/** @module DMN fixtures for the engine's DMN tests: a decision table in the XML dmn-js writes (DMN 1.3). */

export interface RuleRow {
  id?: string;
  inputs: string[];
  outputs: string[];
}

/** One decision table; inputs are FEEL input expressions, outputs `name` or `name:"a","b"` (with output values). */
export function dmnTable(opts: {
  id?: string;
  name?: string;
  hitPolicy?: string;
  aggregation?: string;
  inputs: string[];
  outputs: string[];
  rules: RuleRow[];
}): string {
  const id = opts.id ?? 'decision';
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const inputs = opts.inputs
    .map(
      (e, i) =>
        `<input id="in${i}" label="${esc(e)}"><inputExpression id="ie${i}" typeRef="string"><text>${esc(e)}</text></inputExpression></input>`,
    )
    .join('');
  const outputs = opts.outputs
    .map((o, i) => {
      const [name, values] = o.split(/:(.*)/s);
      const vals = values ? `<outputValues id="ov${i}"><text>${esc(values)}</text></outputValues>` : '';
      return `<output id="out${i}" name="${esc(name)}" typeRef="string">${vals}</output>`;
    })
    .join('');
  const rules = opts.rules
    .map(
      (r, n) =>
        `<rule id="${r.id ?? `r${n + 1}`}">${r.inputs
          .map((t, i) => `<inputEntry id="r${n}i${i}"><text>${esc(t)}</text></inputEntry>`)
          .join('')}${r.outputs
          .map((t, i) => `<outputEntry id="r${n}o${i}"><text>${esc(t)}</text></outputEntry>`)
          .join('')}</rule>`,
    )
    .join('');
  const hp = opts.hitPolicy ? ` hitPolicy="${opts.hitPolicy}"` : '';
  const agg = opts.aggregation ? ` aggregation="${opts.aggregation}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs_${id}" name="DRD" namespace="http://camunda.org/schema/1.0/dmn">
  <decision id="${id}" name="${esc(opts.name ?? id)}">
    <decisionTable id="table_${id}"${hp}${agg}>${inputs}${outputs}${rules}</decisionTable>
  </decision>
</definitions>`;
}
