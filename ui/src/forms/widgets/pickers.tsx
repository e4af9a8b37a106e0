/** @module ui/forms/widgets/pickers: unit, catalog entry and information system pickers for `ui:widget: unit | catalogEntry | informationSystem`. */
import type { WidgetProps } from '@rjsf/utils';
import { catalog, itemsOf, units } from '../../api';
import { entryLabel, unitName } from '../refs';
import { RemoteSelect } from './remote-select';
import { useFormT } from '../form-messages';

export function UnitPicker(props: WidgetProps) {
  const ft = useFormT();
  return (
    <RemoteSelect
      widget={props}
      placeholder={props.placeholder || ft('picker.unit')}
      testId={`unit-picker-${props.name}`}
      search={async (q) => itemsOf(await units.search(q)).map((u) => ({ value: u.id, label: u.name }))}
      resolve={unitName}
    />
  );
}

/** Stores the entry id; shows "code 名称 (单位)". */
export function CatalogEntryPicker(props: WidgetProps) {
  const ft = useFormT();
  return (
    <RemoteSelect
      widget={props}
      placeholder={props.placeholder || ft('picker.entry')}
      testId={`entry-picker-${props.name}`}
      search={async (q) =>
        itemsOf(await catalog.entries({ q, pageSize: 50 })).map((e) => ({
          value: e.id,
          label: `${e.code} ${String(e.fields?.resourceName ?? '')}（${e.unitName}）`,
        }))
      }
      resolve={resolveEntry}
    />
  );
}

const resolveEntry = async (id: string) => {
  const e = await entryLabel(id);
  return `${e.label}（${e.unitName}）`;
};

/**
 * The unit's information systems (the census). Stores the system's name by default because the catalog
 * form's field is `systemName`; `ui:options: {valueKey: 'id'}` stores the id instead.
 */
export function SystemPicker(props: WidgetProps) {
  const ft = useFormT();
  const valueKey = (props.options.valueKey as string) === 'id' ? 'id' : 'name';
  const unitId = (props.options.unitId as string | undefined) ?? props.registry.formContext?.unitId;
  return (
    <RemoteSelect
      widget={props}
      placeholder={props.placeholder || ft('picker.system')}
      testId={`system-picker-${props.name}`}
      search={async (q) =>
        itemsOf(await catalog.systems({ unitId }))
          .filter((s) => !q || s.name.includes(q))
          .map((s) => ({ value: s[valueKey] as string, label: s.name }))
      }
    />
  );
}
