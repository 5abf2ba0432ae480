/**
 * The networks that appear in the sample day, with the ASN and place a GeoIP/ASN lookup would give. Values are
 * illustrative (chosen to look like the named operator) and exported so that the CLI, the standalone host or a test
 * can enrich sample events without a GeoIP database.
 */

export type NetworkKind = 'office' | 'home' | 'datacenter' | 'ci' | 'aws' | 'gcp' | 'azure' | 'hosting' | 'tor' | 'mobile';

export interface SampleNetwork {
  id: string;
  kind: NetworkKind;
  /** IPv4 network address and prefix length. */
  cidr: string;
  asn: number;
  asOrg: string;
  country: string;
  city: string;
  latitude: number;
  longitude: number;
}

export const SAMPLE_NETWORKS: readonly SampleNetwork[] = [
  // Offices and the on-premises data centre.
  { id: 'office-london', kind: 'office', cidr: '81.2.69.128/26', asn: 20712, asOrg: 'Andrews & Arnold Ltd', country: 'GB', city: 'London', latitude: 51.5142, longitude: -0.0931 },
  { id: 'office-seattle', kind: 'office', cidr: '216.160.83.0/26', asn: 209, asOrg: 'CenturyLink Communications, LLC', country: 'US', city: 'Seattle', latitude: 47.6062, longitude: -122.3321 },
  { id: 'dc-london', kind: 'datacenter', cidr: '81.2.69.192/28', asn: 20712, asOrg: 'Andrews & Arnold Ltd', country: 'GB', city: 'London', latitude: 51.5142, longitude: -0.0931 },
  // Home broadband of the staff.
  { id: 'home-gb-bt', kind: 'home', cidr: '86.150.0.0/16', asn: 2856, asOrg: 'British Telecommunications PLC', country: 'GB', city: 'London', latitude: 51.5074, longitude: -0.1278 },
  { id: 'home-pt-meo', kind: 'home', cidr: '85.243.0.0/16', asn: 3243, asOrg: 'MEO - Servicos de Comunicacoes e Multimedia S.A.', country: 'PT', city: 'Lisbon', latitude: 38.7223, longitude: -9.1393 },
  { id: 'home-pl-orange', kind: 'home', cidr: '83.24.0.0/16', asn: 5617, asOrg: 'Orange Polska Spolka Akcyjna', country: 'PL', city: 'Warsaw', latitude: 52.2297, longitude: 21.0122 },
  { id: 'home-it-tim', kind: 'home', cidr: '79.30.0.0/16', asn: 3269, asOrg: 'Telecom Italia S.p.A.', country: 'IT', city: 'Milan', latitude: 45.4642, longitude: 9.19 },
  { id: 'home-de-telekom', kind: 'home', cidr: '87.123.0.0/16', asn: 3320, asOrg: 'Deutsche Telekom AG', country: 'DE', city: 'Berlin', latitude: 52.52, longitude: 13.405 },
  { id: 'home-fr-orange', kind: 'home', cidr: '90.84.0.0/16', asn: 3215, asOrg: 'Orange S.A.', country: 'FR', city: 'Paris', latitude: 48.8566, longitude: 2.3522 },
  { id: 'home-nl-kpn', kind: 'home', cidr: '77.160.0.0/16', asn: 1136, asOrg: 'KPN B.V.', country: 'NL', city: 'Amsterdam', latitude: 52.3676, longitude: 4.9041 },
  { id: 'home-se-bredband2', kind: 'home', cidr: '89.160.0.0/16', asn: 29518, asOrg: 'Bredband2 AB', country: 'SE', city: 'Stockholm', latitude: 59.3293, longitude: 18.0686 },
  { id: 'home-es-telefonica', kind: 'home', cidr: '88.12.0.0/16', asn: 3352, asOrg: 'Telefonica de Espana S.A.U.', country: 'ES', city: 'Madrid', latitude: 40.4168, longitude: -3.7038 },
  { id: 'home-us-comcast', kind: 'home', cidr: '73.15.0.0/16', asn: 7922, asOrg: 'Comcast Cable Communications, LLC', country: 'US', city: 'Seattle', latitude: 47.6062, longitude: -122.3321 },
  { id: 'home-us-verizon', kind: 'home', cidr: '108.20.0.0/16', asn: 701, asOrg: 'Verizon Business', country: 'US', city: 'New York', latitude: 40.7128, longitude: -74.006 },
  { id: 'home-in-airtel', kind: 'home', cidr: '122.171.0.0/16', asn: 24560, asOrg: 'Bharti Airtel Ltd.', country: 'IN', city: 'Bengaluru', latitude: 12.9716, longitude: 77.5946 },
  { id: 'home-sg-singtel', kind: 'home', cidr: '116.86.0.0/16', asn: 9506, asOrg: 'Singtel Fibre Broadband', country: 'SG', city: 'Singapore', latitude: 1.3521, longitude: 103.8198 },
  // CI runners (GitHub-hosted runners live in Azure).
  { id: 'ci-github-runners', kind: 'ci', cidr: '20.57.128.0/20', asn: 8075, asOrg: 'Microsoft Corporation', country: 'US', city: 'Boydton', latitude: 36.6676, longitude: -78.3875 },
  { id: 'ci-github-runners-new', kind: 'ci', cidr: '4.148.0.0/20', asn: 8075, asOrg: 'Microsoft Corporation', country: 'US', city: 'Boydton', latitude: 36.6676, longitude: -78.3875 },
  // Cloud provider networks: workloads, NAT gateways, Cloud Shell.
  { id: 'aws-us-east-1', kind: 'aws', cidr: '3.80.0.0/12', asn: 14618, asOrg: 'AMAZON-AES', country: 'US', city: 'Ashburn', latitude: 39.0438, longitude: -77.4874 },
  { id: 'aws-eu-west-1', kind: 'aws', cidr: '34.240.0.0/13', asn: 16509, asOrg: 'AMAZON-02', country: 'IE', city: 'Dublin', latitude: 53.3498, longitude: -6.2603 },
  { id: 'aws-us-west-2', kind: 'aws', cidr: '34.208.0.0/12', asn: 16509, asOrg: 'AMAZON-02', country: 'US', city: 'Boardman', latitude: 45.8399, longitude: -119.7006 },
  { id: 'gcp-europe-west1', kind: 'gcp', cidr: '34.76.0.0/14', asn: 396982, asOrg: 'GOOGLE-CLOUD-PLATFORM', country: 'BE', city: 'St. Ghislain', latitude: 50.4541, longitude: 3.8187 },
  { id: 'gcp-cloudshell-europe', kind: 'gcp', cidr: '35.204.0.0/14', asn: 396982, asOrg: 'GOOGLE-CLOUD-PLATFORM', country: 'NL', city: 'Groningen', latitude: 53.2194, longitude: 6.5665 },
  { id: 'azure-westeurope', kind: 'azure', cidr: '20.50.0.0/16', asn: 8075, asOrg: 'Microsoft Corporation', country: 'NL', city: 'Amsterdam', latitude: 52.3676, longitude: 4.9041 },
  { id: 'azure-cloudshell-westeurope', kind: 'azure', cidr: '20.61.0.0/16', asn: 8075, asOrg: 'Microsoft Corporation', country: 'NL', city: 'Amsterdam', latitude: 52.3676, longitude: 4.9041 },
  // Networks only the attackers use.
  { id: 'attacker-tor-exit', kind: 'tor', cidr: '185.220.101.0/24', asn: 60729, asOrg: 'Stiftung Erneuerbare Freiheit', country: 'DE', city: 'Frankfurt am Main', latitude: 50.1109, longitude: 8.6821 },
  { id: 'attacker-m247-ro', kind: 'hosting', cidr: '185.156.72.0/24', asn: 9009, asOrg: 'M247 Europe SRL', country: 'RO', city: 'Bucharest', latitude: 44.4268, longitude: 26.1025 },
  { id: 'attacker-claro-br', kind: 'home', cidr: '177.37.0.0/16', asn: 28573, asOrg: 'Claro NXT Telecomunicacoes Ltda', country: 'BR', city: 'Sao Paulo', latitude: -23.5505, longitude: -46.6333 },
  { id: 'attacker-mtn-ng', kind: 'mobile', cidr: '102.89.0.0/16', asn: 29465, asOrg: 'MTN NIGERIA Communication limited', country: 'NG', city: 'Lagos', latitude: 6.5244, longitude: 3.3792 },
  { id: 'attacker-vnpt-vn', kind: 'home', cidr: '113.161.0.0/16', asn: 45899, asOrg: 'VNPT Corp', country: 'VN', city: 'Hanoi', latitude: 21.0278, longitude: 105.8342 },
  { id: 'attacker-digitalocean-de', kind: 'hosting', cidr: '164.90.160.0/20', asn: 14061, asOrg: 'DigitalOcean, LLC', country: 'DE', city: 'Frankfurt am Main', latitude: 50.1109, longitude: 8.6821 },
  { id: 'attacker-vultr-sg', kind: 'hosting', cidr: '139.180.128.0/20', asn: 20473, asOrg: 'The Constant Company, LLC', country: 'SG', city: 'Singapore', latitude: 1.3521, longitude: 103.8198 },
  { id: 'attacker-hostinger-lt', kind: 'hosting', cidr: '45.84.204.0/22', asn: 47583, asOrg: 'Hostinger International Limited', country: 'LT', city: 'Vilnius', latitude: 54.6872, longitude: 25.2797 },
];

const BY_ID = new Map(SAMPLE_NETWORKS.map((n) => [n.id, n]));

export function network(id: string): SampleNetwork {
  const n = BY_ID.get(id);
  if (!n) throw new Error(`unknown sample network ${id}`);
  return n;
}

function ipv4ToInt(ip: string): number {
  const p = ip.split('.').map(Number);
  return ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
}

function intToIpv4(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/**
 * The host `index` inside a network, skipping the network and broadcast addresses; stable, so a person's home IP is
 * the same all day.
 */
export function hostIp(networkId: string, index: number): string {
  const [base, prefix] = network(networkId).cidr.split('/');
  const size = 2 ** (32 - Number(prefix));
  const usable = size - 2;
  return intToIpv4(ipv4ToInt(base) + 1 + (((index % usable) + usable) % usable));
}

/** The sample network an IPv4 address belongs to, for enrichment; undefined when it is not one of ours. */
export function networkOf(ip: string): SampleNetwork | undefined {
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return undefined;
  const x = ipv4ToInt(ip);
  let best: SampleNetwork | undefined;
  let bestPrefix = -1;
  for (const n of SAMPLE_NETWORKS) {
    const [base, p] = n.cidr.split('/');
    const prefix = Number(p);
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    if ((x & mask) >>> 0 === (ipv4ToInt(base) & mask) >>> 0 && prefix > bestPrefix) {
      best = n;
      bestPrefix = prefix;
    }
  }
  return best;
}
