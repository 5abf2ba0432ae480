import { isGenericRead, isKubernetesMethod } from './generic_reads';
import { auditEvent, awsEvent, azureEvent, gcpEvent } from './test_events';

describe('generic read rules', () => {
  it.each([
    ['DescribeNatGateways', undefined, true],
    ['ListAccessPoints', undefined, true],
    ['GetBucketAcl', undefined, true],
    ['BatchGetItem', undefined, true],
    ['HeadObject', undefined, true],
    ['LookupEvents', undefined, true],
    ['Listener', false, false],
    ['Getaway', false, false],
    ['CreateTags', false, false],
    ['SearchInsights', true, true],
    ['DoSomethingReadOnly', true, true],
  ])('AWS %s (readOnly %s) -> %s', (action, readOnly, expected) => {
    expect(isGenericRead(awsEvent('example.amazonaws.com', action, undefined, { readOnly }))).toBe(expected);
  });

  it('does not count KMS cryptography or STS/sign-in reads as looking around', () => {
    expect(isGenericRead(awsEvent('kms.amazonaws.com', 'Decrypt', undefined, { readOnly: true }))).toBe(false);
    expect(isGenericRead(awsEvent('sts.amazonaws.com', 'AssumeRole', undefined, { readOnly: true }))).toBe(false);
    expect(isGenericRead(awsEvent('kms.amazonaws.com', 'ListKeys', undefined, { readOnly: true }))).toBe(true);
  });

  it.each([
    ['v1.compute.instances.list', true],
    ['beta.compute.instances.aggregatedList', true],
    ['google.logging.v2.ConfigServiceV2.ListSinks', true],
    ['compute.instances.getIamPolicy', true],
    ['io.k8s.core.v1.pods.watch', true],
    ['v1.compute.instances.insert', false],
    ['google.example.v1.Service.Getter', false],
    ['google.iam.credentials.v1.IAMCredentials.GenerateAccessToken', false],
  ])('GCP %s -> %s', (method, expected) => {
    expect(isGenericRead(gcpEvent('example.googleapis.com', method))).toBe(expected);
  });

  it('reads Azure /READ operations in any casing, and AKS Kubernetes reads', () => {
    expect(isGenericRead(azureEvent('Microsoft.Web/sites/read'))).toBe(true);
    expect(isGenericRead(auditEvent({ provider: 'azure', service: 'X', action: 'microsoft.web/sites/Read' }))).toBe(true);
    expect(isGenericRead(azureEvent('Microsoft.Web/sites/write'))).toBe(false);
    expect(isGenericRead(azureEvent('Microsoft.Web/sites/readiness/action'))).toBe(false);
    expect(isGenericRead(auditEvent({ provider: 'azure', service: 'MICROSOFT.CONTAINERSERVICE', action: 'io.k8s.core.v1.pods.list' }))).toBe(true);
    expect(isGenericRead(auditEvent({ provider: 'azure', service: 'MICROSOFT.CONTAINERSERVICE', action: 'io.k8s.core.v1.pods.create' }))).toBe(false);
  });

  it('recognises Kubernetes method names', () => {
    expect(isKubernetesMethod('io.k8s.core.v1.pods.list')).toBe(true);
    expect(isKubernetesMethod('IO.K8S.CORE.V1.PODS.LIST')).toBe(true);
    expect(isKubernetesMethod('io.k8s')).toBe(false);
    expect(isKubernetesMethod('MICROSOFT.COMPUTE/VIRTUALMACHINES/READ')).toBe(false);
  });
});
