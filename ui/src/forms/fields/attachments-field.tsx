/** @module ui/forms/fields/attachments-field: `ui:field: 'attachments'`: upload files to POST /api/attachments with progress; stores ids or {id, name, ...}. */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { FieldProps } from '@rjsf/utils';
import { Button, List, Progress, Typography } from 'antd';
import { useRef, useState } from 'react';
import { uploadAttachment } from '../../api';
import { showError } from '../../lib';
import { useFormT } from '../form-messages';

type Stored = string | { id: string; name?: string; size?: number; contentType?: string };

export function AttachmentsField(props: FieldProps<Stored[]>) {
  const { schema, uiSchema, formData, onChange, fieldPathId, disabled, readonly, name } = props;
  const list = Array.isArray(formData) ? formData : [];
  const storesIds = (schema.items as { type?: string } | undefined)?.type === 'string';
  const [uploading, setUploading] = useState<{ name: string; percent: number }[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const ft = useFormT();
  const title = (uiSchema?.['ui:title'] as string) ?? schema.title ?? name;
  // Names of id-only entries uploaded in this session, so the list stays readable.
  const [names, setNames] = useState<Record<string, string>>({});
  const listRef = useRef(list);
  listRef.current = list;

  const onFiles = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      setUploading((u) => [...u, { name: file.name, percent: 0 }]);
      try {
        const res = await uploadAttachment(file, (percent) =>
          setUploading((u) => u.map((x) => (x.name === file.name ? { ...x, percent } : x))),
        );
        setNames((n) => ({ ...n, [res.id]: res.name }));
        const item: Stored = storesIds
          ? res.id
          : { id: res.id, name: res.name, size: res.size, contentType: res.contentType };
        onChange([...listRef.current, item], fieldPathId.path);
      } catch (err) {
        showError(err);
      } finally {
        setUploading((u) => u.filter((x) => x.name !== file.name));
      }
    }
    if (input.current) input.current.value = '';
  };

  const locked = Boolean(disabled || readonly);
  return (
    <div style={{ marginBottom: 16 }} id={fieldPathId.$id}>
      <Typography.Text strong>{title}</Typography.Text>
      <List
        size="small"
        dataSource={list}
        locale={{ emptyText: ft('attachments.empty') }}
        renderItem={(item, i) => {
          const id = typeof item === 'string' ? item : item.id;
          const label = typeof item === 'string' ? (names[id] ?? id) : (item.name ?? id);
          return (
            <List.Item
              actions={
                locked
                  ? []
                  : [
                      <Button
                        key="remove"
                        type="link"
                        danger
                        size="small"
                        onClick={() =>
                          onChange(
                            list.filter((_, j) => j !== i),
                            fieldPathId.path,
                          )
                        }
                      >
                        {ft('attachments.remove')}
                      </Button>,
                    ]
              }
            >
              <a href={`/api/attachments/${encodeURIComponent(id)}`} target="_blank" rel="noreferrer">
                <PaperClipOutlined /> {label}
              </a>
            </List.Item>
          );
        }}
      />
      {uploading.map((u) => (
        <div key={u.name}>
          {u.name} <Progress percent={u.percent} size="small" />
        </div>
      ))}
      {locked ? null : (
        <>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            aria-label={ft('attachments.pick', { title })}
            data-testid={`attachments-${name}-input`}
            onChange={(e) => onFiles(e.target.files)}
          />
          <Button
            icon={<UploadOutlined />}
            onClick={() => input.current?.click()}
            data-testid={`attachments-${name}`}
          >
            {ft('attachments.upload')}
          </Button>
        </>
      )}
    </div>
  );
}
