/**
 * @module ui/forms/widgets/plain-inputs: two of @rjsf/antd's inputs made honest (#17). Its number input passes the
 * schema's minimum/maximum to antd's InputNumber, which silently clamps on blur (-5 in 整改记录数 became 0 and was
 * submitted): ours keeps what was typed, so the form's own check refuses it with a message. Its select puts an empty
 * first option before the choices (存储格式, 更新周期): ours has none; the placeholder and a clear button do that job.
 */
import { Widgets } from '@rjsf/antd';
import { ariaDescribedByIds, getTemplate, type WidgetProps } from '@rjsf/utils';
import { InputNumber } from 'antd';

const AntdSelect = Widgets.SelectWidget;

/** antd's select without the empty first option: rjsf adds it only while the schema has no default. */
export function PlainSelectWidget(props: WidgetProps) {
  if (props.multiple) return <AntdSelect {...props} />;
  return <AntdSelect {...props} schema={{ ...props.schema, default: props.schema.default ?? null }} />;
}

export function PlainNumberWidget(props: WidgetProps) {
  const {
    id,
    value,
    disabled,
    readonly,
    placeholder,
    onChange,
    onBlur,
    onFocus,
    autofocus,
    schema,
    options,
  } = props;
  const integer = schema.type === 'integer';
  return (
    <InputNumber
      id={id}
      name={props.htmlName || id}
      value={typeof value === 'number' ? value : value == null || value === '' ? null : Number(value)}
      disabled={disabled || readonly}
      autoFocus={autofocus}
      placeholder={placeholder}
      precision={integer ? 0 : undefined}
      changeOnWheel={false}
      style={{ width: '100%' }}
      onChange={(v) => onChange(v == null ? options.emptyValue : v)}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
      aria-describedby={ariaDescribedByIds(id)}
    />
  );
}

/** A plain number field (no ui:widget) reaches the same clamping InputNumber through the text widget: not here. */
export function PlainTextWidget(props: WidgetProps) {
  if (props.schema.type === 'number' || props.schema.type === 'integer')
    return <PlainNumberWidget {...props} />;
  const BaseInputTemplate = getTemplate('BaseInputTemplate', props.registry, props.options);
  return <BaseInputTemplate {...props} />;
}
