/** @module ui/forms/widgets/remote-select: a searchable antd Select whose options come from an API search; falls back to a text input when the route is missing. */
import type { WidgetProps } from '@rjsf/utils';
import { Input, Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api';

export interface RemoteOption {
  value: string;
  label: string;
}

export interface RemoteSelectProps {
  widget: WidgetProps;
  search: (q: string) => Promise<RemoteOption[]>;
  placeholder: string;
  testId: string;
}

export function RemoteSelect({ widget, search, placeholder, testId }: RemoteSelectProps) {
  const { id, value, onChange, disabled, readonly, onBlur, onFocus, label } = widget;
  const [options, setOptions] = useState<RemoteOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  const seq = useRef(0);
  const searchRef = useRef(search);
  searchRef.current = search;

  const run = (q: string) => {
    const n = ++seq.current;
    setLoading(true);
    searchRef
      .current(q)
      .then((opts) => n === seq.current && setOptions(opts))
      .catch((err) => {
        // A route that does not exist yet must not break the form: let the user type the value.
        if (err instanceof ApiError && (err.status === 404 || err.status === 405)) setUnavailable(true);
      })
      .finally(() => n === seq.current && setLoading(false));
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: load the first page once
  useEffect(() => run(''), []);

  if (unavailable) {
    return (
      <Input
        id={id}
        aria-label={label}
        value={value ?? ''}
        disabled={disabled || readonly}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        data-testid={testId}
      />
    );
  }
  const known = options.some((o) => o.value === value);
  const shown = value && !known ? [{ value, label: String(value) }, ...options] : options;
  return (
    <Select
      id={id}
      aria-label={label}
      showSearch={{ filterOption: false, onSearch: run }}
      allowClear
      value={value ?? undefined}
      disabled={disabled || readonly}
      placeholder={placeholder}
      options={shown}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      onChange={(v) => onChange(v ?? undefined)}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
