/** @module The Content-Security-Policy: no inline script for the UI and the docs page (issue #15, item 7). */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** The UI's policy as every answer without its own must carry it. */
const UI_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers hono's secureHeaders() sets by default, read off a bare app rather than copied here. */
async function honoDefaults(): Promise<[string, string][]> {
  const bare = new Hono().use(secureHeaders()).get('/', (c) => c.text(''));
  const res = await bare.request('/');
  return [...res.headers].filter(([name]) => !name.startsWith('content-type'));
}

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `)) ?? '';

describe('Content-Security-Policy', () => {
  let server: TestServer;
  beforeAll(async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'huiliu-ui-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    server = await createTestServer('pglite', { uiDist: dist });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('given the UI page, when served, then its scripts come from our origin only and inline script is not allowed', async () => {
    const policy = (await server.request('/')).headers.get('content-security-policy') ?? '';
    const scripts = directive(policy, 'script-src');
    expect(scripts).toContain("'self'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toMatch(/\*|https?:/);
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  });

  it('given the UI page and an API answer, when served, then both carry the policy and the security headers', async () => {
    const defaults = await honoDefaults();
    expect(defaults.length).toBeGreaterThanOrEqual(10);
    for (const url of ['/', '/tasks', '/api/me']) {
      const res = await server.request(url, { as: 'gaj.leader' });
      expect(res.headers.get('content-security-policy'), url).toBe(UI_CSP);
      for (const [name, value] of defaults)
        expect(res.headers.get(name), `${url} ${name}`).toBe(value);
      expect(res.headers.get('x-powered-by'), url).toBeNull();
    }
  });

  it('given /api/docs, when served, then its one inline script is allowed by hash and nothing else', async () => {
    const res = await server.request('/api/docs');
    const html = await res.text();
    const csp = res.headers.get('content-security-policy') ?? '';
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]).digest('base64');
    expect(directive(csp, 'script-src')).toBe(`script-src 'sha256-${hash}'`);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('given an attachment, when downloaded, then its own sandboxing policy is kept', async () => {
    const form = new FormData();
    form.append('file', new File([Buffer.from('%PDF-1.7\n%%EOF')], 'a.pdf'));
    const up = (await (
      await server.request('/api/attachments', { method: 'POST', as: 'gaj.leader', body: form })
    ).json()) as {
      id: string;
    };
    const res = await server.request(`/api/attachments/${up.id}`, { as: 'gaj.leader' });
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
  });
});
