/** @module ui/pages/tasks/completion-result: what happened after 办结: the instance's state and the next task, if it is mine to do. */
import { Button, Result, Space } from 'antd';
import { Link } from 'react-router-dom';
import type { CompleteResult, InstanceStatus, Task } from '../../api';
import { type MessageKey, useT } from '../../i18n';
import { useAsync } from '../../lib';
import { followUp } from './follow-up';

export const STATUS_KEY: Record<InstanceStatus, MessageKey> = {
  active: 'instance.active',
  completed: 'instance.completed',
  cancelled: 'instance.cancelledStatus',
  incident: 'instance.incident',
};

export interface CompletionResultProps {
  result: CompleteResult;
  next?: Task;
  onOpenTask: (id: string) => void;
  onClose: () => void;
}

export function CompletionResult({ result, next, onOpenTask, onClose }: CompletionResultProps) {
  const t = useT();
  // Not mine and not over yet: ask where it went (another's task, or automatic steps that end it in a moment);
  // until the answer comes, the general words stand.
  const follow = useAsync(
    async () => (next || result.instance.status !== 'active' ? undefined : followUp(result.instance.id)),
    [result.instance.id, next?.id],
    true,
  );
  const status = follow.data?.kind === 'ended' ? follow.data.status : result.instance.status;
  const ended = status !== 'active';
  const subTitle = next
    ? `${t('tasks.next')}：${next.name}`
    : ended
      ? `${t('tasks.instanceDone')}（${t(STATUS_KEY[status])}）`
      : follow.data?.kind === 'moved'
        ? t('tasks.movedTo', { names: follow.data.names.join('、') })
        : t('tasks.noNext');
  return (
    <Result
      status="success"
      title={t('tasks.completed')}
      subTitle={<span data-testid="completion-next">{subTitle}</span>}
      data-testid="completion-result"
      extra={
        <Space>
          {next ? (
            <Button type="primary" onClick={() => onOpenTask(next.id)} data-testid="open-next-task">
              {t('open')}：{next.name}
            </Button>
          ) : null}
          <Link to={`/instances/${result.instance.id}`}>
            <Button>{t('tasks.viewInstance')}</Button>
          </Link>
          <Button onClick={onClose}>{t('close')}</Button>
        </Space>
      }
    />
  );
}
