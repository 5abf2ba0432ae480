import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ROUTE_PATHS } from '../../common/api';
import { renderPanel } from '../../test/support/panel';
import {
  RULES_API_VERSION,
  RULES_IMPORT_PATH,
  SAVED_OBJECTS_IMPORT_PATH,
  type KibanaFetchOptions,
  type KibanaHttpLike,
  type RulesImportResponse,
  type SavedObjectsImportResponse,
} from './kibana_import';
import { SecurityIntegrationPanel } from './security_integration_panel';

const RULE_FILE = '{"rule_id":"4f780217-6e2b-4dff-aa4f-4620e1898b17","type":"query","index":[".alerts-cloud_api_abuse.findings-default"]}\n';
const OBJECTS_FILE = [
  '{"id":"cloud-api-abuse-findings","type":"index-pattern","attributes":{"title":".alerts-cloud_api_abuse.findings-default"},"references":[]}',
  '{"id":"cloud-api-abuse-findings-over-time","type":"lens","attributes":{"title":"Findings over time by severity"},"references":[]}',
  '{"id":"cloud-api-abuse-overview","type":"dashboard","attributes":{"title":"Cloud API Abuse: findings overview"},"references":[]}',
  '{"excludedObjects":[],"excludedObjectsCount":0,"exportedCount":3,"missingRefCount":0,"missingReferences":[]}',
  '',
].join('\n');

const RULES_OK: RulesImportResponse = { success: true, success_count: 1, rules_count: 1, errors: [] };
const OBJECTS_OK: SavedObjectsImportResponse = { success: true, successCount: 3 };

/** Kibana's http client rejects like this on an HTTP error. */
function kibanaHttpError(status: number, message: string) {
  return Object.assign(new Error(`Forbidden`), { body: { statusCode: status, error: 'Forbidden', message }, response: { status } });
}

interface Answers {
  rules?: RulesImportResponse | Error;
  objects?: SavedObjectsImportResponse | Error;
  /** How our routes' NDJSON arrives: Kibana's http gives a Blob for application/ndjson. */
  ndjsonAs?: 'blob' | 'string';
}

/** Kibana's http over our two routes and Kibana's two import APIs; it records every call. */
function fakeKibanaHttp(answers: Answers = {}) {
  const calls: { path: string; options: KibanaFetchOptions }[] = [];
  const ndjson = (text: string) => (answers.ndjsonAs === 'string' ? text : new Blob([text], { type: 'application/ndjson' }));
  const http: KibanaHttpLike = {
    fetch: async <T,>(p: string, options: KibanaFetchOptions): Promise<T> => {
      calls.push({ path: p, options });
      const answer = (a: unknown): T => {
        if (a instanceof Error) throw a;
        return a as T;
      };
      if (p === ROUTE_PATHS.securityRule && options.method === 'GET') return answer(ndjson(RULE_FILE));
      if (p === ROUTE_PATHS.savedObjects && options.method === 'GET') return answer(ndjson(OBJECTS_FILE));
      if (p === RULES_IMPORT_PATH && options.method === 'POST') return answer(answers.rules ?? RULES_OK);
      if (p === SAVED_OBJECTS_IMPORT_PATH && options.method === 'POST') return answer(answers.objects ?? OBJECTS_OK);
      throw kibanaHttpError(404, `no route ${options.method} ${p}`);
    },
  };
  return { http, calls };
}

function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

async function uploaded(call: { options: KibanaFetchOptions }): Promise<{ name: string; text: string }> {
  const file = call.options.body?.get('file') as File;
  return { name: file.name, text: await readText(file) };
}

describe('the Elastic Security panel', () => {
  it("installs the Security rule: fetches this space's rule file and posts it to Security's import, overwriting an earlier copy", async () => {
    const { http, calls } = fakeKibanaHttp();
    const { services } = renderPanel(<SecurityIntegrationPanel insideKibana http={http} />, { api: {}, canWrite: true });
    await userEvent.click(screen.getByTestId('installSecurityRule'));

    const result = await screen.findByTestId('installSecurityRuleResult');
    expect(result.textContent).toContain('Security rule installed');
    expect(result.textContent).toContain('1 of 1 rule imported');
    expect(services.notified).toEqual([{ title: 'Security rule installed', color: 'success', text: '1 of 1 rule imported' }]);
    expect(calls.map((c) => `${c.options.method} ${c.path}`)).toEqual([`GET ${ROUTE_PATHS.securityRule}`, `POST ${RULES_IMPORT_PATH}`]);
    const post = calls[1].options;
    expect(post.query).toEqual({ overwrite: true });
    expect(post.version).toBe(RULES_API_VERSION);
    // Given as undefined, Kibana's http drops its JSON default and the browser writes the multipart boundary.
    expect(post.headers).toStrictEqual({ 'Content-Type': undefined });
    expect(await uploaded(calls[1])).toEqual({ name: 'cloud_api_abuse_security_rule.ndjson', text: RULE_FILE });
  });

  it('imports the dashboard and says how many of the saved objects Kibana took', async () => {
    const { http, calls } = fakeKibanaHttp({ ndjsonAs: 'string' });
    const { services } = renderPanel(<SecurityIntegrationPanel insideKibana http={http} />, { api: {}, canWrite: true });
    await userEvent.click(screen.getByTestId('importDashboard'));

    const result = await screen.findByTestId('importDashboardResult');
    expect(result.textContent).toContain('Dashboard imported');
    expect(services.notified).toEqual([{ title: 'Dashboard imported', color: 'success', text: '3 of 3 saved objects imported (data view, dashboard and panels)' }]);
    expect(calls.map((c) => `${c.options.method} ${c.path}`)).toEqual([`GET ${ROUTE_PATHS.savedObjects}`, `POST ${SAVED_OBJECTS_IMPORT_PATH}`]);
    expect(calls[1].options.query).toEqual({ overwrite: true });
    expect(calls[1].options.headers).toStrictEqual({ 'Content-Type': undefined });
    expect(await uploaded(calls[1])).toEqual({ name: 'cloud_api_abuse_saved_objects.ndjson', text: OBJECTS_FILE });
  });

  it('lists the objects Kibana refused, and why, when an import is partial', async () => {
    const objects: SavedObjectsImportResponse = {
      success: false,
      successCount: 2,
      errors: [
        {
          id: 'cloud-api-abuse-findings-over-time',
          type: 'lens',
          meta: { title: 'Findings over time by severity' },
          error: { type: 'missing_references', references: [{ type: 'index-pattern', id: 'cloud-api-abuse-findings' }] },
        },
      ],
    };
    const { http } = fakeKibanaHttp({ objects });
    const { services } = renderPanel(<SecurityIntegrationPanel insideKibana http={http} />, { api: {}, canWrite: true });
    await userEvent.click(screen.getByTestId('importDashboard'));

    const result = await screen.findByTestId('importDashboardResult');
    expect(result.textContent).toContain('The dashboard was not imported');
    expect(result.textContent).toContain('2 of 3 saved objects imported');
    expect(within(result).getByText('Findings over time by severity: missing references (index-pattern cloud-api-abuse-findings)')).toBeTruthy();
    expect(services.notified).toEqual([
      { title: 'The dashboard was not imported', color: 'warning', text: 'Findings over time by severity: missing references (index-pattern cloud-api-abuse-findings)' },
    ]);
  });

  it("shows Security's reason when it refuses the rule", async () => {
    const rules: RulesImportResponse = {
      success: false,
      success_count: 0,
      rules_count: 1,
      errors: [{ rule_id: '4f780217-6e2b-4dff-aa4f-4620e1898b17', error: { status_code: 400, message: 'index: the field is required' } }],
    };
    const { http } = fakeKibanaHttp({ rules });
    const { services } = renderPanel(<SecurityIntegrationPanel insideKibana http={http} />, { api: {}, canWrite: true });
    await userEvent.click(screen.getByTestId('installSecurityRule'));

    const result = await screen.findByTestId('installSecurityRuleResult');
    expect(result.textContent).toContain('The Security rule was not installed');
    expect(result.textContent).toContain('0 of 1 rule imported');
    expect(result.textContent).toContain('4f780217-6e2b-4dff-aa4f-4620e1898b17: index: the field is required');
    expect(services.notified[0]).toMatchObject({ title: 'The Security rule was not installed', color: 'danger' });
  });

  it("shows Kibana's error when the user may not import rules", async () => {
    const message = 'API [POST /api/detection_engine/rules/_import] is unauthorized for user, this action is granted by the Kibana privileges [rules-all]';
    const { http } = fakeKibanaHttp({ rules: kibanaHttpError(403, message) });
    const { services } = renderPanel(<SecurityIntegrationPanel insideKibana http={http} />, { api: {}, canWrite: true });
    await userEvent.click(screen.getByTestId('installSecurityRule'));

    const result = await screen.findByTestId('installSecurityRuleResult');
    expect(result.textContent).toContain('The Security rule was not installed');
    expect(result.textContent).toContain(message);
    expect(services.notified).toEqual([{ title: 'The Security rule was not installed', color: 'danger', text: message }]);
    await waitFor(() => expect(screen.getByTestId('installSecurityRule').hasAttribute('disabled')).toBe(false));
  });

  it('shows readers how to do it by hand, and lets them download the files, without the install buttons', async () => {
    const { http, calls } = fakeKibanaHttp();
    const created: Blob[] = [];
    const clicked: { href: string; download: string }[] = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b), 'blob:cloud-api-abuse/1'), revokeObjectURL: () => undefined });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    try {
      renderPanel(<SecurityIntegrationPanel insideKibana http={http} />, { api: {}, canWrite: false });
      expect(screen.queryByTestId('installSecurityRule')).toBeNull();
      expect(screen.queryByTestId('importDashboard')).toBeNull();
      expect(screen.getByTestId('integrationReadOnly').textContent).toContain('needs the all privilege');
      const steps = screen.getByTestId('integrationByHand').textContent ?? '';
      expect(steps).toContain('Security > Rules > Import rules');
      expect(steps).toContain('Stack Management > Saved objects > Import');

      await userEvent.click(screen.getByTestId('downloadSecurityRule'));
      await waitFor(() => expect(clicked).toEqual([{ href: 'blob:cloud-api-abuse/1', download: 'cloud_api_abuse_security_rule.ndjson' }]));
      expect(await readText(created[0])).toBe(RULE_FILE);
      await userEvent.click(screen.getByTestId('downloadSavedObjects'));
      await waitFor(() => expect(clicked.map((c) => c.download)).toEqual(['cloud_api_abuse_security_rule.ndjson', 'cloud_api_abuse_saved_objects.ndjson']));
      expect(calls.map((c) => `${c.options.method} ${c.path}`)).toEqual([`GET ${ROUTE_PATHS.securityRule}`, `GET ${ROUTE_PATHS.savedObjects}`]);
    } finally {
      click.mockRestore();
    }
  });

  it('says it is available inside Kibana in the standalone host, with the by-hand steps and nothing to click', () => {
    renderPanel(<SecurityIntegrationPanel insideKibana={false} />, { api: {}, canWrite: true });
    const callout = screen.getByTestId('integrationOutsideKibana');
    expect(callout.textContent).toContain('Available inside Kibana');
    expect(callout.textContent).toContain('plugin/saved_objects/write_files.ts');
    expect(within(callout).getByTestId('integrationByHand')).toBeTruthy();
    expect(screen.queryByTestId('installSecurityRule')).toBeNull();
    expect(screen.queryByTestId('importDashboard')).toBeNull();
    expect(screen.queryByTestId('downloadSecurityRule')).toBeNull();
  });

  it('names only icons the installed EUI has', () => {
    const { typeToPathMap } = jest.requireActual<{ typeToPathMap: Record<string, unknown> }>('@elastic/eui/lib/components/icon/icon_map');
    const names = ['security_integration_panel.tsx', 'by_hand_steps.tsx'].flatMap((file) => {
      const source = readFileSync(path.join(__dirname, file), 'utf8');
      return [...source.matchAll(/iconType=(?:"([A-Za-z]+)"|\{[^}]*\})/g)].flatMap((m) => (m[1] ? [m[1]] : [...m[0].matchAll(/'([A-Za-z]+)'/g)].map((n) => n[1])));
    });
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((n) => !(n in typeToPathMap))).toEqual([]);
  });
});
