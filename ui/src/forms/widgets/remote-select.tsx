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
  /** The label of a stored value that the first page of search results does not hold (a prefilled or read-only id). */
  resolve?: (value: string) => Promise<string | undefined>;
}

export function RemoteSelect({ widget, search, placeholder, testId, resolve }: RemoteSelectProps) {
  const { id, value, onChange, disabled, readonly, onBlur, onFocus, label } = widget;
  const [options, setOptions] = useState<RemoteOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  const [resolved, setResolved] = useState<RemoteOption>();
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

  const known = options.some((o) => o.value === value);
  useEffect(() => {
    if (!resolve || typeof value !== 'string' || !value || known || resolved?.value === value) return;
    let alive = true;
    const settle = (label: string | undefined) => alive && setResolved({ value, label: label || value });
    resolve(value).then(settle, () => settle(undefined));
    return () => {
      alive = false;
    };
  }, [resolve, value, known, resolved?.value]);

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
  // A stored value outside the loaded options shows its looked-up label (itself when the lookup fails), never blank.
  const own =
    resolved && resolved.value === value ? resolved : { value, label: resolve ? '…' : String(value) };
  const shown = value && !known ? [own, ...options] : options;
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
