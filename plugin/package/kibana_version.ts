/**
 * The Kibana version a package is built for. Kibana's installer and its plugin discovery both refuse a plugin whose
 * `kibanaVersion` is not the running version (kibana-contracts.md §1a), so only an exact X.Y.Z makes sense, and only
 * for the majors this plugin's server code is written against.
 */
export const SUPPORTED_KIBANA_MAJORS = [8, 9] as const;

const EXACT_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export class KibanaVersionError extends Error {
  /** Without the value, for a message that already quotes it (commander's). */
  readonly reason: string;
  constructor(value: string, why: string) {
    const reason = `${why}; give the exact version of the Kibana that will install the zip, such as 8.17.4 (Kibana 8.x or 9.x)`;
    super(`Kibana version ${JSON.stringify(value)}: ${reason}`);
    this.name = 'KibanaVersionError';
    this.reason = reason;
  }
}

/** Returns the version unchanged when it is an exact 8.x or 9.x release version; throws a KibanaVersionError otherwise. */
export function parseKibanaVersion(value: string): string {
  const match = EXACT_VERSION.exec(value);
  if (!match) return refuse(value, 'not an exact version X.Y.Z (no "v", no range, no -SNAPSHOT or other suffix)');
  const major = Number(match[1]);
  if (!(SUPPORTED_KIBANA_MAJORS as readonly number[]).includes(major)) return refuse(value, `Kibana ${major}.x is not supported`);
  return value;
}

function refuse(value: string, why: string): never {
  throw new KibanaVersionError(value, why);
}
