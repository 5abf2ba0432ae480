import type { AuditEvent } from '../../../common/audit_event';
import { asRecord } from './conditions';
import type { RollbackTemplate } from './types';

export interface RenderedRollback {
  text: string;
  command?: string;
}

/** `{name}` or `{dotted.path}`; JSON braces such as `'[{"ReadWriteType":"All"}]'` are left alone. */
const PLACEHOLDER = /\{([A-Za-z_][\w-]*(?:\.[A-Za-z_@][\w-]*)*)\}/g;
const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;
const MAX_TEXT_VALUE = 300;

/** Looks up the values a placeholder stands for; an empty list means the event does not carry it. */
export type PlaceholderResolver = (name: string) => string[];

/**
 * Fills a rollback template from one event: `{resource}` (first target), `{account}`, `{region}`, `{response.x.y}`
 * (from the provider's response in the original record), anything else from the request parameters (dotted paths,
 * arrays joined). What the event does not carry stays visible as `<name>` for the analyst to fill in. Values in the
 * command are shell-quoted: they come from the log, i.e. possibly from the attacker.
 */
export function renderRollback(template: RollbackTemplate, event: AuditEvent): RenderedRollback {
  const resolve = eventResolver(event);
  const rendered: RenderedRollback = { text: fillTemplate(template.text, resolve, 'text') };
  if (template.command !== undefined) rendered.command = fillTemplate(template.command, resolve, 'command');
  return rendered;
}

/** Replaces every placeholder; `command` shell-quotes values and joins arrays with spaces, `text` with commas. */
export function fillTemplate(template: string, resolve: PlaceholderResolver, mode: 'text' | 'command'): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const values = resolve(name);
    if (values.length === 0) return `<${name}>`;
    return mode === 'command' ? values.map(shellQuote).join(' ') : values.map(shorten).join(', ');
  });
}

export function shellQuote(value: string): string {
  return SHELL_SAFE.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function shorten(value: string): string {
  return value.length > MAX_TEXT_VALUE ? `${value.slice(0, MAX_TEXT_VALUE)}…` : value;
}

function eventResolver(event: AuditEvent): PlaceholderResolver {
  return (name) => {
    switch (name) {
      case 'resource':
        return event.resources.length > 0 ? [event.resources[0]] : [];
      case 'account':
        return event.account ? [event.account] : [];
      case 'region':
        return event.region ? [event.region] : [];
    }
    if (name.startsWith('response.')) return valuesAt(responseOf(event), name.slice('response.'.length));
    return valuesAt(event.request, name);
  };
}

/** Values at a dotted path; arrays along the way are walked element by element. */
export function valuesAt(root: unknown, path: string): string[] {
  const found: unknown[] = [];
  walk(root, path.split('.'), 0, found);
  const values: string[] = [];
  for (const value of found) {
    if (value === undefined || value === null || value === '') continue;
    values.push(typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return values;
}

function walk(value: unknown, segments: string[], index: number, out: unknown[]): void {
  if (Array.isArray(value)) {
    for (const element of value) walk(element, segments, index, out);
    return;
  }
  if (index === segments.length) {
    out.push(value);
    return;
  }
  const record = asRecord(value);
  if (record) walk(record[segments[index]], segments, index + 1, out);
}

/** The provider's response: kept on a compacted event, or found in the original record (raw or ECS). */
export function responseOf(event: AuditEvent): unknown {
  if (event.response !== undefined) return event.response;
  const raw = asRecord(event.raw);
  if (!raw) return undefined;
  if (raw.responseElements !== undefined) return raw.responseElements;
  const proto = asRecord(raw.protoPayload);
  if (proto?.response !== undefined) return proto.response;
  const cloudtrail = asRecord(asRecord(raw.aws)?.cloudtrail);
  const flattened = asRecord(cloudtrail?.flattened)?.response_elements;
  if (flattened !== undefined) return flattened;
  return asRecord(asRecord(raw.gcp)?.audit)?.response;
}
