/** @module ui/pages/forms: form definitions: pick a form and version, edit its JSON Schema and uiSchema with a live preview, save a new version. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Input, List, Modal, Result, Row, Select, Space, Tabs, Tag } from 'antd';
import { Component, type ReactNode, useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { forms, itemsOf } from '../../api';
import { useUser } from '../../auth';
import { FormDesigner } from '../../designer';
import { type JsonSchema, SchemaForm } from '../../forms';
import { useLocale, useT } from '../../i18n';
import { isAdmin, showError, showSuccess, useAsync } from '../../lib';
import { JsonEditor, parseJson } from './json-editor';

/** A schema being typed is often momentarily unrenderable; keep the editor alive and say why. */
class PreviewBoundary extends Component<{ children: ReactNode; resetKey: string }, { error?: string }> {
  state: { error?: string } = {};
  static getDerivedStateFromError(err: Error) {
    return { error: err.message };
  }
  componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: undefined });
  }
  render() {
    return this.state.error ? <Empty description={this.state.error} /> : this.props.children;
  }
}

const pretty = (v: unknown) => JSON.stringify(v ?? {}, null, 2);

export default function FormsPage() {
  const { key } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const t = useT();
  const { lang } = useLocale();
  const admin = isAdmin(useUser().roles);
  const version = params.get('version') ? Number(params.get('version')) : undefined;
  const list = useAsync(() => forms.list().then(itemsOf), []);
  const latestByKey = useMemo(() => {
    const m = new Map<string, { version: number; title: string }>();
    for (const f of list.data ?? []) if ((m.get(f.key)?.version ?? 0) < f.version) m.set(f.key, f);
    return m;
  }, [list.data]);
  const current = useAsync(async () => (key ? forms.get(key, version) : undefined), [key, version], true);
  const [title, setTitle] = useState('');
  const [schemaText, setSchemaText] = useState('{}');
  const [uiText, setUiText] = useState('{}');
  const [saving, setSaving] = useState(false);
  const [creating, setCreating] = useState(false);
  const [newKey, setNewKey] = useState('');

  useEffect(() => {
    const f = current.data;
    if (f) {
      setTitle(f.title ?? f.key);
      setSchemaText(pretty(f.schema));
      setUiText(pretty(f.uiSchema));
    } else if (key) {
      setTitle(key);
      setSchemaText(pretty({ type: 'object', title: key, properties: {} }));
      setUiText('{}');
    }
  }, [current.data, key]);

  const schema = parseJson(schemaText).value as JsonSchema | undefined;
  const uiSchema = parseJson(uiText).value as JsonSchema | undefined;
  const latest = key ? latestByKey.get(key)?.version : undefined;

  const save = async () => {
    if (!key || !schema) return;
    setSaving(true);
    try {
      const saved = await forms.save({ key, title, schema, uiSchema: uiSchema ?? {} });
      showSuccess(`${t('forms.saved')}：v${saved.version}`);
      list.reload();
      // the latest version is what `current` shows without ?version: reload it, or the picker kept saying v1 (#17)
      setParams({});
      current.reload();
    } catch (err) {
      showError(err);
    } finally {
      setSaving(false);
    }
  };

  // Designing forms is the administrators' work; a reader met a designer whose icons did nothing (#17).
  if (!admin)
    return (
      <Result
        status="403"
        title={lang === 'en' ? 'Only administrators design forms' : '只有管理员可以设计表单'}
        subTitle={
          lang === 'en'
            ? 'Forms are filled in from your tasks and the catalog pages.'
            : '填写表单请从待办任务或目录页面进入。'
        }
        data-testid="forms-admin-only"
      />
    );

  return (
    <Row gutter={16}>
      <Col xs={24} md={5}>
        <Card
          size="small"
          title={t('forms.title')}
          extra={
            admin ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="form-new">
                {t('forms.new')}
              </Button>
            ) : null
          }
        >
          <List
            size="small"
            loading={list.loading}
            data-testid="form-list"
            dataSource={[...latestByKey.entries()]}
            renderItem={([k, f]) => (
              <List.Item
                onClick={() => navigate(`/forms/${k}`)}
                style={{ cursor: 'pointer', background: k === key ? '#e6f4ff' : undefined, paddingInline: 8 }}
                data-testid={`form-item-${k}`}
              >
                <div>
                  <div>{f.title || k}</div>
                  <code style={{ fontSize: 11 }}>{k}</code> <Tag>v{f.version}</Tag>
                </div>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} md={19}>
        {key ? (
          <Card
            size="small"
            title={
              <Space>
                <code>{key}</code>
                <Input
                  value={title}
                  onChange={(e) => setTitle(e.target.value)}
                  aria-label={t('forms.formTitle')}
                  style={{ width: 260 }}
                  disabled={!admin}
                  data-testid="form-title"
                />
              </Space>
            }
            extra={
              <Space>
                {latest ? (
                  <Select
                    aria-label={t('processes.version')}
                    style={{ width: 120 }}
                    value={current.data?.version ?? latest}
                    options={Array.from({ length: latest }, (_, i) => latest - i).map((v) => ({ value: v, label: `v${v}` }))}
                    onChange={(v) => setParams(v === latest ? {} : { version: String(v) })}
                    data-testid="form-version"
                  />
                ) : (
                  <Tag color="blue">{t('forms.new')}</Tag>
                )}
                {admin ? (
                  <Button type="primary" onClick={save} loading={saving} disabled={!schema || !uiSchema} data-testid="form-save">
                    {t('forms.saveVersion')}
                  </Button>
                ) : null}
              </Space>
            }
          >
            {/* The visual designer edits the same schema/uiSchema text as the JSON tab; save and versions are shared. */}
            <Tabs
              items={[
                {
                  key: 'designer',
                  label: <span data-testid="form-tab-designer">{lang === 'en' ? 'Visual designer' : '可视化设计'}</span>,
                  children:
                    schema && uiSchema ? (
                      <FormDesigner
                        value={{ title, schema, uiSchema }}
                        onChange={(next) => {
                          setSchemaText(pretty(next.schema));
                          setUiText(pretty(next.uiSchema));
                        }}
                        lang={lang}
                        readOnly={!admin}
                        publishedSchema={current.data?.schema}
                      />
                    ) : (
                      <Empty description={t('forms.invalidJson')} />
                    ),
                },
                {
                  key: 'json',
                  label: <span data-testid="form-tab-json">JSON</span>,
                  children: (
                  <Row gutter={16}>
                    <Col xs={24} xl={12}>
                      <JsonEditor label={t('forms.schema')} value={schemaText} onChange={setSchemaText} testId="form-schema-json" />
                      <JsonEditor label={t('forms.uiSchema')} value={uiText} onChange={setUiText} rows={10} testId="form-ui-json" />
                    </Col>
                    <Col xs={24} xl={12}>
                      <Card size="small" title={t('forms.preview')} data-testid="form-preview" styles={{ body: { overflowX: 'auto' } }}>
                        {schema && uiSchema ? (
                          <PreviewBoundary resetKey={schemaText + uiText}>
                            <SchemaForm
                              key={schemaText + uiText}
                              schema={schema}
                              uiSchema={uiSchema}
                              onSubmit={async () => showSuccess('校验通过')}
                              submitText="校验"
                              testId="form-preview-form"
                            />
                          </PreviewBoundary>
                        ) : (
                          <Empty description={t('forms.invalidJson')} />
                        )}
                      </Card>
                    </Col>
                  </Row>
                  ),
                },
              ]}
            />
          </Card>
        ) : (
          <Card>
            <Empty description="请选择一个表单" />
          </Card>
        )}
      </Col>
      <Modal
        open={creating}
        title={t('forms.new')}
        onCancel={() => setCreating(false)}
        okButtonProps={{ disabled: !/^[a-z][a-z0-9-]*$/.test(newKey) }}
        onOk={() => {
          setCreating(false);
          navigate(`/forms/${newKey}`);
        }}
      >
        <Input
          value={newKey}
          onChange={(e) => setNewKey(e.target.value.trim())}
          placeholder="表单标识，如 my-form（小写字母、数字、连字符）"
          aria-label={t('forms.key')}
          data-testid="form-new-key"
        />
      </Modal>
    </Row>
  );
}
