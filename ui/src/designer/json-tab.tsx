/**
 * @module ui/designer/json-tab: schema and uiSchema as text. Each keystroke that parses to objects updates the form
 * (and so the designer); a syntax error is shown under its box and changes nothing until fixed.
 */
import { Col, Input, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DesignerT } from './messages';

type Json = Record<string, unknown>;

const pretty = (v: unknown) => JSON.stringify(v ?? {}, null, 2);

function parseObject(text: string, t: DesignerT): { value?: Json; error?: string } {
  try {
    const v = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? { value: v } : { error: t('jsonNotObject') };
  } catch (err) {
    return { error: `${t('jsonError')}：${(err as Error).message}` };
  }
}

function JsonBox(props: {
  label: string;
  value: Json;
  testId: string;
  t: DesignerT;
  onValue: (v: Json) => void;
}) {
  const { label, value, testId, t, onValue } = props;
  const [text, setText] = useState(() => pretty(value));
  // Follow outside changes, but keep the user's own formatting while what they typed means the same thing.
  useEffect(() => {
    setText((current) => {
      const parsed = parseObject(current, t).value;
      return parsed && JSON.stringify(parsed) === JSON.stringify(value) ? current : pretty(value);
    });
  }, [value, t]);
  const { error } = parseObject(text, t);
  return (
    <div>
      <Typography.Text strong>{label}</Typography.Text>
      <Input.TextArea
        value={text}
        rows={22}
        spellCheck={false}
        aria-label={label}
        status={error ? 'error' : undefined}
        style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12 }}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseObject(e.target.value, t).value;
          if (parsed) onValue(parsed);
        }}
        data-testid={testId}
      />
      {error ? (
        <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`${testId}-error`}>
          {error}
        </Typography.Text>
      ) : null}
    </div>
  );
}

export function JsonTab(props: {
  schema: Json;
  uiSchema: Json;
  t: DesignerT;
  onChange: (schema: Json, uiSchema: Json) => void;
}) {
  const { schema, uiSchema, t, onChange } = props;
  return (
    <Row gutter={12}>
      <Col xs={24} lg={14}>
        <JsonBox
          label={t('jsonSchema')}
          value={schema}
          testId="designer-json-schema"
          t={t}
          onValue={(v) => onChange(v, uiSchema)}
        />
      </Col>
      <Col xs={24} lg={10}>
        <JsonBox
          label={t('jsonUi')}
          value={uiSchema}
          testId="designer-json-ui"
          t={t}
          onValue={(v) => onChange(schema, v)}
        />
      </Col>
    </Row>
  );
}
