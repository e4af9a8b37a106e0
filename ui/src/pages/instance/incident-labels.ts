/**
 * @module ui/pages/instance/incident-labels: what kind of problem stopped an element, in the reader's language. The
 * engine stores the technical message (often a FEEL evaluator's English text); staff first need the plain kind.
 */
const LABELS: Record<string, { zh: string; en: string }> = {
  condition: { zh: '分支条件无法求值', en: 'A flow condition could not be evaluated' },
  'no-flow': {
    zh: '没有满足条件的分支，也没有默认分支',
    en: 'No outgoing flow condition holds and there is no default flow',
  },
  expression: { zh: '表达式求值出错', en: 'An expression failed' },
  'io-mapping': { zh: '输入/输出映射出错', en: 'An input/output mapping failed' },
  'timer-expression': { zh: '定时器表达式出错', en: 'A timer expression failed' },
  'correlation-key': { zh: '消息关联键出错', en: 'A message correlation key failed' },
  JOB_FAILED: { zh: '自动任务多次重试仍失败', en: 'A service job failed after its retries' },
};

export function incidentLabel(type: string | undefined, lang: 'zh' | 'en'): string {
  const label = type ? LABELS[type] : undefined;
  if (label) return label[lang];
  return lang === 'en' ? 'Incident' : '流程异常';
}
