/** @module ui/pages/forms/json-editor: a monospace JSON text area that reports whether its text parses. */
import { Input, Typography } from 'antd';
import { useT } from '../../i18n';

export function parseJson(text: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

export function JsonEditor(props: { label: string; value: string; onChange: (v: string) => void; rows?: number; testId: string }) {
  const t = useT();
  const { error } = parseJson(props.value);
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text strong>{props.label}</Typography.Text>
      <Input.TextArea
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        rows={props.rows ?? 18}
        spellCheck={false}
        aria-label={props.label}
        status={error ? 'error' : undefined}
        style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12 }}
        data-testid={props.testId}
      />
      {error ? (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {t('forms.invalidJson')}：{error}
        </Typography.Text>
      ) : null}
    </div>
  );
}
