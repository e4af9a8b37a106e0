/**
 * @module ui/components/history-timeline: an instance's technical event log (every engine event, oldest first) as an
 * antd Timeline. People read the 审批记录 (approval-record.tsx); this log is the administrators', folded under it.
 */
import { Timeline, Typography } from 'antd';
import type { HistoryEvent } from '../api';
import { useLocale } from '../i18n';
import { formatTime } from '../lib';
import { PersonName } from './approval-record-person';

const TYPE_ZH: Record<string, string> = {
  'instance.started': '发起流程',
  'element.activated': '进入环节',
  'element.completed': '完成环节',
  'task.created': '生成任务',
  'task.claimed': '领取任务',
  'task.unclaimed': '退回任务',
  'task.completed': '办结任务',
  'task.cancelled': '任务取消',
  'timer.fired': '定时触发',
  'message.correlated': '收到消息',
  'incident.raised': '发生异常',
  'incident.resolved': '异常已解决',
  'instance.completed': '流程结束',
  'instance.cancelled': '流程终止',
  'instance.cancel.requested': '请求撤销',
  'instance.withdrawn': '撤回',
  'job.completed': '自动环节完成',
  'boundary.fired': '边界事件触发',
  'side-path.started': '旁路开始',
  'side-path.completed': '旁路结束',
  'element.terminated': '环节终止',
  'error.caught': '捕获错误',
  'call.completed': '子流程完成',
  'multi-instance.item-started': '多实例项开始',
  'multi-instance.item-completed': '多实例项完成',
  'task.transferred': '转办',
  'task.delegated': '委派',
  'task.resolved': '办毕交还',
  'task.signers-added': '加签',
  'task.returned': '退回',
  'task.urged': '催办',
  'task.cc': '抄送',
};

const COLOR: Record<string, string> = {
  'incident.raised': 'red',
  'instance.cancelled': 'red',
  'instance.completed': 'green',
  'task.completed': 'green',
  'timer.fired': 'orange',
};

export interface HistoryTimelineProps {
  events: HistoryEvent[];
  /** element id → name from the diagram, when known. */
  elementNames?: Record<string, string>;
  /** Hide the noisy element.activated/completed entries (tasks tell the same story). */
  compact?: boolean;
}

export function HistoryTimeline({ events, elementNames = {}, compact = false }: HistoryTimelineProps) {
  const { lang } = useLocale();
  const shown = compact ? events.filter((e) => !e.type.startsWith('element.')) : events;
  return (
    <Timeline
      data-testid="history-timeline"
      items={shown.map((e, i) => {
        const label = lang === 'en' ? e.type : (TYPE_ZH[e.type] ?? e.type);
        const element = e.elementId ? (elementNames[e.elementId] ?? e.elementId) : '';
        const comment = typeof e.data?.comment === 'string' ? e.data.comment : undefined;
        const message = typeof e.data?.message === 'string' ? e.data.message : undefined;
        return {
          key: `${e.at}-${i}`,
          color: COLOR[e.type] ?? 'blue',
          content: (
            <div data-testid="history-event" data-type={e.type}>
              <Typography.Text strong>{label}</Typography.Text>
              {element ? <Typography.Text> · {element}</Typography.Text> : null}
              {e.actor ? (
                <Typography.Text type="secondary">
                  {' '}
                  · <PersonName username={e.actor} />
                </Typography.Text>
              ) : null}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(e.at)}
                </Typography.Text>
              </div>
              {comment ? <div>“{comment}”</div> : null}
              {message ? <Typography.Text type="danger">{message}</Typography.Text> : null}
            </div>
          ),
        };
      })}
    />
  );
}
