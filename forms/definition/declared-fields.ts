/**
 * @module The top-level fields a form's JSON Schema declares: what a start or a task completion through that form
 * may write into the instance. Properties count wherever the root object takes them (its own `properties`,
 * `required`, and the branches of allOf / anyOf / oneOf / if-then-else / dependencies), since each is a field the
 * form can show. A form that explicitly accepts more (`additionalProperties` true or a schema, or
 * `patternProperties`) declares `any`; a form that says nothing about extras declares only its fields.
 */
type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => !!v && typeof v === 'object' && !Array.isArray(v);

export function declaredFields(schema: unknown): { any: true } | { any: false; fields: string[] } {
  const fields = new Set<string>();
  let any = false;
  const visit = (s: unknown, depth: number) => {
    if (!isObject(s) || depth > 20) return;
    if (isObject(s.properties)) for (const k of Object.keys(s.properties)) fields.add(k);
    if (Array.isArray(s.required)) for (const k of s.required) if (typeof k === 'string') fields.add(k);
    if (s.additionalProperties === true || isObject(s.additionalProperties)) any = true;
    if (isObject(s.patternProperties) && Object.keys(s.patternProperties).length > 0) any = true;
    for (const k of ['allOf', 'anyOf', 'oneOf'])
      if (Array.isArray(s[k])) for (const sub of s[k] as unknown[]) visit(sub, depth + 1);
    for (const k of ['if', 'then', 'else']) visit(s[k], depth + 1);
    if (isObject(s.dependencies))
      for (const [k, dep] of Object.entries(s.dependencies)) {
        fields.add(k);
        if (Array.isArray(dep)) {
          for (const d of dep) if (typeof d === 'string') fields.add(d);
        } else visit(dep, depth + 1);
      }
  };
  visit(schema, 0);
  return any ? { any: true } : { any: false, fields: [...fields] };
}
