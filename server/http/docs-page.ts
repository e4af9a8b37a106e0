/**
 * @module /api/docs: a self-contained page over /api/openapi.json (no CDN: county networks are often offline).
 * Its one script is inline, so the page carries its own Content-Security-Policy naming that script's hash.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';

const DOCS_SCRIPT = `
fetch('/api/openapi.json').then(r=>r.json()).then(doc=>{
  const el=document.getElementById('ops');el.textContent='';
  for(const [path,ops] of Object.entries(doc.paths||{}))for(const [m,op] of Object.entries(ops)){
    const d=document.createElement('details');const s=document.createElement('summary');
    const b=document.createElement('span');b.className='m '+m;b.textContent=m;
    const code=document.createElement('code');code.textContent=path;
    s.append(b,code,' ',op.summary||'');d.append(s);const pre=document.createElement('pre');
    pre.textContent=JSON.stringify({parameters:op.parameters,requestBody:op.requestBody,responses:op.responses},null,2);
    d.append(pre);el.append(d);}
});
`;

const SCRIPT_HASH = createHash('sha256').update(DOCS_SCRIPT).digest('base64');

export const DOCS_CSP = `default-src 'none'; script-src 'sha256-${SCRIPT_HASH}'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export const DOCS_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>汇流 huiliu API</title>
<style>body{font:14px/1.5 system-ui,sans-serif;margin:2rem;max-width:70rem}code{background:#f4f4f4;padding:0 .3em}
.m{display:inline-block;width:4.5em;font-weight:600;text-transform:uppercase}.get{color:#1677ff}.post{color:#389e0d}
.put{color:#d46b08}.delete{color:#cf1322}details{border-bottom:1px solid #eee;padding:.4em 0}pre{background:#fafafa;padding:.5em;overflow:auto}</style>
</head><body><h1>汇流 huiliu HTTP API</h1><p>OpenAPI 3.1: <a href="/api/openapi.json">/api/openapi.json</a></p><div id="ops">加载中…</div>
<script>${DOCS_SCRIPT}</script></body></html>`;

export function docsPage(c: Context) {
  c.header('content-security-policy', DOCS_CSP);
  return c.html(DOCS_HTML);
}
