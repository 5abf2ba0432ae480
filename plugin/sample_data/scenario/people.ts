/**
 * The people of the sample organisation, with the habits that stay the same all day: where they work from, their
 * laptop and browser, their time zone. Their cloud accounts are in scenario/identities/.
 */
import { COMPANY_DOMAIN } from './org';
import type { BrowserName, LaptopOs } from './user_agents';

export interface Person {
  key: string;
  displayName: string;
  email: string;
  utcOffset: number;
  /** Network they use in office hours (9-18 local); they use `home` otherwise or when they have no office. */
  office?: string;
  home: string;
  /** Host number of their home IP inside the `home` network. */
  homeHost: number;
  laptop: LaptopOs;
  browser: BrowserName;
}

function person(
  key: string,
  displayName: string,
  utcOffset: number,
  home: string,
  homeHost: number,
  laptop: LaptopOs,
  browser: BrowserName,
  office?: string,
): Person {
  return { key, displayName, email: `${key}@${COMPANY_DOMAIN}`, utcOffset, office, home, homeHost, laptop, browser };
}

export const PEOPLE: Record<string, Person> = Object.fromEntries(
  [
    person('alice.nguyen', 'Alice Nguyen', 0, 'home-gb-bt', 4117, 'macos', 'chromeMac', 'office-london'),
    person('bruno.costa', 'Bruno Costa', 0, 'home-pt-meo', 21873, 'linux', 'firefoxLinux'),
    person('dana.kowalski', 'Dana Kowalski', 1, 'home-pl-orange', 9342, 'windows', 'edgeWindows'),
    person('gina.rossi', 'Gina Rossi', 1, 'home-it-tim', 15502, 'macos', 'safariMac'),
    person('hiro.tanaka', 'Hiro Tanaka', 1, 'home-nl-kpn', 30211, 'macos', 'chromeMac'),
    person('julia.schmidt', 'Julia Schmidt', 1, 'home-de-telekom', 8871, 'windows', 'edgeWindows'),
    person('karim.benali', 'Karim Benali', 1, 'home-fr-orange', 12044, 'windows', 'chromeWindows'),
    person('chen.wei', 'Chen Wei', 8, 'home-sg-singtel', 2231, 'macos', 'chromeMac'),
    person('priya.sharma', 'Priya Sharma', 5.5, 'home-in-airtel', 40517, 'linux', 'chromeWindows'),
    person('marcus.johnson', 'Marcus Johnson', -8, 'home-us-comcast', 51003, 'macos', 'chromeMac', 'office-seattle'),
    person('sofia.garcia', 'Sofia Garcia', 1, 'home-es-telefonica', 7720, 'macos', 'chromeMac'),
    person('oliver.brown', 'Oliver Brown', 0, 'home-gb-bt', 23390, 'windows', 'edgeWindows', 'office-london'),
    person('emma.wilson', 'Emma Wilson', 0, 'home-gb-bt', 33012, 'macos', 'safariMac', 'office-london'),
    person('lars.andersen', 'Lars Andersen', 1, 'home-se-bredband2', 2090, 'linux', 'firefoxLinux'),
    person('nina.patel', 'Nina Patel', -5, 'home-us-verizon', 18821, 'macos', 'chromeMac'),
    person('tom.fischer', 'Tom Fischer', 1, 'home-de-telekom', 27300, 'linux', 'firefoxLinux'),
    person('amelie.martin', 'Amelie Martin', 1, 'home-fr-orange', 40022, 'macos', 'safariMac'),
    person('david.kim', 'David Kim', -8, 'home-us-comcast', 6044, 'windows', 'chromeWindows', 'office-seattle'),
    person('raj.iyer', 'Raj Iyer', 5.5, 'home-in-airtel', 11873, 'windows', 'chromeWindows'),
    person('zoe.clark', 'Zoe Clark', 0, 'home-gb-bt', 9051, 'macos', 'chromeMac', 'office-london'),
    person('pedro.alves', 'Pedro Alves', 0, 'home-pt-meo', 3317, 'macos', 'chromeMac'),
    person('lena.novak', 'Lena Novak', 1, 'home-pl-orange', 28810, 'linux', 'firefoxLinux'),
    person('sam.taylor', 'Sam Taylor', -8, 'home-us-comcast', 44120, 'macos', 'chromeMac'),
    person('ines.moreau', 'Ines Moreau', 1, 'home-fr-orange', 33871, 'windows', 'edgeWindows'),
  ].map((p) => [p.key, p]),
);

export function personOf(key: string): Person {
  const p = PEOPLE[key];
  if (!p) throw new Error(`unknown person ${key}`);
  return p;
}
