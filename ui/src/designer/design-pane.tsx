/** @module ui/designer/design-pane: the three panes of the design tab and the edits they make on the model. */
import { Card, Col, Form, Input, Row } from 'antd';
import { useState } from 'react';
import { moveField, patchField, removeField, renameField, replaceField } from './edit-fields';
import { FieldList } from './field-list';
import { FieldProperties } from './field-properties';
import { type DesignerLang, type DesignerT, kindLabel } from './messages';
import {
  COLUMN_KINDS,
  type DesignerField,
  type DesignerModel,
  type FieldKind,
  nameForTitle,
  newField,
} from './model';
import { containerKind, type FieldPath, fieldAt, listAt, updateListAt } from './model-paths';
import { Palette } from './palette';
import type { ToSyllables } from './title-key';

export interface DesignPaneProps {
  model: DesignerModel;
  lang: DesignerLang;
  t: DesignerT;
  readOnly?: boolean;
  /** Top-level field names the server's check found a problem with. */
  flagged?: Set<string>;
  /** Field keys of the last saved version: they never follow a title (existing data refers to them). */
  published?: Set<string>;
  /** Choice values of the last saved version: they never follow a label. */
  publishedValues?: Set<string>;
  /** Pinyin, once loaded: new keys are spelt from titles; before, they are `field1`…. */
  toSyllables?: ToSyllables;
  onChange: (next: DesignerModel) => void;
}

/** Drops `undefined` values so a cleared property disappears from the model (and the JSON). */
const clean = (f: DesignerField): DesignerField =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as unknown as DesignerField;

export function DesignPane(props: DesignPaneProps) {
  const { model, lang, t, readOnly, flagged, published, publishedValues, toSyllables, onChange } = props;
  const [selected, setSelected] = useState<FieldPath | undefined>();
  // The properties pane starts afresh when another field is chosen, not when the chosen one's key changes (a key
  // that follows the title changes with every keystroke of the title, and the title input must keep its focus).
  const [chosen, setChosen] = useState(0);
  const choose = (path: FieldPath | undefined) => {
    setSelected(path);
    setChosen((n) => n + 1);
  };
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
    const f = newField(kind, list, kindLabel(kind, lang), toSyllables);
    onChange(updateListAt(model, container, (l) => [...l.slice(0, index), f, ...l.slice(index)]));
    choose([...container, f.name]);
  };

  /** A click adds into the selected section/table, else right after the selection, else at the end. */
  const add = (kind: FieldKind) => {
    if (!field || !selected) return insert([], model.fields.length, kind);
    if (field.kind === 'section' || field.kind === 'table')
      return insert(selected, (field.fields ?? field.columns ?? []).length, kind);
    const list = listAt(model, parent) ?? [];
    insert(parent, list.findIndex((f) => f.name === field.name) + 1, kind);
  };

  const follows = (f: DesignerField) => !!f.autoName && !published?.has(f.name) && !!toSyllables;
  const patch = (p: Partial<DesignerField>) => {
    if (!field) return;
    // a key that still follows its title is spelt anew from it (conditions naming it follow too)
    const keyFor = follows(field)
      ? (title: string, others: DesignerField[]) => nameForTitle(title, others, toSyllables)
      : undefined;
    let to = field.name;
    onChange(
      updateListAt(model, parent, (l) => {
        const done = patchField(l, field.name, p, keyFor);
        to = done.name;
        return done.list;
      }),
    );
    if (to !== field.name) setSelected([...parent, to]);
  };
  /** A key the administrator typed is theirs: it no longer follows the title. */
  const rename = (to: string) => {
    if (!field) return;
    onChange(
      updateListAt(model, parent, (l) =>
        renameField(l, field.name, to).map((f) => (f.name === to ? clean({ ...f, autoName: undefined }) : f)),
      ),
    );
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
            onSelect={choose}
            onMove={(c, from, to) =>
              !readOnly && onChange(updateListAt(model, c, (l) => moveField(l, from, to)))
            }
            onRemove={(path) => {
              if (readOnly) return;
              onChange(updateListAt(model, path.slice(0, -1), (l) => removeField(l, path[path.length - 1])));
              choose(undefined);
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
                key={chosen}
                field={field}
                siblings={siblings}
                inTable={containerKind(model, parent) === 'table'}
                namePublished={published?.has(field.name)}
                publishedValues={publishedValues}
                toSyllables={toSyllables}
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
