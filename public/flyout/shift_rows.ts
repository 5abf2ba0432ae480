/**
 * The context before and after the shift, field by field: the root identity's usual values (its baseline) against the
 * context the chain started in. A value is "changed" when the baseline has values and this one is not among them.
 */
import type { CloudApiAbuseFields } from '../../common/finding';

export interface ShiftRow {
  field: string;
  label: string;
  before: string[];
  after?: string;
  changed: boolean;
  /** The baseline does not track this field: nothing to compare with. */
  untracked?: boolean;
}

function compare(field: string, label: string, before: string[], after: string | undefined): ShiftRow {
  return { field, label, before, after, changed: after !== undefined && before.length > 0 && !before.includes(after) };
}

function mfa(v: boolean | undefined): string | undefined {
  return v === undefined ? undefined : v ? 'yes' : 'no';
}

export function shiftRows(shift: CloudApiAbuseFields['shift']): ShiftRow[] {
  const { before, after } = shift;
  const mfaBefore = mfa(before.mfa);
  return [
    compare('network', 'Network', before.networks, after.network),
    { field: 'ip', label: 'Source IP', before: [], after: after.ip, changed: false, untracked: true },
    compare('country', 'Country', before.countries, after.country),
    { field: 'asn', label: 'ASN', before: [], after: after.asn === undefined ? undefined : `AS${after.asn}`, changed: false, untracked: true },
    compare('interface', 'Interface', before.interfaces, after.interface),
    compare('tool', 'Tool', before.tools, after.tool),
    { field: 'user_agent', label: 'User agent', before: [], after: after.user_agent, changed: false, untracked: true },
    compare('mfa', 'MFA', mfaBefore ? [mfaBefore] : [], mfa(after.mfa)),
  ];
}
