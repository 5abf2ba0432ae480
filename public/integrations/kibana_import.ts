/**
 * Installs the Security rule and the findings dashboard with the user's own rights: our routes give the NDJSON for
 * the space (the server picks the findings index), Kibana's import APIs take it as a multipart file upload, exactly as
 * Security > Rules > Import and Stack Management > Saved objects > Import send it.
 *
 * Kibana's `coreStart.http` satisfies KibanaHttpLike: its `fetch` drops a header given as undefined (so the browser
 * sets the multipart boundary), adds `kbn-xsrf`, and hands an `application/ndjson` answer back as a Blob.
 */
import { ROUTE_PATHS } from '../../common/api';
import { toApiError } from '../api/http';

export interface KibanaFetchOptions {
  method: 'GET' | 'POST';
  query?: Record<string, string | boolean>;
  headers?: Record<string, string | undefined>;
  body?: FormData;
  /** Kibana's versioned public APIs (`elastic-api-version`). */
  version?: string;
}

export interface KibanaHttpLike {
  fetch<T = unknown>(path: string, options: KibanaFetchOptions): Promise<T>;
}

export const RULES_IMPORT_PATH = '/api/detection_engine/rules/_import';
export const SAVED_OBJECTS_IMPORT_PATH = '/api/saved_objects/_import';
/** The version Security's own UI sends to the rules import API. */
export const RULES_API_VERSION = '2023-10-31';

/** Both imports refuse a file whose name does not end in `.ndjson`. */
export const RULE_FILE = 'cloud_api_abuse_security_rule.ndjson';
export const SAVED_OBJECTS_FILE = 'cloud_api_abuse_saved_objects.ndjson';

/** What an import did, in the words the panel shows. */
export interface ImportOutcome {
  imported: number;
  total: number;
  errors: string[];
}

/** Security's answer (import_rules_route): rules imported out of rules read, and why the others were not. */
export interface RulesImportResponse {
  success: boolean;
  success_count: number;
  rules_count?: number;
  errors: { rule_id?: string; id?: string; error: { status_code: number; message: string } }[];
}

/** Kibana core's answer (saved_objects/_import): objects imported, and each object that was not, with why. */
export interface SavedObjectsImportResponse {
  success: boolean;
  successCount: number;
  errors?: { id: string; type: string; title?: string; meta?: { title?: string }; error: { type: string; message?: string; references?: { type: string; id: string }[] } }[];
}

async function ourFile(http: KibanaHttpLike, path: string): Promise<Blob> {
  const body = await http.fetch<unknown>(path, { method: 'GET' });
  if (body instanceof Blob) return body;
  if (typeof body === 'string') return new Blob([body], { type: 'application/ndjson' });
  throw new Error('the server did not answer an NDJSON file');
}

function upload(file: Blob, name: string): FormData {
  const form = new FormData();
  form.append('file', file, name);
  return form;
}

/** Multipart: without a Content-Type of our own, the browser writes it with the form's boundary. */
const MULTIPART = { 'Content-Type': undefined };

export function rulesOutcome(res: RulesImportResponse): ImportOutcome {
  const total = res.rules_count ?? res.success_count + res.errors.length;
  return { imported: res.success_count, total, errors: res.errors.map((e) => `${e.rule_id ?? e.id ?? 'rule'}: ${e.error.message}`) };
}

export function savedObjectsOutcome(res: SavedObjectsImportResponse, total: number): ImportOutcome {
  const errors = (res.errors ?? []).map((e) => {
    const what = e.meta?.title ?? e.title ?? `${e.type} ${e.id}`;
    const missing = e.error.references?.map((r) => `${r.type} ${r.id}`).join(', ');
    return `${what}: ${e.error.message ?? e.error.type.replace(/_/g, ' ')}${missing ? ` (${missing})` : ''}`;
  });
  return { imported: res.successCount, total, errors };
}

/** Saved objects in the file: every line but the export summary. */
async function objectCount(file: Blob): Promise<number> {
  const text = await readText(file);
  return text.split('\n').filter((line) => line.trim() !== '' && !line.includes('"exportedCount"')).length;
}

function readText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file);
  });
}

/** Installs (or updates: the rule keeps its id) the Security rule in the current space. Rejects with an ApiError. */
export async function installSecurityRule(http: KibanaHttpLike): Promise<ImportOutcome> {
  try {
    const file = await ourFile(http, ROUTE_PATHS.securityRule);
    const res = await http.fetch<RulesImportResponse>(RULES_IMPORT_PATH, {
      method: 'POST',
      query: { overwrite: true },
      headers: MULTIPART,
      body: upload(file, RULE_FILE),
      version: RULES_API_VERSION,
    });
    return rulesOutcome(res);
  } catch (err) {
    throw toApiError(err);
  }
}

/** Imports (or overwrites) the data view, the panels and the dashboard in the current space. Rejects with an ApiError. */
export async function importSavedObjects(http: KibanaHttpLike): Promise<ImportOutcome> {
  try {
    const file = await ourFile(http, ROUTE_PATHS.savedObjects);
    const total = await objectCount(file);
    const res = await http.fetch<SavedObjectsImportResponse>(SAVED_OBJECTS_IMPORT_PATH, {
      method: 'POST',
      query: { overwrite: true },
      headers: MULTIPART,
      body: upload(file, SAVED_OBJECTS_FILE),
    });
    return savedObjectsOutcome(res, total);
  } catch (err) {
    throw toApiError(err);
  }
}

const REVOKE_AFTER_MS = 10_000;

/** Saves one of our files in the browser, for importing by hand. */
export async function downloadFile(http: KibanaHttpLike, which: 'rule' | 'savedObjects'): Promise<void> {
  try {
    const file = await ourFile(http, which === 'rule' ? ROUTE_PATHS.securityRule : ROUTE_PATHS.savedObjects);
    const url = URL.createObjectURL(file);
    const link = document.createElement('a');
    link.href = url;
    link.download = which === 'rule' ? RULE_FILE : SAVED_OBJECTS_FILE;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Some browsers still read the URL after click() returns: freeing it at once can cancel the download.
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  } catch (err) {
    throw toApiError(err);
  }
}
