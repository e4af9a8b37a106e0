/** @module 加签/减签 on a user task: the three modes, removal, and an exit of the element taking the signers' tasks with it. */
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../contract';
import { deploy, fixture, type Harness } from '../../testing';

const xml = fixture(import.meta.url, 'signers.bpmn');
type Ev<T extends EngineEvent['type']> = Omit<Extract<EngineEvent, { type: T }>, 'at'>;

const add = (h: Harness, usernames: string[], mode: 'before' | 'after' | 'parallel', taskKey = 'approve#1') =>
  h.send({
    type: 'task.addSigners',
    elementId: 'approve',
    activation: 1,
    taskKey,
    usernames,
    mode,
    holder: 'li',
    dueAt: h.task('approve').dueAt,
    actor: 'li',
  } satisfies Ev<'task.addSigners'>);
const sign = (h: Harness, taskKey: string, variables = {}) =>
  h.send({
    type: 'task.complete',
    elementId: 'approve',
    activation: 1,
    taskKey,
    variables,
  } satisfies Ev<'task.complete'>);
const keys = (h: Harness) => [...h.tasks.keys()].sort();

describe('加签 (add signers)', () => {
  it('given before-signers, when they sign, then the holder gets the task back with its due date and decides', async () => {
    const h = (await deploy(xml)).start();
    const due = h.task('approve').dueAt;
    expect('rejected' in add(h, ['wang', 'zhao'], 'before')).toBe(false);
    expect(keys(h)).toEqual(['approve#1+1', 'approve#1+2']);
    expect(h.tasks.get('approve#1+1')).toMatchObject({ assignee: 'wang', name: '审批（加签）' });
    expect(h.history.find((e) => e.type === 'task.signers-added')).toMatchObject({
      actor: 'li',
      data: { usernames: ['wang', 'zhao'], mode: 'before' },
    });
    sign(h, 'approve#1+1', { opinion: '同意' });
    expect(keys(h)).toEqual(['approve#1+2']);
    sign(h, 'approve#1+2');
    expect(keys(h)).toEqual(['approve#1~3']);
    expect(h.task('approve')).toMatchObject({ assignee: 'li', dueAt: due, formKey: 'approve-form' });
    // a signer's variables are an opinion, not process data
    expect(h.vars.opinion).toBeUndefined();
    sign(h, 'approve#1~3', { decision: 'ok' });
    expect(h.active).toEqual(['file']);
    expect(h.vars.decision).toBe('ok');
  });

  it('given after-signers, when the holder completes, then their tasks open and the process moves on when they signed', async () => {
    const h = (await deploy(xml)).start();
    add(h, ['wang'], 'after');
    expect(keys(h)).toEqual(['approve#1']);
    h.completeTask('approve', { decision: 'ok' });
    expect(keys(h)).toEqual(['approve#1+1']);
    expect(h.active).toEqual(['approve']);
    sign(h, 'approve#1+1');
    expect(h.active).toEqual(['file']);
  });

  it('given parallel signers, when the holder and they sign in any order, then the step ends after the last', async () => {
    const h = (await deploy(xml)).start();
    add(h, ['wang'], 'parallel');
    expect(keys(h)).toEqual(['approve#1', 'approve#1+1']);
    sign(h, 'approve#1+1');
    expect(h.active).toEqual(['approve']);
    h.completeTask('approve');
    expect(h.active).toEqual(['file']);
  });

  it('given a signer who signed, when removed, then the step is rejected; one who has not, then their task is cancelled', async () => {
    const h = (await deploy(xml)).start();
    add(h, ['wang', 'zhao'], 'before');
    sign(h, 'approve#1+1');
    const remove = (usernames: string[]) =>
      h.send({
        type: 'task.removeSigners',
        elementId: 'approve',
        activation: 1,
        usernames,
      } satisfies Ev<'task.removeSigners'>);
    expect(remove(['wang'])).toMatchObject({ rejected: true });
    expect('rejected' in remove(['zhao'])).toBe(false);
    // the last before-signer removed: the holder has it again
    expect(keys(h)).toEqual(['approve#1~3']);
  });

  it('given the holder completed and one signer left, when that signer is removed, then the step ends and their task is cancelled', async () => {
    const h = (await deploy(xml)).start();
    add(h, ['wang'], 'after');
    h.completeTask('approve');
    expect(keys(h)).toEqual(['approve#1+1']);
    const r = h.send({
      type: 'task.removeSigners',
      elementId: 'approve',
      activation: 1,
      usernames: ['wang'],
    } satisfies Ev<'task.removeSigners'>);
    expect('rejected' in r).toBe(false);
    expect(h.active).toEqual(['file']);
    expect(keys(h)).toEqual(['file#1']);
    expect(h.trail).toContain('task.signers-removed:approve');
  });

  it('given open signer tasks, when the element is left by a move, then their tasks are cancelled with it', async () => {
    const h = (await deploy(xml)).start();
    add(h, ['wang'], 'parallel');
    h.send({ type: 'token.move', targets: ['file'], history: 'instance.modified' });
    expect(keys(h)).toEqual(['file#1']);
    expect(h.snapshot).not.toContain('"signers":{"approve"');
  });
});
