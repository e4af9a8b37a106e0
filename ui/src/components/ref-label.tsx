/**
 * @module ui/components/ref-label: ids shown read-only as people know them: a catalog entry as "code 名称", a unit by
 * its name, an attachment as a download link with its file name.
 */
import { PaperClipOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { attachmentMeta, entryLabel, unitName } from '../forms';
import { useLocale } from '../i18n';

type State = { status: 'loading' } | { status: 'done'; text: string; title?: string } | { status: 'failed' };

function useResolved(
  id: string,
  resolve: (id: string) => Promise<{ text: string; title?: string } | undefined>,
): State {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    let alive = true;
    setState({ status: 'loading' });
    resolve(id).then(
      (r) => alive && setState(r ? { status: 'done', ...r } : { status: 'failed' }),
      () => alive && setState({ status: 'failed' }),
    );
    return () => {
      alive = false;
    };
  }, [id, resolve]);
  return state;
}

const resolveEntry = async (id: string) => {
  const e = await entryLabel(id);
  return { text: e.label, title: e.unitName };
};
const resolveAttachment = async (id: string) => {
  const m = await attachmentMeta(id);
  return { text: m.name, title: m.size ? `${Math.max(1, Math.round(m.size / 1024))} KB` : undefined };
};
const resolveUnit = async (id: string) => {
  const name = await unitName(id);
  return name ? { text: name } : undefined;
};

/**
 * A reference that cannot be resolved (deleted, or not visible to this user) still shows, marked, rather than
 * vanishing; never as its id (#17: no UUIDs in front of people).
 */
function Unresolved({ id }: { id: string }) {
  const { lang } = useLocale();
  return (
    <Tooltip title="无法读取该引用的名称 / name not available">
      <Typography.Text type="secondary" data-testid="ref-unresolved" data-ref-id={id}>
        {lang === 'en' ? '(not available)' : '（无法读取）'}
      </Typography.Text>
    </Tooltip>
  );
}

export function EntryRef({ id, link = true }: { id: string; link?: boolean }) {
  const state = useResolved(id, resolveEntry);
  if (state.status === 'loading') return <Typography.Text type="secondary">…</Typography.Text>;
  if (state.status === 'failed') return <Unresolved id={id} />;
  const text = (
    <span data-testid="entry-ref" data-entry-id={id} title={state.title}>
      {state.text}
    </span>
  );
  return link ? <Link to={`/catalog/${encodeURIComponent(id)}`}>{text}</Link> : text;
}

export function UnitRef({ id }: { id: string }) {
  const state = useResolved(id, resolveUnit);
  if (state.status === 'loading') return <Typography.Text type="secondary">…</Typography.Text>;
  if (state.status === 'failed') return <Unresolved id={id} />;
  return (
    <span data-testid="unit-ref" data-unit-id={id}>
      {state.text}
    </span>
  );
}

/** A file stays a link even when its name cannot be read (then it says so, not its id). */
export function AttachmentRef({ id }: { id: string }) {
  const state = useResolved(id, resolveAttachment);
  const { lang } = useLocale();
  const unreadable = lang === 'en' ? 'File (name not available)' : '附件（无法读取名称）';
  return (
    <a
      href={`/api/attachments/${encodeURIComponent(id)}`}
      target="_blank"
      rel="noreferrer"
      data-testid="attachment-ref"
      title={state.status === 'done' ? state.title : undefined}
    >
      <PaperClipOutlined />{' '}
      {state.status === 'done' ? state.text : state.status === 'loading' ? '…' : unreadable}
    </a>
  );
}
