/** @module Browser test of the two designers: the BPMN modeler in Chinese with its properties panel, and the form renderer's preview. */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, launchBrowser } from '../../server/testing/browser';
import { startListeningTestServer } from '../../server/testing/test-server';

const skip = browserUnavailableReason();
const ARTIFACTS = 'test-results/screenshots';

const schema = {
  type: 'object',
  required: ['resourceName', 'category', 'dataItems'],
  properties: {
    unitId: { type: 'string', title: '数源单位' },
    resourceName: { type: 'string', title: '信息资源名称', minLength: 2 },
    category: {
      type: 'string',
      title: '分类',
      oneOf: [
        { const: 'basic', title: '基础' },
        { const: 'thematic', title: '主题' },
      ],
    },
    dataItems: {
      type: 'array',
      title: '数据项',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string', title: '名称' }, sensitive: { type: 'boolean', title: '是否敏感' } },
      },
    },
  },
};
const uiSchema = { unitId: { 'ui:widget': 'unit' }, dataItems: { 'ui:field': 'table' } };

describe.skipIf(skip !== null)('the designers in Chromium', () => {
  let server: Awaited<ReturnType<typeof startListeningTestServer>>;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [server, browser] = await Promise.all([startListeningTestServer('pglite'), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('huiliu-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-name').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens a new diagram in the modeler with Chinese palette and properties panel, watermark kept', async () => {
    // given the admin on /modeler (a new diagram)
    await page.goto(`${server.url}/modeler`);
    await page.locator('.djs-element[data-element-id="start"]').waitFor();
    // when the start event is selected
    await page.locator('.djs-element[data-element-id="start"]').click();
    // then the properties panel speaks Chinese and the palette tooltips are translated
    await expect.poll(() => page.getByTestId('properties-panel').textContent()).toContain('基本信息');
    expect(await page.locator('.djs-palette [aria-label="创建任务"]').count()).toBe(1);
    // and the bpmn.io watermark stays visible
    expect(await page.locator('.bjs-powered-by').isVisible()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/modeler-new.png` });
  });

  it('previews a form with Chinese validation messages, the table field and the unit picker', async () => {
    // given a new form's editors
    await page.goto(`${server.url}/forms/e2e-form`);
    // the forms page may open on the visual designer tab; the JSON editors live on the JSON tab
    await page.getByTestId('user-name').waitFor();
    if (await page.getByTestId('form-tab-json').count()) await page.getByTestId('form-tab-json').click();
    await page.getByTestId('form-schema-json').fill(JSON.stringify(schema));
    await page.getByTestId('form-ui-json').fill(JSON.stringify(uiSchema));
    const preview = page.getByTestId('form-preview-form');
    // when a unit is picked from the server's list, a one-character name is typed and the form is checked
    await page.getByTestId('unit-picker-unitId').click();
    await page.keyboard.type('公安');
    await page.locator('.ant-select-item-option', { hasText: '县公安局' }).click();
    await page.locator('#root_resourceName').fill('户');
    await preview.getByTestId('form-submit').click();
    // then each error names its field in Chinese, on the field itself, and no choice was preselected
    await expect.poll(() => preview.textContent()).toContain('「信息资源名称」至少需要 2 个字符');
    expect(await preview.textContent()).toContain('「分类」为必填项');
    expect(await preview.textContent()).toContain('「数据项 第1行 名称」为必填项');
    // when a data item row is added and filled, its error goes away
    await page.getByTestId('table-dataItems-0-name').fill('身份证号');
    await preview.getByTestId('form-submit').click();
    await expect.poll(() => preview.textContent()).not.toContain('「数据项 第1行 名称」为必填项');
    await page.screenshot({ path: `${ARTIFACTS}/form-preview.png`, fullPage: true });
  });
});
