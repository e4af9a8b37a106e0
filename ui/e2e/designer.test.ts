/**
 * @module Browser test of the visual form designer: an administrator adds 共享条件, required when 共享属性 =
 * 有条件共享, saves version 2 (the server keeps the if/then), and the preview then demands 共享条件 in Chinese.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();
const KEY = 'sharing-request';
const SHARING = ['无条件共享', '有条件共享', '不予共享'];
/** The renderer's Chinese "required" message naming a field (its current wording, or the earlier one). */
const requiredMessage = (title: string) => new RegExp(`「${title}」为必填项|请填写“${title}”`);

/** Opens an antd Select and picks the option with this label. */
async function pick(page: Page, select: ReturnType<Page['locator']>, label: string) {
  await select.click();
  await page
    .locator(
      `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${label}"]`,
    )
    .click();
}

describe.skipIf(skip !== null)('the form designer in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    ({ server, browser } = await startE2e());
  });
  afterAll(() => closeE2e(server, browser));

  it('adds 共享条件 required when 共享属性 = 有条件共享, saves v2, and the preview asks for it in Chinese', async () => {
    // given version 1 of a form with a 共享属性 select, saved through the API
    const v1 = await server.request('/api/forms', {
      method: 'POST',
      as: 'admin',
      json: {
        key: KEY,
        title: '数据共享申请',
        schema: {
          type: 'object',
          title: '数据共享申请',
          required: ['resourceName', 'sharing'],
          properties: {
            resourceName: { type: 'string', title: '资源名称' },
            sharing: {
              type: 'string',
              title: '共享属性',
              oneOf: SHARING.map((s) => ({ const: s, title: s })),
            },
          },
        },
        uiSchema: {},
      },
    });
    expect(v1.status).toBe(201);

    // and the administrator logged in, on the form's page
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logInThroughUi(page, server.url, 'admin');
    await page.goto(`${server.url}/forms/${KEY}`);
    // then the visual designer is the main editor and lists the existing fields
    await page.getByTestId('designer-field-sharing').waitFor();
    expect(await page.getByTestId('designer-field-resourceName').textContent()).toContain('资源名称');

    // when they select 共享属性 and click 单行文本 in the palette
    await page.getByTestId('designer-field-sharing').click();
    await page.getByTestId('palette-text').click();
    // then a new text field appears right after it, selected, its key spelt from its title (单行文本)
    await page.getByTestId('designer-field-danhangwenben').waitFor();
    expect(await page.getByTestId('prop-name').inputValue()).toBe('danhangwenben');

    // when they title it 共享条件, then the key follows the title, and says so
    await page.getByTestId('prop-title').fill('共享条件');
    await page.getByTestId('designer-field-gongxiangtiaojian').waitFor();
    expect(await page.getByTestId('prop-name').inputValue()).toBe('gongxiangtiaojian');
    expect(await page.getByTestId('prop-name-note').textContent()).toContain('按标题的拼音自动生成');
    // and typing goes on in the title (the pane did not lose the focus while the key changed)
    await page.getByTestId('prop-title').press('End');
    await page.keyboard.type('说明');
    await page.getByTestId('designer-field-gongxiangtiaojianshuoming').waitFor();
    await page.getByTestId('prop-title').fill('共享条件');
    await page.getByTestId('designer-field-gongxiangtiaojian').waitFor();

    // when they try a key that is not an identifier, then the key is refused
    await page.getByTestId('prop-name').fill('共享条件');
    expect(await page.getByTestId('prop-name-error').textContent()).toContain('字段标识须以字母或下划线开头');
    await page.getByTestId('prop-name').fill('sharing');
    expect(await page.getByTestId('prop-name-error').textContent()).toContain('同一层级已有此字段标识');
    // and a valid key is taken, and from then on it is theirs: a new title leaves it
    await page.getByTestId('prop-name').fill('sharingCondition');
    await page.getByTestId('designer-field-sharingCondition').waitFor();
    await page.getByTestId('prop-title').fill('共享条件说明');
    await page.getByTestId('prop-title').fill('共享条件');
    expect(await page.getByTestId('prop-name').inputValue()).toBe('sharingCondition');

    // when they make it required when 共享属性 = 有条件共享
    await pick(page, page.getByTestId('prop-required-when-field'), '共享属性（sharing）');
    await pick(page, page.getByTestId('prop-required-when-value'), '有条件共享');
    await page.screenshot({ path: `${ARTIFACTS}/designer-required-when.png`, fullPage: true });

    // when they type a broken pattern, then the designer and the server's pre-save check both object
    await page.getByTestId('prop-pattern').fill('[');
    expect(await page.locator('.ant-form-item-explain-error').allTextContents()).toContain('正则表达式无效');
    await page.getByTestId('designer-server-issues').waitFor();
    // and when it is cleared, the objection goes away
    await page.getByTestId('prop-pattern').fill('');
    await page.getByTestId('designer-server-issues').waitFor({ state: 'detached' });

    // and save a new version
    await page.getByTestId('form-save').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('v2');

    // then the server has version 2 with the field in place and the if/then
    const res = await server.request(`/api/forms/${KEY}`, { as: 'admin' });
    const form = (await res.json()) as { version: number; schema: any; uiSchema: any };
    expect(form.version).toBe(2);
    expect(form.schema.properties.sharingCondition).toEqual({ title: '共享条件', type: 'string' });
    expect(form.schema.allOf).toEqual([
      {
        if: { properties: { sharing: { const: '有条件共享' } }, required: ['sharing'] },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a promise
        then: { required: ['sharingCondition'] },
      },
    ]);
    expect(form.uiSchema['ui:order']).toEqual(['resourceName', 'sharing', 'sharingCondition']);

    // when, in 预览, they choose 无条件共享 and submit, then 共享条件 is not demanded
    await page.getByTestId('designer-tab-preview').click();
    const preview = page.getByTestId('designer-preview');
    await preview.locator('#root_sharing').waitFor();
    await pick(
      page,
      preview.locator('.ant-select').filter({ has: page.locator('#root_sharing') }),
      '无条件共享',
    );
    await preview.getByTestId('form-submit').click();
    await expect.poll(() => preview.textContent()).toMatch(requiredMessage('资源名称'));
    expect(await preview.textContent()).not.toMatch(requiredMessage('共享条件'));

    // when they choose 有条件共享 and submit with 共享条件 empty
    await pick(
      page,
      preview.locator('.ant-select').filter({ has: page.locator('#root_sharing') }),
      '有条件共享',
    );
    await preview.getByTestId('form-submit').click();
    // then the Chinese error names 共享条件
    await expect.poll(() => preview.textContent()).toMatch(requiredMessage('共享条件'));
    await page.keyboard.press('Escape');
    await page.screenshot({ path: `${ARTIFACTS}/designer-preview-error.png`, fullPage: true });
    await page.close();
  });

  it('opens the shipped catalog-entry form, keeps its custom field, and edits by drag, buttons and JSON', async () => {
    // given the administrator on the shipped 资源目录登记 form
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logInThroughUi(page, server.url, 'admin');
    await page.goto(`${server.url}/forms/catalog-entry`);
    // then the designer lists its fields (not the "cannot express" notice), 共享条件 marked conditional
    await page.getByTestId('designer-field-shareCondition').waitFor();
    expect(await page.getByTestId('designer-unsupported').count()).toBe(0);
    expect(await page.getByTestId('designer-field-shareCondition').textContent()).toContain('条件');
    expect(await page.getByTestId('designer-field-dataItems.name').count()).toBe(1);
    // and the 共享期限 field it cannot edit is kept as a custom field that says why
    await page.getByTestId('designer-field-sharePeriod').click();
    expect(await page.getByTestId('prop-custom-note').textContent()).toContain('anyOf');
    // and its required-when shows 共享属性 = 有条件共享
    await page.getByTestId('designer-field-shareCondition').click();
    expect(await page.getByTestId('prop-required-when-field').textContent()).toContain('shareType');
    expect(await page.getByTestId('prop-required-when-value').textContent()).toContain('有条件共享');

    // when a 日期 control is dragged onto the end of the list
    await page.getByTestId('palette-date').dragTo(page.getByTestId('designer-drop-root'));
    // then a date field is added last and selected (its key spelt from 日期)
    await page.getByTestId('designer-field-riqi').waitFor();
    expect(await page.getByTestId('designer-field-riqi').textContent()).toContain('日期');
    // when it is moved up with the keyboard-reachable button
    await page.getByTestId('designer-up-riqi').focus();
    await page.keyboard.press('Enter');
    // then the JSON tab shows it before 共享期限, as a date
    await page.getByTestId('designer-tab-json').click();
    const schema = JSON.parse(await page.getByTestId('designer-json-schema').inputValue());
    const ui = JSON.parse(await page.getByTestId('designer-json-ui').inputValue());
    expect(schema.properties.riqi).toEqual({ title: '日期', type: 'string', format: 'date' });
    expect(ui['ui:order'].slice(-2)).toEqual(['riqi', 'sharePeriod']);
    expect(schema.properties.sharePeriod.anyOf).toHaveLength(2);

    // when the JSON is broken, then the error shows inline; when fixed with a new title, the designer follows
    await page.getByTestId('designer-json-schema').fill('{"type": "object",');
    expect(await page.getByTestId('designer-json-schema-error').textContent()).toContain('JSON 格式错误');
    schema.properties.riqi.title = '登记日期';
    await page.getByTestId('designer-json-schema').fill(JSON.stringify(schema, null, 2));
    await page.getByTestId('designer-tab-design').click();
    expect(await page.getByTestId('designer-field-riqi').textContent()).toContain('登记日期');
    await page.screenshot({ path: `${ARTIFACTS}/designer-catalog-entry.png`, fullPage: true });
    await page.close();
  });
});
