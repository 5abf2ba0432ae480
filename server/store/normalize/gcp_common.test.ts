import { gcpCanMint, isGoogleServiceAgent } from './gcp_common';

describe('isGoogleServiceAgent', () => {
  it.each([
    ['service-123456789012@gcp-sa-logging.iam.gserviceaccount.com', true],
    ['123456789012@cloudservices.gserviceaccount.com', true],
    ['service-123456789012@compute-system.iam.gserviceaccount.com', true],
    ['service-123456789012@container-engine-robot.iam.gserviceaccount.com', true],
    ['system:kube-controller-manager', true],
    ['app@project.iam.gserviceaccount.com', false],
    ['service-12ab@project.iam.gserviceaccount.com', false],
    ['service-@project.iam.gserviceaccount.com', false],
    ['a@b@cloudservices.gserviceaccount.com', false],
    ['alice@example.com', false],
    ['no-at-sign', false],
  ])('%s -> %s', (email, expected) => {
    expect(isGoogleServiceAgent(email)).toBe(expected);
  });
});

describe('gcpCanMint', () => {
  it('names the methods that can create credentials by their last segment only', () => {
    expect(gcpCanMint('google.iam.credentials.v1.IAMCredentials.GenerateAccessToken')).toBe(true);
    expect(gcpCanMint('SignJwt')).toBe(true);
    expect(gcpCanMint('google.iam.admin.v1.CreateServiceAccountKey')).toBe(true);
    expect(gcpCanMint('google.iam.admin.v1.XCreateServiceAccountKey')).toBe(false);
    expect(gcpCanMint('v1.compute.instances.insert')).toBe(false);
  });
});
