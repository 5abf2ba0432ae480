/** Which kinds of logs a provider ships, as the summary shows them: present, missing, or not something it logs. */
import type { CoverageReport } from '../../common/coverage';

export interface LogFlag {
  label: string;
  state: 'present' | 'missing' | 'not_applicable';
  note: string;
}

type ProviderCoverage = CoverageReport['providers'][number];

export function providerFlags(p: ProviderCoverage): LogFlag[] {
  switch (p.provider) {
    case 'aws':
      return [flag('Read events', p.reads_logged, 'Describe*, List*, Get*: the reconnaissance before an attack')];
    case 'gcp':
      return [
        flag('Read events', p.reads_logged, 'Get and List calls'),
        flag('Data Access logs', p.data_access_logged === true, 'DATA_READ for iamcredentials: service-account impersonation'),
      ];
    case 'azure':
      return [
        flag('Entra ID sign-in logs', p.sign_in_logs === true, 'who signed in, from where, with MFA or not'),
        // The Activity log records control-plane writes only; reads are not a setting one can turn on.
        { label: 'Read events', state: p.reads_logged ? 'present' : 'not_applicable', note: 'the Activity log records writes only' },
      ];
  }
}

function flag(label: string, present: boolean, note: string): LogFlag {
  return { label, state: present ? 'present' : 'missing', note };
}
