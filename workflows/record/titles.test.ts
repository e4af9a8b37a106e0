/** @module Task titles: each shipped process's builder, and the fallback for a process an administrator drew. */
import { describe, expect, it } from 'vitest';
import { titleOf } from './titles';

const starter = { name: '周编目', unitName: '县公安局' };

describe('task titles', () => {
  it('names the entry of a registration and of a change, and what kind of change', () => {
    expect(titleOf('catalog-registration', { variables: { resourceName: '常住人口信息' }, starter })).toBe(
      '目录注册：常住人口信息（县公安局 周编目）',
    );
    expect(
      titleOf('catalog-change', {
        variables: { resourceName: '常住人口信息', changeType: 'retire' },
        starter,
      }),
    ).toBe('目录注销：常住人口信息（县公安局 周编目）');
  });

  it('names a problem by its entry, kind and first words, clipped', () => {
    const long = '出生日期与医保登记不一致，涉及多个乡镇的常住人口记录，需要逐条核对';
    expect(
      titleOf('data-problem', {
        variables: { resourceName: '常住人口信息', problemTypeName: '数据错误', description: long },
        starter: { name: '杨反馈', unitName: '县卫生健康局' },
      }),
    ).toBe(
      '问题反馈：常住人口信息 · 数据错误：出生日期与医保登记不一致，涉及多个乡镇的常住人口…（县卫生健康局 杨反馈）',
    );
  });

  it('names a bulletin by its own title, without a starter (a timer started it)', () => {
    expect(titleOf('bulletin', { variables: { bulletinTitle: '公共数据工作通报(2026年11月)' } })).toBe(
      '公共数据工作通报(2026年11月)',
    );
  });

  it('falls back to who started it, and to nothing when nothing is known', () => {
    expect(titleOf('leave-request', { variables: {}, starter })).toBe('县公安局 周编目 发起');
    expect(titleOf('catalog-registration', { variables: {} })).toBeUndefined();
    expect(titleOf('constructor', { variables: {} })).toBeUndefined();
  });
});
