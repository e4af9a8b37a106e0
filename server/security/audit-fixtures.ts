/** @module Shared by the security tests: an `audit.admin` account, a tiny process, and a PDF small enough to upload. */
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../identity/password';
import { userRoles, users } from '../../identity/schema';
import type { TestServer } from '../testing/test-server';

/** The demo `auditor` when the seed has it; otherwise one made here (same demo password). */
export async function auditorOf(server: TestServer): Promise<string> {
  const db = server.deps.db;
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'auditor'));
  if (!existing) {
    await db.insert(users).values({
      id: 'auditor',
      username: 'auditor',
      name: '审计管理员',
      unitId: 'dsj',
      passwordHash: await hashPassword('huiliu-demo'),
    });
    await db.insert(userRoles).values({ userId: 'auditor', role: 'audit.admin' }).onConflictDoNothing();
  }
  return 'auditor';
}

/** A one-task process only its administrators may start (no huiliu:starters). */
export const tinyProcess = (key: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d-${key}" targetNamespace="http://huiliu/test">
  <bpmn:process id="${key}" name="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="ack" name="办理" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="ack" />
    <bpmn:sequenceFlow id="f2" sourceRef="ack" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

export const pdfBytes = (extra = 0) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(extra, 32), Buffer.from('\n%%EOF')]);

export async function upload(server: TestServer, as: string, name: string, content: Uint8Array) {
  const form = new FormData();
  form.append('file', new File([content as Uint8Array<ArrayBuffer>], name));
  return server.request('/api/attachments', { method: 'POST', as, body: form });
}
