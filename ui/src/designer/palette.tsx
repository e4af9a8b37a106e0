/** @module ui/designer/palette: the controls to add: click to add beside the selection, or drag into the field list. */
import { Button, Typography } from 'antd';
import { DRAG_MIME } from './drag';
import { type DesignerLang, type DesignerT, kindLabel } from './messages';
import { FIELD_KINDS, type FieldKind } from './model';

export function Palette(props: {
  lang: DesignerLang;
  t: DesignerT;
  onAdd: (kind: FieldKind) => void;
  disabled?: boolean;
}) {
  const { lang, t, onAdd, disabled } = props;
  return (
    <div data-testid="designer-palette">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('palette.hint')}
      </Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 6, marginTop: 8 }}>
        {FIELD_KINDS.map((kind) => (
          <Button
            key={kind}
            size="small"
            disabled={disabled}
            draggable={!disabled}
            onDragStart={(e) => e.dataTransfer.setData(DRAG_MIME, JSON.stringify({ type: 'new', kind }))}
            onClick={() => onAdd(kind)}
            data-testid={`palette-${kind}`}
          >
            {kindLabel(kind, lang)}
          </Button>
        ))}
      </div>
    </div>
  );
}
