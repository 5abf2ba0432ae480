import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { IdentityProfile, IdentityProfilesParams, ProfileValue } from '../../common/api';
import { renderPanel } from '../../test/support/panel';
import { ApiError } from '../api/http';
import { IdentitiesPage } from './identities_page';

const LAST = '2026-11-20T22:14:00.000Z';

function values(...pairs: [string, number][]): ProfileValue[] {
  return pairs.map(([value, count]) => ({ value, count, last_seen: LAST }));
}

function profile(over: Partial<IdentityProfile> & Pick<IdentityProfile, 'provider' | 'root_id'>): IdentityProfile {
  return {
    id: `${over.provider}:${over.root_id}`,
    first_seen: '2026-11-06T08:02:00.000Z',
    last_seen: LAST,
    events: 0,
    mfa_seen: false,
    interfaces: [],
    tools: [],
    networks: [],
    countries: [],
    services: [],
    regions: [],
    updated_at: '2026-11-21T00:05:00.000Z',
    ...over,
  };
}

const deployRole = profile({
  provider: 'aws',
  root_id: 'arn:aws:iam::482913750264:role/github-deploy',
  events: 18_422,
  interfaces: values(['sdk(go)', 9_120], ['cli', 7_302]),
  tools: values(['terraform', 9_120], ['aws-cli', 7_302], ['github-actions', 1_800], ['boto3', 200]),
  networks: values(['140.82.112.0/24', 12_004], ['185.199.108.0/24', 6_418]),
  countries: values(['US', 18_422]),
  services: values(['sts.amazonaws.com', 6_001], ['ec2.amazonaws.com', 5_210], ['iam.amazonaws.com', 3_900], ['s3.amazonaws.com', 3_311]),
  regions: values(['us-east-1', 15_000], ['eu-west-1', 3_422]),
});

const entraUser = profile({
  provider: 'azure',
  root_id: 'maria.lopez@northwind.onmicrosoft.com',
  events: 1_240,
  mfa_seen: true,
  interfaces: values(['console', 1_100], ['cli', 140]),
  tools: values(['azure-portal', 1_100], ['azure-cli', 140]),
  networks: values(['81.2.69.0/24', 1_240]),
  countries: values(['GB', 1_240]),
  services: values(['Microsoft.Compute', 800], ['Microsoft.Storage', 440]),
  regions: values(['westeurope', 1_240]),
});

const gcpDeployer = profile({
  provider: 'gcp',
  root_id: 'deployer@northwind-prod-4821.iam.gserviceaccount.com',
  events: 3_780,
  interfaces: values(['sdk(python)', 3_780]),
  tools: values(['google-cloud-python', 3_780]),
  services: values(['compute.googleapis.com', 2_400], ['storage.googleapis.com', 1_380]),
  regions: values(['europe-west1', 3_780]),
});

function api(total = 23) {
  const asked: IdentityProfilesParams[] = [];
  return {
    asked,
    methods: {
      identities: async (params: IdentityProfilesParams) => (asked.push(params), { total, profiles: [deployRole, entraUser, gcpDeployer] }),
      automation: async () => ({ down_weight: 0.3, expected_automation: [] }),
    },
  };
}

describe('identities page: profiles', () => {
  it('shows what each root identity usually uses, most frequent first, with the rest on demand', async () => {
    const { methods } = api();
    renderPanel(<IdentitiesPage refreshKey={0} query={new URLSearchParams()} />, { api: methods });
    const row = await screen.findByTestId('identityRow-aws:arn:aws:iam::482913750264:role/github-deploy');

    expect(within(row).getByText('arn:aws:iam::482913750264:role/github-deploy')).toBeTruthy();
    expect(within(row).getByText('18,422')).toBeTruthy();
    const tools = within(row).getByTestId('profileTools');
    expect(within(tools).getAllByTestId('profileValue').map((b) => b.textContent)).toEqual(['terraform · 9,120', 'aws-cli · 7,302', 'github-actions · 1,800']);
    await userEvent.click(within(tools).getByText('+1 more'));
    expect(within(tools).getByText('boto3 · 200')).toBeTruthy();
    expect(within(within(row).getByTestId('profileServices')).getByText('+1 more')).toBeTruthy();
    expect(within(row).getByText('Nov 6, 2026 08:02 UTC')).toBeTruthy();
    expect(within(row).getByText('Not seen')).toBeTruthy();

    const maria = screen.getByTestId('identityRow-azure:maria.lopez@northwind.onmicrosoft.com');
    expect(within(maria).getByText('Seen')).toBeTruthy();
    expect(within(within(maria).getByTestId('profileCountries')).getByText('GB · 1,240')).toBeTruthy();
    expect(within(within(screen.getByTestId('identityRow-gcp:deployer@northwind-prod-4821.iam.gserviceaccount.com')).getByTestId('profileNetworks')).getByText('–')).toBeTruthy();
  });

  it('searches and pages through the server with the right parameters', async () => {
    const { methods, asked } = api();
    renderPanel(<IdentitiesPage refreshKey={0} query={new URLSearchParams()} />, { api: methods });
    await screen.findByTestId('identityRow-aws:arn:aws:iam::482913750264:role/github-deploy');
    expect(asked).toEqual([{ providers: undefined, search: undefined, page: 0, perPage: 10 }]);

    await userEvent.click(screen.getByLabelText('Next page'));
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]).toEqual({ providers: undefined, search: undefined, page: 1, perPage: 10 });

    await userEvent.type(screen.getByTestId('identitySearch'), 'northwind{Enter}');
    await waitFor(() => expect(asked).toHaveLength(3));
    expect(asked[2]).toEqual({ providers: undefined, search: 'northwind', page: 0, perPage: 10 });

    await userEvent.click(screen.getByTestId('providerFilter-azure'));
    await userEvent.click(screen.getByTestId('providerFilter-gcp'));
    await waitFor(() => expect(asked).toHaveLength(5));
    expect(asked[4]).toEqual({ providers: ['gcp', 'azure'], search: 'northwind', page: 0, perPage: 10 });
  });

  it('opens the findings of an identity with its id encoded in the link', async () => {
    const { methods } = api();
    const { services } = renderPanel(<IdentitiesPage refreshKey={0} query={new URLSearchParams()} />, { api: methods });
    const row = await screen.findByTestId('identityRow-aws:arn:aws:iam::482913750264:role/github-deploy');
    await userEvent.click(within(row).getByTestId('viewIdentityFindings'));
    expect(services.navigated).toEqual(['/findings?identity=arn%3Aaws%3Aiam%3A%3A482913750264%3Arole%2Fgithub-deploy']);
  });

  it('renders identity strings from logs as text', async () => {
    const payload = '<img src=x onerror="window.__xss=1">';
    const hostile = profile({ provider: 'aws', root_id: payload, events: 3, tools: values([payload, 3]) });
    const { container } = renderPanel(<IdentitiesPage refreshKey={0} query={new URLSearchParams()} />, {
      api: { identities: async () => ({ total: 1, profiles: [hostile] }), automation: async () => ({ down_weight: 0.3, expected_automation: [] }) },
    });
    const row = await screen.findByTestId(`identityRow-aws:${payload}`);
    expect(within(row).getByText(payload)).toBeTruthy();
    expect(within(row).getByText(`${payload} · 3`)).toBeTruthy();
    expect(container.querySelector('img[src="x"], [onerror]')).toBeNull();
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it('explains a refusal and a failing server', async () => {
    const { unmount } = renderPanel(<IdentitiesPage refreshKey={0} query={new URLSearchParams()} />, {
      api: { identities: () => Promise.reject(new ApiError('Forbidden', 403)), automation: async () => ({ down_weight: 0.3, expected_automation: [] }) },
    });
    const profiles = await screen.findByTestId('identityProfiles');
    expect(await within(profiles).findByText('You do not have access to Cloud API Abuse findings')).toBeTruthy();
    unmount();

    renderPanel(<IdentitiesPage refreshKey={0} query={new URLSearchParams()} />, {
      api: { identities: () => Promise.reject(new ApiError('index_not_found_exception', 500)), automation: async () => ({ down_weight: 0.3, expected_automation: [] }) },
    });
    expect(await screen.findByText('The Cloud API Abuse service is not answering')).toBeTruthy();
    expect(screen.getByText(/index_not_found_exception/)).toBeTruthy();
  });
});
