import * as path from 'node:path';
import { detectFiles } from '../../test/support/detect_files';

const OTRF = path.resolve(__dirname, '../../../shared/datasets/aws/otrf-ec2-imds-credential-theft');

describe('identity profiles', () => {
  it("show what each root identity usually does: pedro's console and CLI use, the instance role's services", async () => {
    const { engine } = await detectFiles([OTRF]);
    const profiles = engine.identityProfiles(Date.parse('2026-11-24T00:00:00Z'));
    const pedro = profiles.find((p) => p.root_id.endsWith('user/pedro'));
    expect(pedro).toBeDefined();
    expect(pedro!.id).toBe(`aws:${pedro!.root_id}`);
    expect(pedro!.events).toBeGreaterThan(10);
    expect(pedro!.services.map((s) => s.value)).toEqual(expect.arrayContaining(['ec2.amazonaws.com']));
    expect(pedro!.interfaces.length).toBeGreaterThan(0);
    // Most used first, and each value says when it was last seen inside the profile's span.
    const counts = pedro!.services.map((s) => s.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    for (const v of pedro!.services) expect(v.last_seen >= pedro!.first_seen && v.last_seen <= pedro!.last_seen).toBe(true);
    expect(pedro!.updated_at).toBe('2026-11-24T00:00:00.000Z');

    const instance = profiles.find((p) => p.root_id.includes(':instance/'));
    expect(instance?.services.length).toBeGreaterThan(0);
  });
});
