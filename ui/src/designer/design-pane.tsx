/** @module ui/designer/design-pane: the three panes of the design tab and the edits they make on the model. */
import { Card, Col, Form, Input, Row } from 'antd';
import { useState } from 'react';
import { moveField, removeField, renameField, replaceField } from './edit-fields';
import { FieldList } from './field-list';
import { FieldProperties } from './field-properties';
import { type DesignerLang, type DesignerT, kindLabel } from './messages';
import { COLUMN_KINDS, type DesignerField, type DesignerModel, type FieldKind, newField } from './model';
import { containerKind, type FieldPath, fieldAt, listAt, updateListAt } from './model-paths';
import { Palette } from './palette';

export interface DesignPaneProps {
  model: DesignerModel;
  lang: DesignerLang;
  t: DesignerT;
  readOnly?: boolean;
  /** Top-level field names the server's check found a problem with. */
  flagged?: Set<string>;
  onChange: (next: DesignerModel) => void;
}

/** Drops `undefined` values so a cleared property disappears from the model (and the JSON). */
const clean = (f: DesignerField): DesignerField =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as unknown as DesignerField;

export function DesignPane(props: DesignPaneProps) {
  const { model, lang, t, readOnly, flagged, onChange } = props;
  const [selected, setSelected] = useState<FieldPath | undefined>();
  const field = selected ? fieldAt(model, selected) : undefined;
  const parent = selected?.slice(0, -1) ?? [];
  const siblings = (listAt(model, parent) ?? []).filter((f) => f !== field);

  const insert = (container: FieldPath, index: number, kind: FieldKind) => {
    // Table rows hold simple cells only; anything else goes beside the table instead.
    if (containerKind(model, container) === 'table' && !COLUMN_KINDS.includes(kind)) {
      return insert(
        container.slice(0, -1),
        (listAt(model, container.slice(0, -1)) ?? []).findIndex((f) => f.name === container.at(-1)) + 1,
        kind,
      );
    }
    const list = listAt(model, container) ?? [];
    const f = newField(kind, list, kindLabel(kind, lang));
    onChange(updateListAt(model, container, (l) => [...l.slice(0, index), f, ...l.slice(index)]));
    setSelected([...container, f.name]);
  };

  /** A click adds into the selected section/table, else right after the selection, else at the end. */
  const add = (kind: FieldKind) => {
    if (!field || !selected) return insert([], model.fields.length, kind);
    if (field.kind === 'section' || field.kind === 'table')
      return insert(selected, (field.fields ?? field.columns ?? []).length, kind);
    const list = listAt(model, parent) ?? [];
    insert(parent, list.findIndex((f) => f.name === field.name) + 1, kind);
  };

  const patch = (p: Partial<DesignerField>) => {
    if (!field) return;
    onChange(updateListAt(model, parent, (l) => replaceField(l, field.name, clean({ ...field, ...p }))));
  };
  const rename = (to: string) => {
    if (!field) return;
    onChange(updateListAt(model, parent, (l) => renameField(l, field.name, to)));
    setSelected([...parent, to]);
  };

  return (
    <Row gutter={12} data-testid="designer-design">
      {readOnly ? null : (
        <Col xs={24} md={5}>
          <Card size="small" title={t('palette')}>
            <Palette lang={lang} t={t} onAdd={add} />
          </Card>
        </Col>
      )}
      <Col xs={24} md={readOnly ? 13 : 10}>
        <Card size="small" title={t('fields')} styles={{ body: { maxHeight: 640, overflowY: 'auto' } }}>
          <FieldList
            fields={model.fields}
            container={[]}
            selected={selected}
            flagged={flagged}
            lang={lang}
            t={t}
            onSelect={setSelected}
            onMove={(c, from, to) =>
              !readOnly && onChange(updateListAt(model, c, (l) => moveField(l, from, to)))
            }
            onRemove={(path) => {
              if (readOnly) return;
              onChange(updateListAt(model, path.slice(0, -1), (l) => removeField(l, path[path.length - 1])));
              setSelected(undefined);
            }}
            onDropNew={(c, i, kind) => !readOnly && insert(c, i, kind)}
            readOnly={readOnly}
          />
        </Card>
      </Col>
      <Col xs={24} md={readOnly ? 11 : 9}>
        <Card size="small" title={field ? t('props') : t('props.form')}>
          <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
            {field ? (
              <FieldProperties
                key={selected?.join('.')}
                field={field}
                siblings={siblings}
                inTable={containerKind(model, parent) === 'table'}
                lang={lang}
                t={t}
                onPatch={patch}
                onRename={rename}
                onReplace={(next) =>
                  field && onChange(updateListAt(model, parent, (l) => replaceField(l, field.name, next)))
                }
              />
            ) : (
              <Form layout="vertical" size="small">
                <Form.Item label={t('prop.title')}>
                  <Input
                    value={model.title ?? ''}
                    onChange={(e) => onChange({ ...model, title: e.target.value || undefined })}
                    data-testid="prop-form-title"
                  />
                </Form.Item>
                <Form.Item label={t('prop.description')}>
                  <Input.TextArea
                    rows={3}
                    value={model.description ?? ''}
                    onChange={(e) => onChange({ ...model, description: e.target.value || undefined })}
                    data-testid="prop-form-description"
                  />
                </Form.Item>
              </Form>
            )}
          </fieldset>
        </Card>
      </Col>
    </Row>
  );
}
