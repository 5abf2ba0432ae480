import { CredentialGraph } from './lineage';
import type { Chain } from './chain';
import type { AuditEvent } from '../../common/audit_event';

function signIn(id: string, time: number, ip: string): AuditEvent {
  return {
    id,
    time,
    provider: 'azure',
    log: 'azure.signinlogs',
    encoding: 'raw',
    service: 'MICROSOFT.AADIAM',
    action: 'SIGNIN',
    outcome: 'success',
    actor: { type: 'user', name: 'julia@corp.example' },
    source: { ip },
    resources: [],
    raw: {},
  };
}

describe('CredentialGraph sessions', () => {
  it("keeps a chain's CloudShell session while the owner's routine sign-ins keep coming", () => {
    const graph = new CredentialGraph();
    const chain = { closed: false } as Chain;
    const start = signIn('cs', 1000, '113.161.17.59');
    const { node } = graph.nodeFor(start, 1000);
    graph.registerSession('cloudshell', start, node, 1000, '113.161.17.0/24', 'azure-portal', chain);
    for (let i = 0; i < 20; i++) {
      const e = signIn(`s${i}`, 2000 + i, '87.123.34.168');
      graph.registerSession('sign_in', e, graph.nodeFor(e, 2000 + i).node, 2000 + i, '87.123.34.0/24', 'browser', undefined);
    }
    // Azure Cloud Shell signs in again from a Microsoft address with the CLI, two minutes later.
    expect(graph.sessionFor('julia@corp.example', 120_000, 12 * 3_600_000, 'cli', '20.61.31.0/24')?.chain).toBe(chain);
  });

  it('adopts nothing from a session of another principal or past the link window', () => {
    const graph = new CredentialGraph();
    const chain = { closed: false } as Chain;
    const start = signIn('cs', 0, '113.161.17.59');
    graph.registerSession('cloudshell', start, graph.nodeFor(start, 0).node, 0, '113.161.17.0/24', 'azure-portal', chain);
    expect(graph.sessionFor('someone@corp.example', 60_000, 12 * 3_600_000, 'cli', '20.61.31.0/24')).toBeUndefined();
    expect(graph.sessionFor('julia@corp.example', 45 * 60_000, 12 * 3_600_000, 'cli', '20.61.31.0/24')).toBeUndefined();
  });
});
