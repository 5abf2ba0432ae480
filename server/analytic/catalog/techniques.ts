/** MITRE ATT&CK (Enterprise) techniques the catalog and the analytic refer to: names and tactics for explanations and
 * ECS `threat.*` fields. Tactic ids follow ATT&CK's short names. */

export type Tactic =
  | 'initial-access'
  | 'execution'
  | 'persistence'
  | 'privilege-escalation'
  | 'defense-evasion'
  | 'credential-access'
  | 'discovery'
  | 'lateral-movement'
  | 'collection'
  | 'exfiltration'
  | 'impact';

export interface Technique {
  name: string;
  tactics: Tactic[];
}

/** ATT&CK tactic ids (TA00xx) and display names, for ECS threat.tactic.*. */
export const TACTICS: Record<Tactic, { id: string; name: string }> = {
  'initial-access': { id: 'TA0001', name: 'Initial Access' },
  execution: { id: 'TA0002', name: 'Execution' },
  persistence: { id: 'TA0003', name: 'Persistence' },
  'privilege-escalation': { id: 'TA0004', name: 'Privilege Escalation' },
  'defense-evasion': { id: 'TA0005', name: 'Defense Evasion' },
  'credential-access': { id: 'TA0006', name: 'Credential Access' },
  discovery: { id: 'TA0007', name: 'Discovery' },
  'lateral-movement': { id: 'TA0008', name: 'Lateral Movement' },
  collection: { id: 'TA0009', name: 'Collection' },
  exfiltration: { id: 'TA0010', name: 'Exfiltration' },
  impact: { id: 'TA0040', name: 'Impact' },
};

const VALID_ACCOUNT_TACTICS: Tactic[] = ['defense-evasion', 'persistence', 'privilege-escalation', 'initial-access'];
const ACCOUNT_MANIPULATION: Tactic[] = ['persistence', 'privilege-escalation'];
const AUTH_PROCESS: Tactic[] = ['credential-access', 'defense-evasion', 'persistence'];

export const TECHNIQUES: Record<string, Technique> = {
  T1021: { name: 'Remote Services', tactics: ['lateral-movement'] },
  'T1021.004': { name: 'Remote Services: SSH', tactics: ['lateral-movement'] },
  'T1021.007': { name: 'Remote Services: Cloud Services', tactics: ['lateral-movement'] },
  'T1021.008': { name: 'Remote Services: Direct Cloud VM Connections', tactics: ['lateral-movement'] },
  T1037: { name: 'Boot or Logon Initialization Scripts', tactics: ['persistence', 'privilege-escalation'] },
  T1059: { name: 'Command and Scripting Interpreter', tactics: ['execution'] },
  'T1059.009': { name: 'Command and Scripting Interpreter: Cloud API', tactics: ['execution'] },
  'T1069.003': { name: 'Permission Groups Discovery: Cloud Groups', tactics: ['discovery'] },
  T1078: { name: 'Valid Accounts', tactics: VALID_ACCOUNT_TACTICS },
  'T1078.004': { name: 'Valid Accounts: Cloud Accounts', tactics: VALID_ACCOUNT_TACTICS },
  'T1087.004': { name: 'Account Discovery: Cloud Account', tactics: ['discovery'] },
  T1098: { name: 'Account Manipulation', tactics: ACCOUNT_MANIPULATION },
  'T1098.001': { name: 'Account Manipulation: Additional Cloud Credentials', tactics: ACCOUNT_MANIPULATION },
  'T1098.003': { name: 'Account Manipulation: Additional Cloud Roles', tactics: ACCOUNT_MANIPULATION },
  'T1098.004': { name: 'Account Manipulation: SSH Authorized Keys', tactics: ACCOUNT_MANIPULATION },
  'T1136.003': { name: 'Create Account: Cloud Account', tactics: ['persistence'] },
  T1201: { name: 'Password Policy Discovery', tactics: ['discovery'] },
  T1484: { name: 'Domain or Tenant Policy Modification', tactics: ['defense-evasion', 'privilege-escalation'] },
  'T1484.002': { name: 'Domain or Tenant Policy Modification: Trust Modification', tactics: ['defense-evasion', 'privilege-escalation'] },
  T1485: { name: 'Data Destruction', tactics: ['impact'] },
  'T1485.001': { name: 'Data Destruction: Lifecycle-Triggered Deletion', tactics: ['impact'] },
  T1490: { name: 'Inhibit System Recovery', tactics: ['impact'] },
  'T1518.001': { name: 'Software Discovery: Security Software Discovery', tactics: ['discovery'] },
  T1525: { name: 'Implant Internal Image', tactics: ['persistence'] },
  T1526: { name: 'Cloud Service Discovery', tactics: ['discovery'] },
  T1528: { name: 'Steal Application Access Token', tactics: ['credential-access'] },
  T1530: { name: 'Data from Cloud Storage', tactics: ['collection'] },
  T1531: { name: 'Account Access Removal', tactics: ['impact'] },
  T1535: { name: 'Unused/Unsupported Cloud Regions', tactics: ['defense-evasion'] },
  T1537: { name: 'Transfer Data to Cloud Account', tactics: ['exfiltration'] },
  T1538: { name: 'Cloud Service Dashboard', tactics: ['discovery'] },
  'T1548.005': { name: 'Abuse Elevation Control Mechanism: Temporary Elevated Cloud Access', tactics: ['privilege-escalation', 'defense-evasion'] },
  'T1550.001': { name: 'Use Alternate Authentication Material: Application Access Token', tactics: ['defense-evasion', 'lateral-movement'] },
  T1552: { name: 'Unsecured Credentials', tactics: ['credential-access'] },
  'T1552.005': { name: 'Unsecured Credentials: Cloud Instance Metadata API', tactics: ['credential-access'] },
  'T1552.007': { name: 'Unsecured Credentials: Container API', tactics: ['credential-access'] },
  'T1555.006': { name: 'Credentials from Password Stores: Cloud Secrets Management Stores', tactics: ['credential-access'] },
  T1556: { name: 'Modify Authentication Process', tactics: AUTH_PROCESS },
  'T1556.006': { name: 'Modify Authentication Process: Multi-Factor Authentication', tactics: AUTH_PROCESS },
  'T1556.009': { name: 'Modify Authentication Process: Conditional Access Policies', tactics: AUTH_PROCESS },
  'T1562.001': { name: 'Impair Defenses: Disable or Modify Tools', tactics: ['defense-evasion'] },
  'T1562.007': { name: 'Impair Defenses: Disable or Modify Cloud Firewall', tactics: ['defense-evasion'] },
  'T1562.008': { name: 'Impair Defenses: Disable or Modify Cloud Logs', tactics: ['defense-evasion'] },
  T1578: { name: 'Modify Cloud Compute Infrastructure', tactics: ['defense-evasion'] },
  'T1578.003': { name: 'Modify Cloud Compute Infrastructure: Delete Cloud Instance', tactics: ['defense-evasion'] },
  T1580: { name: 'Cloud Infrastructure Discovery', tactics: ['discovery'] },
  T1609: { name: 'Container Administration Command', tactics: ['execution'] },
  T1610: { name: 'Deploy Container', tactics: ['defense-evasion', 'execution'] },
  T1619: { name: 'Cloud Storage Object Discovery', tactics: ['discovery'] },
  T1648: { name: 'Serverless Execution', tactics: ['execution'] },
  T1651: { name: 'Cloud Administration Command', tactics: ['execution'] },
  T1666: { name: 'Modify Cloud Resource Hierarchy', tactics: ['defense-evasion'] },
};

/** The technique, or undefined for an id this table does not know. */
export function technique(id: string): Technique | undefined {
  return Object.prototype.hasOwnProperty.call(TECHNIQUES, id) ? TECHNIQUES[id] : undefined;
}

/** ATT&CK page for a technique id: T1098.001 -> https://attack.mitre.org/techniques/T1098/001/ */
export function techniqueUrl(id: string): string {
  return `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;
}
