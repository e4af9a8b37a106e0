/** @module The token simulation's English strings in Chinese; unknown strings untouched. */
import { describe, expect, it } from 'vitest';
import { simulationZh } from './simulation-zh';

describe('token simulation in Chinese', () => {
  it('given its tooltips and log words, when translated, then Chinese comes out; anything else is left', () => {
    expect(simulationZh('Reset Simulation')).toBe('重置模拟');
    expect(simulationZh('Toggle Simulation Log')).toBe('显示/隐藏模拟日志');
    expect(simulationZh('Token Simulation ')).toBe('模拟运行 ');
    expect(simulationZh('Set animation speed = Fast')).toBe('设置动画速度：快');
    expect(simulationZh('单位审核')).toBeUndefined();
    expect(simulationZh('Taskforce')).toBeUndefined();
  });
});
