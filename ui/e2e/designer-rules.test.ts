/**
 * @module Browser test of the form designer's rules and the #17 bugs: 必填 and 日期不早于今天 as switches, saved as v2 —
 * the version picker then says v2 and the preview keeps the required mark (it said v1 and lost it); the server
 * refuses a past day for the switched date in Chinese; a cataloguer is told the designer is the administrators' and
 * meets no dead delete or arrow icons; keys spelt from Chinese titles (unique, kept once saved) and the 唯一性 switch.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();
const KEY = 'e2e-deadline-form';

describe.skipIf(skip !== null)('form designer rules and versions in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    ({ server, browser } = await startE2e());
    const v1 = await server.request('/api/forms', {
      method: 'POST',
      as: 'admin',
      json: {
        key: KEY,
        title: '共享期限申请',
        schema: {
          type: 'object',
          properties: {
            reason: { type: 'string', title: '申请理由' },
            until: { type: 'string', title: '共享期限', format: 'date' },
          },
        },
        uiSchema: {},
      },
    });
    expect(v1.status).toBe(201);
  });
  afterAll(() => closeE2e(server, browser));

  it('given v1, when 申请理由 is made required and 共享期限 not before today, then v2 is shown as v2 with the required mark', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logInThroughUi(page, server.url, 'admin');
    await page.goto(`${server.url}/forms/${KEY}`);
    await page.getByTestId('designer-field-reason').click();
    await page.getByTestId('prop-required').click();
    await page.getByTestId('designer-field-until').click();
    await page.getByTestId('prop-not-before-today').click();
    await page.getByTestId('form-save').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('v2');
    // then the picker says v2 (it kept saying v1)
    await expect.poll(() => page.getByTestId('form-version').textContent()).toContain('v2');
    // and the preview marks 申请理由 required
    await page.getByTestId('designer-tab-preview').click();
    const preview = page.getByTestId('designer-preview');
    await preview.locator('#root_reason').waitFor();
    await expect
      .poll(() => preview.locator('label.ant-form-item-required', { hasText: '申请理由' }).count())
      .toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/designer-rules-v2.png`, fullPage: true });
    // and after a reload, still
    await page.reload();
    await expect.poll(() => page.getByTestId('form-version').textContent()).toContain('v2');
    await page.close();

    const saved = (await (await server.request(`/api/forms/${KEY}`, { as: 'admin' })).json()) as {
      version: number;
      schema: any;
    };
    expect(saved.version).toBe(2);
    expect(saved.schema.required).toEqual(['reason']);
    expect(saved.schema.properties.until['x-not-before-today']).toBe(true);
  });

  it('given v2 bound to a start form, when started with a past 共享期限, then the server says in Chinese it may not be before today', async () => {
    const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="e2e-deadline" name="共享期限申请" isExecutable="true">
    <bpmn:startEvent id="s"><bpmn:extensionElements><zeebe:formDefinition formId="${KEY}" /></bpmn:extensionElements></bpmn:startEvent>
    <bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" />
  </bpmn:process>
</bpmn:definitions>`;
    const dep = await server.request('/api/deployments', {
      method: 'POST',
      as: 'admin',
      json: { resources: [{ name: 'e2e-deadline.bpmn', content: bpmn }] },
    });
    expect(dep.status, await dep.clone().text()).toBe(201);
    const past = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'admin',
      json: { processKey: 'e2e-deadline', variables: { reason: '需要', until: '2019-01-01' } },
    });
    expect(past.status).toBe(422);
    expect(await past.text()).toContain('「共享期限」不能早于今天');
    const future = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'admin',
      json: { processKey: 'e2e-deadline', variables: { reason: '需要', until: '2999-12-31' } },
    });
    expect(future.status, await future.clone().text()).toBe(201);
  });

  it('given the administrator adding fields, when titled in Chinese, then keys are spelt from the titles, unique, 唯一性 is a switch, and a saved key stays', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logInThroughUi(page, server.url, 'admin');
    await page.goto(`${server.url}/forms/${KEY}`);
    await page.getByTestId('designer-field-reason').waitFor();
    // when they add a 单行文本 titled 联系电话, then its key is lianxidianhua, generated and said to be
    await page.getByTestId('palette-text').click();
    await page.getByTestId('prop-title').fill('联系电话');
    await page.getByTestId('designer-field-lianxidianhua').waitFor();
    expect(await page.getByTestId('prop-name-note').textContent()).toContain('按标题的拼音自动生成');
    // and a maximum length, as a number
    await page.getByTestId('prop-max-length').fill('20');
    // when a second one gets the same title, then its key takes the next number, and 唯一性 is switched on
    await page.getByTestId('palette-text').click();
    await page.getByTestId('prop-title').fill('联系电话');
    await page.getByTestId('designer-field-lianxidianhua2').waitFor();
    await page.getByTestId('prop-unique').click();
    // when a 下拉选择 titled 共享属性 gets its choices typed as a list, then each value follows its label
    await page.getByTestId('palette-select').click();
    await page.getByTestId('prop-title').fill('共享属性');
    await page.getByTestId('designer-field-gongxiangshuxing').waitFor();
    await page.getByTestId('prop-option-label-0').fill('无条件共享');
    await page.getByTestId('prop-option-label-1').fill('有条件共享');
    await page.getByTestId('prop-option-add').click();
    await page.getByTestId('prop-option-label-2').fill('不予共享');
    expect(await page.getByTestId('prop-option-value-2').inputValue()).toBe('buyugongxiang');
    await page.screenshot({ path: `${ARTIFACTS}/designer-keys-unique.png`, fullPage: true });
    // when saved
    await page.getByTestId('form-save').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('v3');
    const saved = (await (await server.request(`/api/forms/${KEY}`, { as: 'admin' })).json()) as {
      version: number;
      schema: any;
    };
    // then the server has both keys, the length and the switch as x-unique: "catalog"
    expect(saved.version).toBe(3);
    expect(saved.schema.properties.lianxidianhua).toEqual({
      title: '联系电话',
      type: 'string',
      maxLength: 20,
    });
    expect(saved.schema.properties.lianxidianhua2).toEqual({
      title: '联系电话',
      type: 'string',
      'x-unique': 'catalog',
    });
    expect(saved.schema.properties.gongxiangshuxing.oneOf).toEqual([
      { const: 'wutiaojiangongxiang', title: '无条件共享' },
      { const: 'youtiaojiangongxiang', title: '有条件共享' },
      { const: 'buyugongxiang', title: '不予共享' },
    ]);
    // when, after saving, the first is retitled, then its published key stays and the pane says why
    await expect.poll(() => page.getByTestId('form-version').textContent()).toContain('v3');
    await page.getByTestId('designer-field-lianxidianhua').click();
    await page.getByTestId('prop-title').fill('手机号码');
    await expect
      .poll(() => page.getByTestId('designer-field-lianxidianhua').textContent())
      .toContain('手机号码');
    expect(await page.getByTestId('prop-name').inputValue()).toBe('lianxidianhua');
    expect(await page.getByTestId('prop-name-note').textContent()).toContain('已随表单发布');
    // and a saved choice keeps its value when relabelled
    await page.getByTestId('designer-field-gongxiangshuxing').click();
    await page.getByTestId('prop-option-label-2').fill('不共享');
    expect(await page.getByTestId('prop-option-value-2').inputValue()).toBe('buyugongxiang');
    // and the switch reads back from the saved form
    await page.getByTestId('designer-field-lianxidianhua2').click();
    expect(await page.getByTestId('prop-unique').getAttribute('aria-checked')).toBe('true');
    await page.close();
  });

  it('given a cataloguer, when they open the form designer, then they are told it is the administrators’ and see no dead controls', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logInThroughUi(page, server.url, 'gaj.cataloguer');
    await page.goto(`${server.url}/forms/${KEY}`);
    await page.getByTestId('forms-admin-only').waitFor();
    expect(await page.getByTestId('forms-admin-only').textContent()).toContain('只有管理员可以设计表单');
    expect(
      await page.locator('[data-testid^="designer-remove-"], [data-testid^="designer-up-"]').count(),
    ).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/designer-reader.png` });
    await page.close();
  });
});
