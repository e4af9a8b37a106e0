/**
 * @module ui/designer/field-list: the form's fields in order (sections and tables nest theirs): select to edit,
 * drag to reorder or drop a palette control, and up/down/delete buttons so the keyboard can do everything too.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import { type DragEvent, useState } from 'react';
import { DRAG_MIME, readDrag } from './drag';
import { type DesignerLang, type DesignerT, kindLabel } from './messages';
import type { DesignerField, FieldKind } from './model';
import { childrenOf, type FieldPath } from './model-paths';

export interface FieldListProps {
  fields: DesignerField[];
  container: FieldPath;
  selected?: FieldPath;
  /** Top-level names with a problem found by the server's check. */
  flagged?: Set<string>;
  lang: DesignerLang;
  t: DesignerT;
  onSelect: (path: FieldPath) => void;
  onMove: (container: FieldPath, from: number, to: number) => void;
  onRemove: (path: FieldPath) => void;
  onDropNew: (container: FieldPath, index: number, kind: FieldKind) => void;
  /** A reader's view: no move/delete buttons, no dragging, no drop zones (controls that do nothing are not shown). */
  readOnly?: boolean;
}

const same = (a: FieldPath, b?: FieldPath) => !!b && a.length === b.length && a.every((x, i) => x === b[i]);

export function FieldList(props: FieldListProps) {
  const { fields, container, selected, flagged, lang, t, onSelect, onMove, onRemove, onDropNew, readOnly } =
    props;
  const [over, setOver] = useState<number | undefined>();
  const drop = (e: DragEvent, index: number) => {
    e.preventDefault();
    e.stopPropagation();
    setOver(undefined);
    const p = readDrag(e.dataTransfer);
    if (p?.type === 'new') onDropNew(container, index, p.kind);
    // Moves stay within one list: a field's conditions name its siblings, so crossing levels would break them.
    if (p?.type === 'move' && same(p.container, container))
      onMove(container, p.index, p.index < index ? index - 1 : index);
  };
  const allowDrop = (e: DragEvent, index: number) => {
    if (!e.dataTransfer.types.includes(DRAG_MIME)) return;
    e.preventDefault();
    e.stopPropagation();
    setOver(index);
  };
  const key = container.length ? container.join('.') : 'root';
  return (
    <div data-testid={`designer-list-${key}`}>
      {fields.map((f, i) => {
        const path = [...container, f.name];
        const id = path.join('.');
        const children = childrenOf(f);
        const isSelected = same(path, selected);
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: a drop target only; the keyboard path is the up/down buttons
          <div key={f.name} onDragOver={(e) => allowDrop(e, i)} onDrop={(e) => drop(e, i)}>
            {/* biome-ignore lint/a11y/useSemanticElements: a row holding its own buttons cannot itself be a <button> */}
            <div
              role="button"
              tabIndex={0}
              draggable={!readOnly}
              onDragStart={(e) => {
                e.stopPropagation();
                e.dataTransfer.setData(DRAG_MIME, JSON.stringify({ type: 'move', container, index: i }));
              }}
              onClick={(e) => {
                e.stopPropagation();
                onSelect(path);
              }}
              onKeyDown={(e) => {
                if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
                  e.preventDefault();
                  onSelect(path);
                }
              }}
              aria-pressed={isSelected}
              data-testid={`designer-field-${id}`}
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: 8,
                padding: '6px 8px',
                marginBottom: 4,
                cursor: readOnly ? 'pointer' : 'grab',
                border: `1px solid ${isSelected ? '#1677ff' : '#d9d9d9'}`,
                borderTop: over === i ? '3px solid #1677ff' : undefined,
                background: isSelected ? '#e6f4ff' : '#fff',
                borderRadius: 6,
              }}
            >
              <div style={{ flex: 1, minWidth: 0 }}>
                <div>
                  {f.required ? <span style={{ color: '#ff4d4f' }}>* </span> : null}
                  {f.title || f.name} <Typography.Text code>{f.name}</Typography.Text>
                </div>
                <Space size={4}>
                  <Tag>{kindLabel(f.kind, lang)}</Tag>
                  {f.visibleWhen || f.requiredWhen ? <Tag color="orange">{t('conditional')}</Tag> : null}
                  {container.length === 0 && flagged?.has(f.name) ? (
                    <Tag color="red">{t('fieldIssue')}</Tag>
                  ) : null}
                </Space>
              </div>
              {readOnly ? null : (
                <Space size={0} onClick={(e) => e.stopPropagation()}>
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowUpOutlined />}
                    aria-label={`${t('moveUp')} ${f.title}`}
                    disabled={i === 0}
                    onClick={() => onMove(container, i, i - 1)}
                    data-testid={`designer-up-${id}`}
                  />
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowDownOutlined />}
                    aria-label={`${t('moveDown')} ${f.title}`}
                    disabled={i === fields.length - 1}
                    onClick={() => onMove(container, i, i + 1)}
                    data-testid={`designer-down-${id}`}
                  />
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${t('remove')} ${f.title}`}
                    onClick={() => onRemove(path)}
                    data-testid={`designer-remove-${id}`}
                  />
                </Space>
              )}
            </div>
            {children ? (
              <div
                style={{ marginLeft: 20, paddingLeft: 8, borderLeft: '2px dashed #d9d9d9', marginBottom: 6 }}
              >
                <FieldList {...props} fields={children} container={path} />
              </div>
            ) : null}
          </div>
        );
      })}
      {readOnly ? null : (
        // biome-ignore lint/a11y/noStaticElementInteractions: a drop target only; keyboard users have the buttons
        <div
          onDragOver={(e) => allowDrop(e, fields.length)}
          onDragLeave={() => setOver(undefined)}
          onDrop={(e) => drop(e, fields.length)}
          data-testid={`designer-drop-${key}`}
          style={{
            padding: 6,
            textAlign: 'center',
            fontSize: 12,
            color: '#999',
            border: `1px dashed ${over === fields.length ? '#1677ff' : '#e0e0e0'}`,
            borderRadius: 6,
          }}
        >
          {fields.length === 0 && container.length === 0 ? t('fields.empty') : t('fields.dropHere')}
        </div>
      )}
    </div>
  );
}
