/**
 * @module ui/designer/form-designer: the visual form builder: palette | fields | properties, with JSON and preview
 * tabs. Controlled: `value` is the form `{title, schema, uiSchema}`; every edit calls `onChange` with new JSON. The
 * designer keeps its own model while its edits round-trip, and re-reads `value` when it changes from outside
 * (the JSON tab, another version loaded). A schema it cannot express is never rewritten: the design tab says why.
 */
import { Alert, Button, Card, Tabs } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DesignPane } from './design-pane';
import { fromJsonSchema, isUnsupported } from './from-json-schema';
import { JsonTab } from './json-tab';
import { type DesignerLang, designerT } from './messages';
import type { DesignerModel } from './model';
import { usePinyin } from './pinyin-loader';
import { propertyNames, publishedValues } from './title-key';
import { PreviewTab } from './preview-tab';
import { toJsonSchema } from './to-json-schema';
import { fieldOfIssue, useDefinitionCheck } from './use-definition-check';

type Json = Record<string, any>;

export interface FormDesignerValue {
  title: string;
  schema: Json;
  uiSchema: Json;
}

export interface FormDesignerProps {
  value: FormDesignerValue;
  onChange: (next: FormDesignerValue) => void;
  lang?: DesignerLang;
  readOnly?: boolean;
  /**
   * The schema of the form's last saved version, if any: its field keys never follow a title again (data stored
   * under them would be orphaned). Without it, only keys of fields added in this designer session follow titles.
   */
  publishedSchema?: Json;
}

const keyOf = (schema: unknown, uiSchema: unknown) => JSON.stringify([schema ?? {}, uiSchema ?? {}]);

export function FormDesigner(props: FormDesignerProps) {
  const { value, onChange, lang = 'zh', readOnly, publishedSchema } = props;
  const toSyllables = usePinyin();
  const publishedKey = JSON.stringify(publishedSchema ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: publishedKey is the content of publishedSchema
  const published = useMemo(() => propertyNames(publishedSchema), [publishedKey]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: publishedKey is the content of publishedSchema
  const savedValues = useMemo(() => publishedValues(publishedSchema), [publishedKey]);
  const t = useMemo(() => designerT(lang), [lang]);
  const [tab, setTab] = useState('design');
  const valueKey = keyOf(value.schema, value.uiSchema);
  // Keyed on the content, not the objects: a parent that re-parses its JSON text each render passes new objects.
  // biome-ignore lint/correctness/useExhaustiveDependencies: valueKey is the content of value.schema and value.uiSchema
  const imported = useMemo(() => fromJsonSchema(value.schema, value.uiSchema ?? {}), [valueKey]);
  const [model, setModel] = useState<DesignerModel | undefined>(() =>
    isUnsupported(imported) ? undefined : imported,
  );
  const emitted = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (valueKey === emitted.current) return;
    setModel(isUnsupported(imported) ? undefined : imported);
  }, [valueKey, imported]);

  const issues = useDefinitionCheck(value, !readOnly);
  const flagged = useMemo(
    () => new Set(issues.map((i) => fieldOfIssue(i.path)).filter((n) => n !== undefined)),
    [issues],
  );

  const update = (next: DesignerModel) => {
    if (readOnly) return; // antd selects ignore a disabled <fieldset>; nothing a reader does may change the form
    setModel(next);
    const compiled = toJsonSchema(next);
    emitted.current = keyOf(compiled.schema, compiled.uiSchema);
    onChange({ ...value, ...compiled });
  };

  const design =
    model && !isUnsupported(imported) ? (
      <DesignPane
        model={model}
        lang={lang}
        t={t}
        readOnly={readOnly}
        flagged={flagged}
        published={published}
        publishedValues={savedValues}
        toSyllables={toSyllables}
        onChange={update}
      />
    ) : (
      <Alert
        type="warning"
        showIcon
        data-testid="designer-unsupported"
        title={t('unsupported')}
        description={
          <>
            <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
              {(isUnsupported(imported) ? imported.unsupported : []).map((u) => (
                <li key={u.path + u.message}>
                  <code>{u.path || '/'}</code> {lang === 'en' ? u.messageEn : u.message}
                </li>
              ))}
            </ul>
            <Button size="small" onClick={() => setTab('json')} data-testid="designer-open-json">
              {t('openJson')}
            </Button>
          </>
        }
      />
    );

  const tabLabel = (key: string, text: string) => <span data-testid={`designer-tab-${key}`}>{text}</span>;
  return (
    <Card size="small" data-testid="form-designer" styles={{ body: { paddingTop: 0 } }}>
      {issues.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="designer-server-issues"
          title={t('serverIssues')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {issues.map((i) => (
                <li key={i.path + i.message}>
                  <code>{i.path}</code> {lang === 'en' ? i.messageEn : i.message}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'design', label: tabLabel('design', t('tab.design')), children: design },
          {
            key: 'json',
            label: tabLabel('json', t('tab.json')),
            children: (
              <JsonTab
                schema={value.schema ?? {}}
                uiSchema={value.uiSchema ?? {}}
                t={t}
                onChange={(schema, uiSchema) => !readOnly && onChange({ ...value, schema, uiSchema })}
              />
            ),
          },
          {
            key: 'preview',
            label: tabLabel('preview', t('tab.preview')),
            children: <PreviewTab schema={value.schema ?? {}} uiSchema={value.uiSchema ?? {}} t={t} />,
          },
        ]}
        destroyOnHidden
      />
    </Card>
  );
}
