/** @module FEEL script task: result into resultVariable; evaluation failure is an incident; JavaScript is refused. */
import { describe, expect, it } from 'vitest';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'script-task.bpmn');

describe('script task', () => {
  it('given scores, when the script runs, then its result is stored and the instance moves on', async () => {
    const h = (await deploy(xml)).start({ scores: [3, 4, 5] });
    expect(h.vars.average).toBe(4);
    expect(h.status).toBe('completed');
  });

  it('given a missing variable, when the script runs, then an incident holds the token on the script task', async () => {
    const h = (await deploy(xml)).start({});
    expect(h.status).toBe('incident');
    expect(h.active).toEqual(['score']);
  });

  it('given a JavaScript script task, when compiled, then it is refused by name', async () => {
    const js = xml
      .replace(/<bpmn:extensionElements>.*<\/bpmn:extensionElements>/, '<bpmn:script>x = 1</bpmn:script>')
      .replace(
        '<bpmn:scriptTask id="score" name="计算">',
        '<bpmn:scriptTask id="score" scriptFormat="javascript">',
      );
    const r = await compileBpmn(js);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toContainEqual(
        expect.objectContaining({ elementId: 'score', code: 'unsupported.script-language' }),
      );
  });
});
