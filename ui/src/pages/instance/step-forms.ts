/**
 * @module ui/pages/instance/step-forms: what the instance page reads the variables through. Besides the start form,
 * the forms of the diagram's user tasks name the fields later steps filled in (受理意见, 整改说明 …), so a variable
 * reads as its field's title rather than its key. A field some step's `fieldAccess` hides is shown only when the
 * server sent its value: the server decides who may read it (server/approvals/reader-fields.ts: whoever has a step
 * that shows it, or the starter for a start-form field; nobody else, administrators included), and an empty box
 * for a value the reader may not read would say "not filled in", which is not true.
 */
import type { JsonSchema } from '../../forms';

export interface StepForm {
  elementId: string;
  formId: string;
  /** The task header `fieldAccess`: field → `hidden` | `read` | … */
  fieldAccess: Record<string, string>;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&#34;|&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The user tasks of a diagram with a form: their form id and field access, in the order they are written. */
export function stepFormsOf(xml: string): StepForm[] {
  const out: StepForm[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?userTask\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?userTask>/g)) {
    const id = /\bid="([^"]+)"/.exec(m[1])?.[1];
    const formId = /<(?:\w+:)?formDefinition\b[^>]*\b(?:formId|formKey)="([^"]+)"/.exec(m[2])?.[1];
    if (!id || !formId) continue;
    let fieldAccess: Record<string, string> = {};
    const header = /<(?:\w+:)?header\b[^>]*\bkey="fieldAccess"[^>]*\bvalue="([^"]*)"/.exec(m[2]);
    try {
      if (header) fieldAccess = JSON.parse(unescapeXml(header[1])) as Record<string, string>;
    } catch {
      // a header that is not JSON hides nothing here; the server refused such a diagram at deployment anyway
    }
    out.push({ elementId: id, formId, fieldAccess });
  }
  return out;
}

/**
 * One schema and uiSchema for the whole instance: the start form's fields first, in its order, then each step
 * form's fields not named before, in the diagram's order. A field some step hides is left out unless `sent` (the
 * instance's variables as the server answered them to this reader) has it.
 */
export function instanceSchema(
  start: { schema?: JsonSchema; uiSchema?: JsonSchema } | undefined,
  steps: { form: { schema?: JsonSchema; uiSchema?: JsonSchema }; fieldAccess: Record<string, string> }[],
  sent: Record<string, unknown>,
): { schema: JsonSchema; uiSchema: JsonSchema } {
  const properties: Record<string, JsonSchema> = {};
  const order: string[] = [];
  const add = (form: { schema?: JsonSchema; uiSchema?: JsonSchema } | undefined, skip: Set<string>) => {
    const props = (form?.schema?.properties ?? {}) as Record<string, JsonSchema>;
    const own = ((form?.uiSchema?.['ui:order'] as string[] | undefined) ?? []).filter((k) => k in props);
    for (const k of [...own, ...Object.keys(props).filter((k) => !own.includes(k))]) {
      if (k in properties || skip.has(k)) continue;
      properties[k] = props[k];
      order.push(k);
    }
  };
  const hidden = new Set(
    steps
      .flatMap((s) =>
        Object.entries(s.fieldAccess)
          .filter(([, v]) => v === 'hidden')
          .map(([k]) => k),
      )
      .filter((k) => !(k in sent)),
  );
  add(start, hidden);
  for (const s of steps) add(s.form, hidden);
  return { schema: { type: 'object', properties }, uiSchema: { 'ui:order': order } };
}
