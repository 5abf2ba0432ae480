/** Where a person is at a given time: the office in their office hours if they have one, home otherwise. */
import { HOUR } from '../clock';
import { hostIp } from '../scenario/networks';
import type { Person } from '../scenario/people';

const OFFICE_HOST: Record<string, number> = {};

/** Everyone in an office shares its few NAT addresses; a person sticks to one of them. */
function officeHost(person: Person): number {
  if (OFFICE_HOST[person.key] === undefined) {
    let h = 0;
    for (let i = 0; i < person.key.length; i++) h = (h * 31 + person.key.charCodeAt(i)) >>> 0;
    OFFICE_HOST[person.key] = 10 + (h % 4);
  }
  return OFFICE_HOST[person.key];
}

export function localHour(person: Person, time: number): number {
  const h = ((time / HOUR + person.utcOffset) % 24 + 24) % 24;
  return h;
}

export interface PersonNetwork {
  networkId: string;
  ip: string;
}

export function personNetworkAt(person: Person, time: number): PersonNetwork {
  const local = localHour(person, time);
  if (person.office && local >= 9 && local < 18) {
    return { networkId: person.office, ip: hostIp(person.office, officeHost(person)) };
  }
  return { networkId: person.home, ip: hostIp(person.home, person.homeHost) };
}
