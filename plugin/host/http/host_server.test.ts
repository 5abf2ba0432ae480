import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROUTE_PATHS, type FindingsPage, type FindingWithRecords } from '../../../common/api';
import type { FindingDocument } from '../../../common/finding';
import { READ_PRIVILEGE, registerRoutes, WRITE_PRIVILEGE, type RouteServices } from '../../../server/routes';
import type { DetectionControl, DetectionHealth } from '../../../server/store/types';
import { FileEvidenceStore, openHostStore, type HostStore } from '../store';
import { httpRequest, idOf, smallDay, tempDir, type HttpAnswer } from '../test_support';
import { HostRouter, type HostRequestContext } from './host_router';
import { startHttpServer, type RunningHttpServer } from './host_server';
import { StaticUi } from './static_ui';

const APP_JS = 'console.log("panel");\n';

class RecordingControl implements DetectionControl {
  runs = 0;
  async health(): Promise<DetectionHealth> {
    return { enabled: true, running: false, consecutiveFailures: 0 };
  }
  async runNow(): Promise<{ scheduled: boolean }> {
    this.runs++;
    return { scheduled: true };
  }
}

interface Harness {
  server: RunningHttpServer;
  store: HostStore;
  control: RecordingControl;
  errors: string[];
  uiDir: string;
  call(method: string, pathAndQuery: string, o?: Parameters<typeof httpRequest>[3]): Promise<HttpAnswer>;
}

/** The real router, routes, stores and server, over the small day's findings; the user may write unless readOnly. */
async function harness(o: { readOnly?: boolean; maxBodyBytes?: number; host?: string } = {}): Promise<Harness> {
  const day = await smallDay();
  const store = openHostStore(path.join(tempDir(), 'http.sqlite'));
  await store.findings.write(day.findings);
  const uiDir = tempDir('cloud-api-abuse-ui-');
  writeFileSync(path.join(uiDir, 'app.js'), APP_JS);
  writeFileSync(path.join(uiDir, '.secret'), 'not served');
  const errors: string[] = [];
  const logger = { error: (m: string | Error) => void errors.push(String(m)) };
  const control = new RecordingControl();
  const router = new HostRouter(logger);
  const services: Omit<RouteServices, 'currentUser'> = {
    findings: store.findings,
    evidence: new FileEvidenceStore([day.dir]),
    automation: store.automation,
    control,
    coverage: store.coverage,
    identities: store.identities,
  };
  registerRoutes<HostRequestContext>(router, async (context) => ({ ...services, currentUser: () => context.user.name }), logger);
  const ui = new StaticUi(uiDir, !o.readOnly);
  ui.ready();
  const user = { name: 'ana', privileges: o.readOnly ? [READ_PRIVILEGE] : [READ_PRIVILEGE, WRITE_PRIVILEGE] };
  const server = await startHttpServer({ router, user, ui, host: o.host ?? '127.0.0.1', port: 0, maxBodyBytes: o.maxBodyBytes, logger });
  return { server, store, control, errors, uiDir, call: (method, p, opts) => httpRequest(server.url, method, p, opts) };
}

const XSRF = { 'kbn-xsrf': 'test' };

describe('the host HTTP server: the plugin routes answer as in Kibana', () => {
  let h: Harness;
  let findings: FindingDocument[];
  beforeAll(async () => {
    findings = (await smallDay()).findings;
    h = await harness();
  });
  afterAll(async () => {
    await h.server.close();
    h.store.close();
  });

  it('lists findings: 200 with the total and the page, filters given as repeated query keys', async () => {
    const res = await h.call('GET', `${ROUTE_PATHS.findings}?perPage=3`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const page = res.json as FindingsPage;
    expect(page.total).toBe(findings.length);
    expect(page.findings.map((f) => f.kibana.alert.risk_score)).toEqual([...findings.map((f) => f.kibana.alert.risk_score)].sort((a, b) => b - a).slice(0, 3));

    const severe = await h.call('GET', `${ROUTE_PATHS.findings}?severities=critical&severities=high&sortField=first_seen&sortOrder=asc`);
    const want = findings.filter((f) => ['critical', 'high'].includes(f.kibana.alert.severity));
    expect((severe.json as FindingsPage).findings.map(idOf).sort()).toEqual(want.map(idOf).sort());
    const search = await h.call('GET', `${ROUTE_PATHS.findings}?search=${encodeURIComponent(findings[0].cloud_api_abuse.root_identity.name.toUpperCase())}`);
    expect((search.json as FindingsPage).findings.map(idOf)).toContain(idOf(findings[0]));
  });

  it('answers 400 with the validator’s message for a bad query, and never runs the handler', async () => {
    const tooMany = await h.call('GET', `${ROUTE_PATHS.findings}?perPage=500`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.json).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/^\[request query\]: perPage: /) });
    const dsl = await h.call('GET', `${ROUTE_PATHS.findings}?query=${encodeURIComponent('{"match_all":{}}')}`);
    expect(dsl.status).toBe(400);
    expect((dsl.json as { message: string }).message).toContain('query: unknown key');
    const proto = await h.call('GET', `${ROUTE_PATHS.findings}?__proto__=x&constructor=y`);
    expect(proto.status).toBe(400);
    expect((proto.json as { message: string }).message).toContain('unknown keys');
    const badId = await h.call('GET', ROUTE_PATHS.finding.replace('{id}', 'not-an-id'));
    expect(badId.status).toBe(400);
    expect((badId.json as { message: string }).message).toMatch(/^\[request params\]: id: /);
  });

  it('reads one finding with its raw records, and answers 404 for an unknown one', async () => {
    const f = findings[0];
    const res = await h.call('GET', ROUTE_PATHS.finding.replace('{id}', idOf(f)));
    expect(res.status).toBe(200);
    const body = res.json as FindingWithRecords;
    expect(body.finding).toEqual(f);
    expect(body.records).toHaveLength(f.cloud_api_abuse.evidence.length);
    expect(body.records.every((r) => r.record !== undefined && r.error === undefined)).toBe(true);
    const missing = await h.call('GET', ROUTE_PATHS.finding.replace('{id}', 'feedfeedfeedfeed'));
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ statusCode: 404, error: 'Not Found', message: 'no finding with this id' });
  });

  it('prefers the literal route: findings/_histogram is the chart, not a finding id', async () => {
    const res = await h.call('GET', `${ROUTE_PATHS.findingsHistogram}?buckets=24&from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ interval: '1h', buckets: expect.any(Array) });
  });

  it('requires kbn-xsrf on writes (400), then records the change under the local user', async () => {
    const id = idOf(findings[1]);
    const body = { ids: [id, 'feedfeedfeedfeed'], status: 'acknowledged', note: 'looking' };
    const without = await h.call('POST', ROUTE_PATHS.findingsStatus, { body });
    expect(without.status).toBe(400);
    expect(without.json).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Request must contain a kbn-xsrf header.' });
    expect((await h.store.findings.get(id))?.cloud_api_abuse.workflow.status).toBe('open');

    const res = await h.call('POST', ROUTE_PATHS.findingsStatus, { body, headers: XSRF });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ updated: [id], missing: ['feedfeedfeedfeed'] });
    expect((await h.store.findings.get(id))?.cloud_api_abuse.workflow).toEqual({ status: 'acknowledged', updated_by: 'ana', updated_at: expect.any(String), note: 'looking' });
  });

  it('runs detection on request (202), saves the expected automation, and answers health and coverage', async () => {
    const run = await h.call('POST', ROUTE_PATHS.detectionRunSoon, { headers: XSRF });
    expect(run.status).toBe(202);
    expect(run.json).toEqual({ scheduled: true });
    expect(h.control.runs).toBe(1);
    const config = { down_weight: 0.25, expected_automation: [{ name: 'terraform-ci', reason: 'IaC pipeline', user_agents: ['terraform'] }] };
    expect((await h.call('PUT', ROUTE_PATHS.automation, { body: config, headers: XSRF })).status).toBe(200);
    expect((await h.call('GET', ROUTE_PATHS.automation)).json).toEqual(config);
    expect(h.store.automation.saved()?.by).toBe('ana');
    const bad = await h.call('PUT', ROUTE_PATHS.automation, { body: { down_weight: 3 }, headers: XSRF });
    expect(bad.status).toBe(400);
    expect((bad.json as { message: string }).message).toMatch(/^\[request body\]: down_weight: /);
    expect((await h.call('GET', ROUTE_PATHS.detectionHealth)).json).toEqual({ enabled: true, running: false, consecutiveFailures: 0 });
    const coverage = await h.call('GET', `${ROUTE_PATHS.coverage}?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z`);
    expect(coverage.status).toBe(200);
    expect(coverage.json).toMatchObject({ generated_from: expect.any(Object), scopes: expect.any(Array) });
    expect((await h.call('GET', ROUTE_PATHS.identities)).json).toEqual({ total: 0, profiles: [] });
  });

  it('refuses bodies that are too large (413), not JSON (415) or broken (400)', async () => {
    const small = await harness({ maxBodyBytes: 1024 });
    try {
      const big = { ids: [idOf(findings[0])], status: 'closed', note: 'x'.repeat(2000) };
      const announced = await small.call('POST', ROUTE_PATHS.findingsStatus, { body: big, headers: XSRF });
      expect(announced.status).toBe(413);
      expect(announced.json).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'Payload content length greater than maximum allowed: 1024' });
      // Streamed without a length: refused once the limit is passed.
      const streamed = await small.call('POST', ROUTE_PATHS.findingsStatus, { body: JSON.stringify(big), headers: { ...XSRF, 'content-type': 'application/json', 'transfer-encoding': 'chunked' } });
      expect(streamed.status).toBe(413);
      expect((await small.store.findings.get(idOf(findings[0])))?.cloud_api_abuse.workflow.status).toBe('open');
      const form = await small.call('POST', ROUTE_PATHS.findingsStatus, { body: 'ids=x&status=closed', headers: { ...XSRF, 'content-type': 'application/x-www-form-urlencoded' } });
      expect(form.status).toBe(415);
      const broken = await small.call('POST', ROUTE_PATHS.findingsStatus, { body: '{"ids": [', headers: { ...XSRF, 'content-type': 'application/json' } });
      expect(broken.json).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Invalid request payload JSON format' });
    } finally {
      await small.server.close();
      small.store.close();
    }
  });

  it('answers only requests addressed to this machine (DNS rebinding), with security headers on every response', async () => {
    const port = new URL(h.server.url).port;
    for (const host of ['localhost', `localhost:${port}`, `127.0.0.1:${port}`, '127.0.0.1', `LOCALHOST:${port}`]) {
      expect([host, (await h.call('GET', ROUTE_PATHS.detectionHealth, { headers: { host } })).status]).toEqual([host, 200]);
    }
    for (const host of [`attacker.example:${port}`, 'attacker.example', 'localhost.attacker.example', '127.0.0.1.nip.io', 'localhost:80@evil']) {
      const res = await h.call('GET', ROUTE_PATHS.findings, { headers: { host } });
      expect([host, res.status]).toEqual([host, 403]);
      expect(JSON.stringify(res.json)).not.toContain('risk_score');
    }
    // Without a Host header at all, node's HTTP/1.1 parser refuses the request itself.
    const hostless = await h.call('GET', ROUTE_PATHS.findings, { setHost: false });
    expect(hostless.status).toBe(400);
    expect(hostless.text).not.toContain('risk_score');

    const answers = [
      await h.call('GET', ROUTE_PATHS.findings),
      await h.call('GET', '/app/findings'),
      await h.call('GET', '/app.js'),
      await h.call('GET', '/nothing-here'),
      await h.call('GET', ROUTE_PATHS.findings, { headers: { host: 'attacker.example' } }),
    ];
    for (const res of answers) {
      expect(res.headers).toMatchObject({
        'content-security-policy': expect.stringContaining("default-src 'self'"),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
      });
      expect(res.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
      expect(res.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe/);
    }
  });

  it('answers 404 in Kibana’s shape for an API path or method no route has', async () => {
    for (const [method, p] of [
      ['GET', `${ROUTE_PATHS.findings}/a/b`],
      ['DELETE', ROUTE_PATHS.findings],
      ['POST', ROUTE_PATHS.findings],
      ['GET', '/internal/cloud_api_abuse'],
    ] as const) {
      const res = await h.call(method, p, { headers: XSRF });
      expect([method, p, res.status, res.json]).toEqual([method, p, 404, { statusCode: 404, error: 'Not Found', message: 'Not Found' }]);
    }
  });

  it('serves the panel: / goes to the findings, every /app path is the page, built files are served, nothing else', async () => {
    const root = await h.call('GET', '/');
    expect([root.status, root.headers.location]).toEqual([302, '/app/findings']);
    for (const p of ['/app/findings', '/app/coverage?from=now-7d', '/app/identities/deep/link']) {
      const page = await h.call('GET', p);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.text).toContain('<div id="root"></div>');
      expect(page.text).toContain('<meta name="cloud-api-abuse-can-write" content="true">');
      expect(page.text).toContain('<script type="module" src="/app.js"></script>');
    }
    const js = await h.call('GET', '/app.js');
    expect([js.status, js.headers['content-type'], js.text]).toEqual([200, 'text/javascript; charset=utf-8', APP_JS]);
    const again = await h.call('GET', '/app.js', { headers: { 'if-none-match': String(js.headers.etag) } });
    expect(again.status).toBe(304);
    for (const p of ['/.secret', '/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/../../package.json', '/app.js%00.txt', '/missing.js', '/%E0%A4%A']) {
      expect([p, (await h.call('GET', p)).status]).toEqual([p, 404]);
    }
    mkdirSync(path.join(h.uiDir, 'assets'), { recursive: true });
    writeFileSync(path.join(h.uiDir, 'assets', 'font.woff2'), 'font');
    expect((await h.call('GET', '/assets/font.woff2')).headers['content-type']).toBe('font/woff2');
  });
});

describe('the host HTTP server, read-only', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ readOnly: true });
  });
  afterAll(async () => {
    await h.server.close();
    h.store.close();
  });

  it('lets the user read but answers 403 to every write, and tells the page', async () => {
    const findings = (await smallDay()).findings;
    expect((await h.call('GET', ROUTE_PATHS.findings)).status).toBe(200);
    const writes = [
      await h.call('POST', ROUTE_PATHS.findingsStatus, { body: { ids: [idOf(findings[0])], status: 'closed' }, headers: XSRF }),
      await h.call('PUT', ROUTE_PATHS.automation, { body: { down_weight: 0.3, expected_automation: [] }, headers: XSRF }),
      await h.call('POST', ROUTE_PATHS.detectionRunSoon, { headers: XSRF }),
    ];
    for (const res of writes) {
      expect(res.status).toBe(403);
      expect(res.json).toMatchObject({ statusCode: 403, error: 'Forbidden', message: expect.stringContaining('[cloudApiAbuse-all]') });
    }
    expect(h.control.runs).toBe(0);
    expect((await h.store.findings.get(idOf(findings[0])))?.cloud_api_abuse.workflow.status).toBe('open');
    expect((await h.call('GET', '/app/findings')).text).toContain('<meta name="cloud-api-abuse-can-write" content="false">');
  });
});
