import { KibanaVersionError, parseKibanaVersion } from './kibana_version';

describe('--kibana-version', () => {
  it('takes an exact 8.x or 9.x release version as it is', () => {
    for (const v of ['8.0.0', '8.17.4', '8.19.12', '9.0.0', '9.1.3']) expect(parseKibanaVersion(v)).toBe(v);
  });

  it('refuses versions Kibana would not match exactly, and majors the plugin is not written for', () => {
    const refused = ['', 'kibana', '8', '8.17', '8.x', '8.17.x', '^8.17.4', '>=8.17.4', 'v8.17.4', ' 8.17.4', '8.17.4 ', '08.17.4', '8.17.4.1', '8.17.4-SNAPSHOT', '8.17.4+build1', '7.17.28', '10.0.0', '0.1.0'];
    const accepted = refused.filter((v) => {
      try {
        parseKibanaVersion(v);
        return true;
      } catch (error) {
        return !(error instanceof KibanaVersionError);
      }
    });
    expect(accepted).toEqual([]);
  });

  it('says what is wrong and what to give instead', () => {
    expect(() => parseKibanaVersion('7.17.28')).toThrow('Kibana version "7.17.28": Kibana 7.x is not supported; give the exact version of the Kibana that will install the zip, such as 8.17.4');
    expect(() => parseKibanaVersion('8.17')).toThrow('not an exact version X.Y.Z');
  });
});
