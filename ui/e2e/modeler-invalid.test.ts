/**
 * @module Browser test of the modeler's deploy errors: a new diagram whose exclusive gateway splits into two flows
 * without conditions is refused by the server (BPMN_INVALID); the modeler lists the problems and marks the flows.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();

describe.skipIf(skip !== null)('deploying an invalid diagram in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    ({ server, browser } = await startE2e());
  });
  afterAll(() => closeE2e(server, browser));

  it('given an exclusive gateway with two unconditioned flows, when deployed, then the flows are listed and marked', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await logInThroughUi(page, server.url, 'admin');
    await page.goto(`${server.url}/modeler/e2e-no-conditions`);

    // given the new diagram's start event, an exclusive gateway appended from its context pad
    await page.locator('.djs-shape[data-element-id="start"]').click();
    await page.locator('.djs-context-pad [data-action="append.gateway"]').click();
    const gatewayId = await page
      .getByTestId('properties-panel')
      .locator('#bio-properties-panel-id')
      .inputValue();
    const gateway = page.locator(`.djs-shape[data-element-id="${gatewayId}"]`);
    // and two end events appended after it (the gateway stays selected after its own append), neither flow conditioned
    const appendEnd = page.locator('.djs-context-pad [data-action="append.end-event"]');
    await appendEnd.click();
    await gateway.click();
    await appendEnd.click();
    expect(await page.locator('.djs-shape[data-element-id^="Event_"]').count()).toBe(2);

    // when it is deployed
    await page.getByTestId('modeler-deploy').click();
    await page.getByTestId('deploy-confirm').click();

    // then both outgoing flows are listed as problems (in Chinese) and each flow carries the error marker
    await page.getByTestId('modeler-problems').waitFor();
    const problems = page.getByTestId('modeler-problem');
    expect(await problems.count()).toBe(2);
    const flowIds = await problems.evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-element-id') ?? ''),
    );
    for (const [i, id] of flowIds.entries()) {
      expect(id).toMatch(/^Flow_/);
      expect(await problems.nth(i).innerText()).toContain(`网关 ${gatewayId} 的出口顺序流缺少条件`);
      await expect
        .poll(() => page.locator(`.djs-connection[data-element-id="${id}"]`).getAttribute('class'))
        .toContain('hl-error');
      await page.getByTestId(`problem-badge-${id}`).waitFor();
    }
    // and the gateway itself is not marked
    expect(await gateway.getAttribute('class')).not.toContain('hl-error');
    await page.screenshot({ path: `${ARTIFACTS}/modeler-invalid.png` });
    // and nothing was deployed
    const res = await server.request('/api/process-definitions/e2e-no-conditions', { as: 'admin' });
    expect(res.status).toBe(404);

    // when a problem is clicked, its flow is selected on the canvas
    await problems.first().click();
    await expect
      .poll(() => page.locator(`.djs-connection[data-element-id="${flowIds[0]}"]`).getAttribute('class'))
      .toContain('selected');
    await page.close();
  });
});
