/**
 * EUI renames icons between majors (arrowDown became chevronSingleDown); an unknown name renders as an empty box, not
 * an error. Every icon the findings page and the flyout name must exist in the installed EUI.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

// The map's own module (its typings are declared under src/, the code ships under lib/).
const { typeToPathMap } = jest.requireActual<{ typeToPathMap: Record<string, unknown> }>('@elastic/eui/lib/components/icon/icon_map');

const FOLDERS = [path.join(__dirname, '..', 'findings'), __dirname];

function iconNames(source: string): string[] {
  const names = [...source.matchAll(/icon(?:Type)?=\{?["']([A-Za-z0-9]+)["']/g)].map((m) => m[1]);
  // Icons chosen in code: `iconType={x ? 'a' : 'b'}` and tables of names such as STAGE_ICONS.
  for (const m of source.matchAll(/iconType=\{[^}]*\}/g)) names.push(...[...m[0].matchAll(/'([A-Za-z0-9]+)'/g)].map((n) => n[1]));
  for (const m of source.matchAll(/_ICONS[^=]*=\s*\{([^}]*)\}/g)) names.push(...[...m[1].matchAll(/:\s*'([A-Za-z0-9]+)'/g)].map((n) => n[1]));
  return names;
}

describe('icons', () => {
  it('names only icons the installed EUI has', () => {
    const used = new Map<string, string>();
    for (const dir of FOLDERS) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsx') && !f.endsWith('.test.tsx'))) {
        for (const name of iconNames(readFileSync(path.join(dir, file), 'utf8'))) used.set(name, file);
      }
    }
    expect(used.size).toBeGreaterThan(10);
    const missing = [...used].filter(([name]) => !(name in typeToPathMap)).map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });
});
