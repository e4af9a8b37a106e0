/**
 * @module ui/pages/modeler/simulation-zh: Chinese for the token simulation, whose tooltips and log are fixed English
 * strings (it has no translate service). A MutationObserver on the canvas rewrites exactly those strings, as text
 * or `title`, whenever the simulation draws them; anything else is left alone.
 */

export const SIMULATION_ZH: Record<string, string> = {
  'Token Simulation': '模拟运行',
  'Play/Pause Simulation': '开始/暂停模拟',
  'Play Simulation': '开始模拟',
  'Pause Simulation': '暂停模拟',
  'Reset Simulation': '重置模拟',
  'Toggle Simulation Log': '显示/隐藏模拟日志',
  'Set Sequence Flow': '选择此路径',
  'Trigger Event': '触发事件',
  'Set animation speed': '设置动画速度',
  'Found unsupported elements': '发现不支持模拟的元素',
  'Not supported': '不支持',
  'No Entries': '暂无记录',
  Finished: '已结束',
  Slow: '慢',
  Normal: '正常',
  Fast: '快',
  Process: '流程',
  'Service Task': '服务任务',
  'User Task': '用户任务',
  'Call Activity': '调用活动',
  'Script Task': '脚本任务',
  'Business Rule Task': '业务规则任务',
  'Manual Task': '手工任务',
  'Receive Task': '接收任务',
  'Send Task': '发送任务',
  Task: '任务',
  'Exclusive Gateway': '排他网关',
  'Parallel Gateway': '并行网关',
  'Inclusive Gateway': '包容网关',
  'Start Event': '开始事件',
  'Intermediate Event': '中间事件',
  'Boundary Event': '边界事件',
  'End Event': '结束事件',
};

/** The Chinese for one string, or undefined; `Set animation speed = 1` style titles keep their tail. */
export function simulationZh(s: string): string | undefined {
  const t = s.trim();
  if (SIMULATION_ZH[t]) return s.replace(t, SIMULATION_ZH[t]);
  const speed = /^Set animation speed = (.+)$/.exec(t);
  if (speed) return `${SIMULATION_ZH['Set animation speed']}：${SIMULATION_ZH[speed[1]] ?? speed[1]}`;
  const focus = /^Focus process instance (.+)$/.exec(t);
  if (focus) return `聚焦流程实例 ${focus[1]}`;
  return undefined;
}

function translateNode(node: Node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const zh = node.nodeValue ? simulationZh(node.nodeValue) : undefined;
    if (zh !== undefined && zh !== node.nodeValue) node.nodeValue = zh;
    return;
  }
  if (!(node instanceof Element)) return;
  for (const el of [node, ...node.querySelectorAll('[title]')]) {
    const title = el.getAttribute('title');
    const zh = title ? simulationZh(title) : undefined;
    if (zh !== undefined && zh !== title) el.setAttribute('title', zh);
  }
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) translateNode(t);
}

/** Starts translating inside `root`; returns the stop function. */
export function translateSimulation(root: HTMLElement): () => void {
  translateNode(root);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' || r.type === 'characterData') translateNode(r.target);
      for (const n of r.addedNodes) translateNode(n);
    }
  });
  observer.observe(root, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['title'],
  });
  return () => observer.disconnect();
}
