/** @module The cheap HTTP histogram exposes exactly what prom-client's Histogram did for the same requests. */
import client from 'prom-client';
import { describe, expect, it } from 'vitest';
import { requestHistogram } from './request-histogram';

const BUCKETS = [0.002, 0.005, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const name = 'huiliu_http_request_duration_seconds';
const help = 'HTTP request duration by method, route pattern and status';

function both() {
  const before = new client.Registry();
  const prom = new client.Histogram({
    name,
    help,
    labelNames: ['method', 'route', 'status'] as const,
    buckets: BUCKETS,
    registers: [before],
  });
  const now = new client.Registry();
  const ours = requestHistogram(now, { name, help, buckets: BUCKETS });
  const observe = (method: string, route: string, status: number, seconds: number) => {
    prom.observe({ method, route, status: String(status) }, seconds);
    ours.observe(method, route, status, seconds);
  };
  return { before, now, observe };
}

describe('requestHistogram', () => {
  it('given requests on several routes and statuses, on and between bucket bounds, when scraped, then the text is prom-client’s', async () => {
    const { before, now, observe } = both();
    const seconds = [0, 0.0001, 0.002, 0.0021, 0.005, 0.012, 0.025, 0.3, 1, 2.5, 9.99, 10, 10.5, 42];
    seconds.forEach((s, i) => {
      observe('POST', '/api/tasks/:id/complete', 200, s);
      observe(i % 2 ? 'GET' : 'POST', '/api/tasks/:id', i % 3 ? 404 : 200, s * 2);
      observe('GET', 'unmatched', 404, s / 3);
      observe('GET', '/api/catalog/"quoted"\\path', 500, s);
    });
    const text = await now.metrics();
    expect(text).toBe(await before.metrics());
    expect(text).toContain(
      `${name}_bucket{le="0.002",method="POST",route="/api/tasks/:id/complete",status="200"} 3`,
    );
    expect(text).toContain(`${name}_count{method="POST",route="/api/tasks/:id/complete",status="200"} 14`);
  });

  it('given a scrape as JSON and a reset, when read, then the values are prom-client’s and the reset empties both', async () => {
    const { before, now, observe } = both();
    observe('GET', '/api/me', 200, 0.004);
    observe('GET', '/api/me', 200, 0.7);
    const pick = (m: client.MetricObjectWithValues<client.MetricValue<string>>[]) =>
      m[0].values.map((v) => ({
        labels: v.labels,
        value: v.value,
        metricName: (v as { metricName?: string }).metricName,
      }));
    expect(pick(await now.getMetricsAsJSON())).toEqual(pick(await before.getMetricsAsJSON()));
    now.resetMetrics();
    before.resetMetrics();
    expect(await now.metrics()).toBe(await before.metrics());
  });
});
