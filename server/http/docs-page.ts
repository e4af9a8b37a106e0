/** @module /api/docs: a self-contained page over /api/openapi.json (no CDN: county networks are often offline). */

export const DOCS_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>汇流 huiliu API</title>
<style>body{font:14px/1.5 system-ui,sans-serif;margin:2rem;max-width:70rem}code{background:#f4f4f4;padding:0 .3em}
.m{display:inline-block;width:4.5em;font-weight:600;text-transform:uppercase}.get{color:#1677ff}.post{color:#389e0d}
.put{color:#d46b08}.delete{color:#cf1322}details{border-bottom:1px solid #eee;padding:.4em 0}pre{background:#fafafa;padding:.5em;overflow:auto}</style>
</head><body><h1>汇流 huiliu HTTP API</h1><p>OpenAPI 3.1: <a href="/api/openapi.json">/api/openapi.json</a></p><div id="ops">加载中…</div>
<script>
fetch('/api/openapi.json').then(r=>r.json()).then(doc=>{
  const el=document.getElementById('ops');el.textContent='';
  for(const [path,ops] of Object.entries(doc.paths||{}))for(const [m,op] of Object.entries(ops)){
    const d=document.createElement('details');const s=document.createElement('summary');
    s.innerHTML='<span class="m '+m+'">'+m+'</span><code></code> ';s.querySelector('code').textContent=path;
    s.append(op.summary||'');d.append(s);const pre=document.createElement('pre');
    pre.textContent=JSON.stringify({parameters:op.parameters,requestBody:op.requestBody,responses:op.responses},null,2);
    d.append(pre);el.append(d);}
});
</script></body></html>`;
