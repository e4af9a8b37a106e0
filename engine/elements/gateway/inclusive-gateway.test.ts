/** @module Inclusive gateway: every branch whose condition holds runs; the join waits for exactly those; default when none. */
import { describe, expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'inclusive-gateway.bpmn');

describe('inclusive gateway', () => {
  it('given two conditions true, when split, then both branches run and the join waits for both', async () => {
    const h = (await deploy(xml)).start({ unit: true, public: true });
    expect(h.active.sort()).toEqual(['notifyPublic', 'notifyUnit']);
    h.completeTask('notifyUnit');
    expect(h.status).toBe('active');
    h.completeTask('notifyPublic');
    expect(h.status).toBe('completed');
  });

  it('given one condition true, when split, then the join passes after that single branch', async () => {
    const h = (await deploy(xml)).start({ unit: true, public: false });
    expect(h.active).toEqual(['notifyUnit']);
    h.completeTask('notifyUnit');
    expect(h.status).toBe('completed');
  });

  it('given no condition true, when split, then only the default branch runs', async () => {
    const h = (await deploy(xml)).start({ unit: false, public: false });
    expect(h.active).toEqual(['archive']);
  });
});
