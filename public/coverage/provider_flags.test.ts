import { providerFlags } from './provider_flags';

describe('provider log flags', () => {
  it('reports AWS trails that log writes only', () => {
    expect(providerFlags({ provider: 'aws', events: 32_505, reads_logged: false }).map((f) => [f.label, f.state])).toEqual([['Read events', 'missing']]);
  });

  it('reports GCP Data Access logs apart from reads', () => {
    const flags = providerFlags({ provider: 'gcp', events: 10_992, reads_logged: true, data_access_logged: false });
    expect(flags.map((f) => [f.label, f.state])).toEqual([
      ['Read events', 'present'],
      ['Data Access logs', 'missing'],
    ]);
  });

  it('does not blame Azure for reads its Activity log never records', () => {
    const flags = providerFlags({ provider: 'azure', events: 6_508, reads_logged: false, sign_in_logs: true });
    expect(flags.map((f) => [f.label, f.state])).toEqual([
      ['Entra ID sign-in logs', 'present'],
      ['Read events', 'not_applicable'],
    ]);
  });
});
