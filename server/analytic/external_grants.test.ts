import { externalGrants, Organisation } from './external_grants';
import type { AuditEvent } from '../../common/audit_event';

function ev(over: Partial<AuditEvent>): AuditEvent {
  return { id: 'e', time: 0, provider: 'gcp', log: 'gcp.audit', encoding: 'raw', service: 's', action: 'a', outcome: 'success', actor: { type: 'user' }, source: {}, resources: [], raw: {}, ...over };
}

describe('externalGrants', () => {
  const org = new Organisation();
  org.observe(ev({ account: 'prod-1', actor: { type: 'user', name: 'ana@corp.example' } }));
  org.observe(ev({ provider: 'aws', account: '111111111111', actor: { type: 'user', account: '111111111111' } }));

  it('names a GCP binding for an outside domain or the public, not one for the organisation', () => {
    const request = {
      policy: {
        bindings: [
          { role: 'roles/owner', members: ['group:admins@corp.example', 'serviceAccount:tf@prod-1.iam.gserviceaccount.com'] },
          { role: 'roles/owner', members: ['user:helpdesk@gmail.com'] },
          { role: 'roles/storage.objectViewer', members: ['allUsers'] },
        ],
      },
    };
    const grants = externalGrants(ev({ action: 'SetIamPolicy', request }), org);
    expect(grants).toEqual([
      'roles/owner granted to user:helpdesk@gmail.com (gmail.com, not an organisation domain)',
      'roles/storage.objectViewer granted to allUsers (the public)',
    ]);
  });

  it('uses the policy delta when the log carries it, so bindings that were already there do not count', () => {
    const request = { policyDelta: { bindingDeltas: [{ action: 'REMOVE', role: 'roles/owner', member: 'user:x@gmail.com' }] }, policy: { bindings: [{ role: 'roles/owner', members: ['user:y@gmail.com'] }] } };
    expect(externalGrants(ev({ action: 'SetIamPolicy', request }), org)).toEqual([]);
  });

  it('names an AWS trust policy that lets an unknown account assume the role', () => {
    const policyDocument = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::999999999999:root', 'arn:aws:iam::111111111111:root'] }, Action: 'sts:AssumeRole' }] });
    expect(externalGrants(ev({ provider: 'aws', action: 'UpdateAssumeRolePolicy', request: { policyDocument } }), org)).toEqual([
      'UpdateAssumeRolePolicy allows arn:aws:iam::999999999999:root (account 999999999999, never seen in these logs)',
    ]);
  });

  it('ignores failed calls and malformed documents', () => {
    expect(externalGrants(ev({ provider: 'aws', action: 'UpdateAssumeRolePolicy', outcome: 'failure', request: { policyDocument: '{}' } }), org)).toEqual([]);
    expect(externalGrants(ev({ provider: 'aws', action: 'UpdateAssumeRolePolicy', request: { policyDocument: '{not json' } }), org)).toEqual([]);
  });
});

describe('Google-managed service agents', () => {
  it('are never outsiders', () => {
    const org = new Organisation();
    org.observe({ id: 'e', time: 0, provider: 'gcp', log: 'gcp.audit', encoding: 'raw', service: 's', action: 'a', outcome: 'success', actor: { type: 'user', name: 'ana@corp.example' }, account: 'prod-1', source: {}, resources: [], raw: {} });
    for (const m of [
      'serviceAccount:service-731946205118@compute-system.iam.gserviceaccount.com',
      'serviceAccount:service-1@gcp-sa-logging.iam.gserviceaccount.com',
      'serviceAccount:731946205118-compute@developer.gserviceaccount.com',
      'serviceAccount:731946205118@cloudservices.gserviceaccount.com',
    ]) {
      expect(org.outsideGcp(m)).toBeUndefined();
    }
    expect(org.outsideGcp('serviceAccount:x@other-project.iam.gserviceaccount.com')).toMatch(/other-project/);
  });
});
