/** @module The calendar API: package years, loading a year as admin, refusals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

describe.each(testDbKinds())('calendar API on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind);
  });
  afterAll(() => server?.close());

  it('serves 2026 from the package and knows nothing of 2027 yet', async () => {
    const y2026 = (await (await server.request('/api/calendar/2026', { as: 'gaj.cataloguer' })).json()) as any;
    expect(y2026.source).toBe('package');
    expect(y2026.holidays).toContain('2026-10-01');
    const y2027 = (await (await server.request('/api/calendar/2027', { as: 'gaj.cataloguer' })).json()) as any;
    expect(y2027).toEqual({ year: 2027, source: 'none', holidays: [], makeupWorkdays: [] });
  });

  it('marks a deadline that reaches into 2027 provisional, and re-dates it when 2027 is loaded', async () => {
    // given a process whose task is due in 5 working days, started on Monday 2026-12-28
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="year-end" isExecutable="true"><bpmn:startEvent id="s" />
    <bpmn:userTask id="t" name="年末核对"><bpmn:extensionElements><zeebe:userTask />
      <zeebe:assignmentDefinition candidateGroups="authority.reviewer" /><zeebe:taskSchedule dueDate="=workday(now(), 5)" />
    </bpmn:extensionElements></bpmn:userTask><bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" /><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e" />
  </bpmn:process></bpmn:definitions>`;
    expect((await server.request('/api/deployments', { method: 'POST', as: 'admin', json: { resources: [{ name: 'y.bpmn', content: xml }] } })).status).toBe(201);
    await server.request('/api/test/clock', { method: 'PUT', as: 'admin', json: { now: '2026-12-28T10:00:00+08:00' } });
    const started = (await (await server.request('/api/process-instances', { method: 'POST', as: 'admin', json: { processKey: 'year-end' } })).json()) as any;
    const taskOf = async () => ((await (await server.request(`/api/tasks?processInstanceId=${started.id}`, { as: 'reviewer' })).json()) as any).items[0];
    // then, counted Monday to Friday into the unknown 2027, it is due 2027-01-04 and provisional
    expect(await taskOf()).toMatchObject({ dueAt: '2027-01-04T15:59:59.000Z', dueProvisional: true });
    // and the administrator's list of provisional deadlines names it, its process, unit and the missing year
    const provisional = async () => (await (await server.request('/api/calendar/provisional', { as: 'admin' })).json()) as any;
    const listed = await provisional();
    expect(listed).toMatchObject({ total: 1, missingYears: [2027] });
    expect(listed.items[0]).toMatchObject({
      taskId: (await taskOf()).id,
      taskName: '年末核对',
      processKey: 'year-end',
      processInstanceId: started.id,
      unitId: 'dsj',
      unitName: '县大数据发展中心',
      dueAt: '2027-01-04T15:59:59.000Z',
      missingYears: [2027],
    });
    expect((await server.request('/api/calendar/provisional', { as: 'supervisor' })).status).toBe(403);
    // when the administrator loads 2027 with New Year's Day off (1-3 January)
    const res = await server.request('/api/calendar/2027', { method: 'PUT', as: 'admin', json: { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], makeupWorkdays: [] } });
    expect(((await res.json()) as any).recomputed).toBe(1);
    // then the same five working days end on 2027-01-05, no longer provisional
    expect(await taskOf()).toMatchObject({ dueAt: '2027-01-05T15:59:59.000Z', dueProvisional: false });
    expect(await provisional()).toEqual({ items: [], total: 0, missingYears: [] });
  });

  it('lets authority.admin load 2027, after which it is the admin schedule', async () => {
    // given a (made-up for the test) 2027 National Day holiday
    const body = { holidays: ['2027-10-01', '2027-10-02', '2027-10-03'], makeupWorkdays: [] };
    // when a cataloguer tries, then it is forbidden
    expect((await server.request('/api/calendar/2027', { method: 'PUT', as: 'gaj.cataloguer', json: body })).status).toBe(403);
    // when the admin loads it
    const res = await server.request('/api/calendar/2027', { method: 'PUT', as: 'admin', json: body });
    expect(res.status).toBe(200);
    // then the year is known, from the admin
    const y2027 = (await (await server.request('/api/calendar/2027', { as: 'supervisor' })).json()) as any;
    expect(y2027.source).toBe('admin');
    expect(y2027.holidays).toEqual(expect.arrayContaining(body.holidays));
  });

  it('refuses a schedule whose dates conflict or lie in another year, in Chinese, and stores nothing', async () => {
    const res = await server.request('/api/calendar/2028', {
      method: 'PUT',
      as: 'admin',
      json: { holidays: ['2028-10-01', '2030-01-01'], makeupWorkdays: ['2028-10-01'] },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.error.message).toMatch(/放假安排有误/);
    expect(((await (await server.request('/api/calendar/2028', { as: 'admin' })).json()) as any).source).toBe('none');
  });
});
