import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ExpectedAutomationConfig } from '../../common/api';
import { renderPanel } from '../../test/support/panel';
import { ApiError } from '../api/http';
import { AutomationPanel } from './automation_panel';

function config(): ExpectedAutomationConfig {
  return {
    down_weight: 0.3,
    expected_automation: [
      {
        name: 'Terraform from GitHub Actions',
        reason: 'Platform team applies infrastructure on merge to main',
        identities: ['arn:aws:iam::482913750264:role/github-deploy'],
        user_agents: ['terraform', 'github-actions'],
      },
      { name: 'Nightly EBS backup', reason: 'AWS Backup plan copies snapshots to the DR account at 02:00 UTC', accounts: ['739105628471'] },
    ],
  };
}

/** The fake server answers with what it stored, as the route does, or refuses with the given error. */
function server(refuse?: ApiError) {
  const saved: ExpectedAutomationConfig[] = [];
  return {
    saved,
    methods: {
      automation: async () => config(),
      saveAutomation: async (c: ExpectedAutomationConfig) => {
        if (refuse) throw refuse;
        saved.push(c);
        return c;
      },
    },
  };
}

describe('expected automation', () => {
  it('shows readers the entries and the down-weight, and no way to change them', async () => {
    renderPanel(<AutomationPanel refreshKey={0} />, { api: server().methods, canWrite: false });
    const row = await screen.findByTestId('automationEntry-0');
    expect(within(row).getByText('Terraform from GitHub Actions')).toBeTruthy();
    expect(within(row).getByText('arn:aws:iam::482913750264:role/github-deploy')).toBeTruthy();
    expect(within(row).getByText('github-actions')).toBeTruthy();
    expect(within(screen.getByTestId('automationEntry-1')).getByText('739105628471')).toBeTruthy();
    expect(screen.getByTestId('downWeight').textContent).toContain('×0.3');
    expect(screen.getByTestId('automationReadOnly').textContent).toMatch(/needs the all privilege/);
    expect(screen.getByText(/down-weighted, never dropped/)).toBeTruthy();
    expect(screen.queryByTestId('addAutomationEntry')).toBeNull();
    expect(screen.queryByTestId('editAutomationEntry')).toBeNull();
    expect(screen.queryByTestId('removeAutomationEntry')).toBeNull();
    expect(screen.queryByTestId('downWeightInput')).toBeNull();
  });

  it('saves an edited entry as the whole new file and says so', async () => {
    const { saved, methods } = server();
    const { services } = renderPanel(<AutomationPanel refreshKey={0} />, { api: methods });
    await userEvent.click(within(await screen.findByTestId('automationEntry-1')).getByTestId('editAutomationEntry'));
    const flyout = await screen.findByTestId('automationFlyout');
    const reason = within(flyout).getByTestId('automationField-reason');
    await userEvent.clear(reason);
    await userEvent.type(reason, 'AWS Backup copies snapshots to the DR account');
    await userEvent.type(within(within(flyout).getByTestId('automationField-user_agents')).getByRole('combobox'), 'aws-sdk-go{Enter}');
    await userEvent.click(within(flyout).getByTestId('automationSaveEntry'));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({
      down_weight: 0.3,
      expected_automation: [
        config().expected_automation[0],
        { name: 'Nightly EBS backup', reason: 'AWS Backup copies snapshots to the DR account', user_agents: ['aws-sdk-go'], accounts: ['739105628471'] },
      ],
    });
    await waitFor(() => expect(screen.queryByTestId('automationFlyout')).toBeNull());
    expect(services.notified).toEqual([{ title: 'Saved "Nightly EBS backup"', color: 'success' }]);
    expect(within(screen.getByTestId('automationEntry-1')).getByText('AWS Backup copies snapshots to the DR account')).toBeTruthy();
  });

  it('adds an entry matched by identity glob and account', async () => {
    const { saved, methods } = server();
    renderPanel(<AutomationPanel refreshKey={0} />, { api: methods });
    await userEvent.click(await screen.findByTestId('addAutomationEntry'));
    const flyout = await screen.findByTestId('automationFlyout');
    await userEvent.type(within(flyout).getByTestId('automationField-name'), 'GKE deployer');
    await userEvent.type(within(flyout).getByTestId('automationField-reason'), 'Cloud Build deploys to production');
    await userEvent.type(within(within(flyout).getByTestId('automationField-identities')).getByRole('combobox'), 'deployer@*.iam.gserviceaccount.com{Enter}');
    await userEvent.type(within(within(flyout).getByTestId('automationField-accounts')).getByRole('combobox'), 'northwind-prod-4821{Enter}');
    await userEvent.click(within(flyout).getByTestId('automationSaveEntry'));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].expected_automation).toHaveLength(3);
    expect(saved[0].expected_automation[2]).toEqual({
      name: 'GKE deployer',
      reason: 'Cloud Build deploys to production',
      identities: ['deployer@*.iam.gserviceaccount.com'],
      accounts: ['northwind-prod-4821'],
    });
    expect(await screen.findByTestId('automationEntry-2')).toBeTruthy();
  });

  it('keeps the form open with the server message when the file is refused', async () => {
    const message = '[request body.expected_automation.1.name]: Too big: expected string to have <=200 characters';
    const { saved, methods } = server(new ApiError(message, 400));
    const { services } = renderPanel(<AutomationPanel refreshKey={0} />, { api: methods });
    await userEvent.click(within(await screen.findByTestId('automationEntry-1')).getByTestId('editAutomationEntry'));
    const flyout = await screen.findByTestId('automationFlyout');
    await userEvent.type(within(flyout).getByTestId('automationField-name'), ' (prod)');
    await userEvent.click(within(flyout).getByTestId('automationSaveEntry'));

    const error = await within(flyout).findByTestId('automationSaveError');
    expect(error.textContent).toContain(message);
    expect((within(flyout).getByTestId('automationField-name') as HTMLInputElement).value).toBe('Nightly EBS backup (prod)');
    expect(saved).toHaveLength(0);
    expect(services.notified).toHaveLength(0);
  });

  it('does not send an entry without a name, reason or matcher', async () => {
    const { saved, methods } = server();
    renderPanel(<AutomationPanel refreshKey={0} />, { api: methods });
    await userEvent.click(await screen.findByTestId('addAutomationEntry'));
    const flyout = await screen.findByTestId('automationFlyout');
    await userEvent.type(within(flyout).getByTestId('automationField-name'), 'Ansible');
    await userEvent.click(within(flyout).getByTestId('automationSaveEntry'));
    expect(within(flyout).getByText('Say why this automation is expected: findings quote it')).toBeTruthy();
    expect(within(flyout).getByText('Set at least one of identities, user-agent families or accounts')).toBeTruthy();
    expect(saved).toHaveLength(0);
  });

  it('removes an entry after confirmation, and changes the down-weight', async () => {
    const { saved, methods } = server();
    renderPanel(<AutomationPanel refreshKey={0} />, { api: methods });
    await userEvent.click(within(await screen.findByTestId('automationEntry-0')).getByTestId('removeAutomationEntry'));
    await userEvent.click(within(await screen.findByTestId('removeAutomationConfirm')).getByText('Remove'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].expected_automation.map((e) => e.name)).toEqual(['Nightly EBS backup']);
    await waitFor(() => expect(screen.queryByText('Terraform from GitHub Actions')).toBeNull());

    const input = screen.getByTestId('downWeightInput');
    await userEvent.clear(input);
    await userEvent.type(input, '0.5');
    await userEvent.click(screen.getByTestId('downWeightSave'));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]).toEqual({ down_weight: 0.5, expected_automation: [config().expected_automation[1]] });
  });

  it('shows the server refusing a down-weight next to the field', async () => {
    const { methods } = server(new ApiError('[request body.down_weight]: Too big: expected number to be <=1', 400));
    renderPanel(<AutomationPanel refreshKey={0} />, { api: methods });
    const input = await screen.findByTestId('downWeightInput');
    await userEvent.clear(input);
    await userEvent.type(input, '0.9');
    await userEvent.click(screen.getByTestId('downWeightSave'));
    expect(await screen.findByText('[request body.down_weight]: Too big: expected number to be <=1')).toBeTruthy();
  });
});
