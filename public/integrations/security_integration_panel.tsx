/**
 * Findings in Elastic Security: installs the detection rule that turns each finding into a Security alert, and the
 * findings dashboard, into the current space with the user's own Kibana rights. Users without the feature's all
 * privilege see how to do it by hand; outside Kibana (the standalone host) there is no Security to install into.
 */
import { useState } from 'react';
import { EuiButton, EuiCallOut, EuiFlexGroup, EuiFlexItem, EuiPanel, EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import { toApiError } from '../api/http';
import { useAppServices } from '../app/services';
import { ByHandSteps } from './by_hand_steps';
import { downloadFile, importSavedObjects, installSecurityRule, type ImportOutcome, type KibanaHttpLike } from './kibana_import';

export type SecurityIntegrationPanelProps = { insideKibana: true; http: KibanaHttpLike } | { insideKibana: false };

type ActionId = 'rule' | 'dashboard';

type ActionState = { status: 'running' } | { status: 'done'; outcome: ImportOutcome } | { status: 'failed'; message: string };

interface Action {
  button: string;
  run(http: KibanaHttpLike): Promise<ImportOutcome>;
  done: string;
  failed: string;
  counted(outcome: ImportOutcome): string;
  testSubj: string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const ACTIONS: Record<ActionId, Action> = {
  rule: {
    button: 'Install the Security rule',
    run: installSecurityRule,
    done: 'Security rule installed',
    failed: 'The Security rule was not installed',
    counted: (o) => `${o.imported} of ${plural(o.total, 'rule', 'rules')} imported`,
    testSubj: 'installSecurityRule',
  },
  dashboard: {
    button: 'Import the dashboard',
    run: importSavedObjects,
    done: 'Dashboard imported',
    failed: 'The dashboard was not imported',
    counted: (o) => `${o.imported} of ${plural(o.total, 'saved object', 'saved objects')} imported (data view, dashboard and panels)`,
    testSubj: 'importDashboard',
  },
};

function ActionResult({ id, state }: { id: ActionId; state: ActionState | undefined }) {
  const action = ACTIONS[id];
  if (!state || state.status === 'running') return null;
  if (state.status === 'failed') {
    return (
      <EuiCallOut size="s" color="danger" iconType="error" title={action.failed} data-test-subj={`${action.testSubj}Result`}>
        <p>{state.message}</p>
      </EuiCallOut>
    );
  }
  const { outcome } = state;
  const complete = outcome.errors.length === 0 && outcome.imported === outcome.total;
  return (
    <EuiCallOut
      size="s"
      color={complete ? 'success' : outcome.imported > 0 ? 'warning' : 'danger'}
      iconType={complete ? 'check' : 'warning'}
      title={complete ? action.done : action.failed}
      data-test-subj={`${action.testSubj}Result`}
    >
      <p>{action.counted(outcome)}</p>
      {outcome.errors.length > 0 && (
        <ul>
          {outcome.errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
    </EuiCallOut>
  );
}

export function SecurityIntegrationPanel(props: SecurityIntegrationPanelProps) {
  const { canWrite, notify } = useAppServices();
  const [states, setStates] = useState<Partial<Record<ActionId, ActionState>>>({});
  const [downloading, setDownloading] = useState<'rule' | 'savedObjects'>();
  const http = props.insideKibana ? props.http : undefined;

  const run = async (id: ActionId) => {
    if (!http) return;
    const action = ACTIONS[id];
    setStates((s) => ({ ...s, [id]: { status: 'running' } }));
    try {
      const outcome = await action.run(http);
      setStates((s) => ({ ...s, [id]: { status: 'done', outcome } }));
      const complete = outcome.errors.length === 0 && outcome.imported === outcome.total;
      notify(
        complete
          ? { title: action.done, color: 'success', text: action.counted(outcome) }
          : { title: action.failed, color: outcome.imported > 0 ? 'warning' : 'danger', text: outcome.errors[0] ?? action.counted(outcome) },
      );
    } catch (err) {
      const message = toApiError(err).message;
      setStates((s) => ({ ...s, [id]: { status: 'failed', message } }));
      notify({ title: action.failed, color: 'danger', text: message });
    }
  };

  const download = async (which: 'rule' | 'savedObjects') => {
    if (!http) return;
    setDownloading(which);
    try {
      await downloadFile(http, which);
    } catch (err) {
      notify({ title: 'The file could not be downloaded', color: 'danger', text: toApiError(err).message });
    } finally {
      setDownloading(undefined);
    }
  };

  return (
    <EuiPanel hasBorder data-test-subj="securityIntegration">
      <EuiTitle size="s">
        <h2>Elastic Security</h2>
      </EuiTitle>
      <EuiText size="s" color="subdued">
        <p>
          The detection rule turns each finding into one Security alert, with its severity, risk score, reason and ATT&amp;CK techniques; the dashboard
          shows findings by severity, root identity, privileged action, account and logging tamper.
        </p>
      </EuiText>
      <EuiSpacer size="m" />
      {!http ? (
        <EuiCallOut size="s" iconType="info" title="Available inside Kibana" data-test-subj="integrationOutsideKibana">
          <p>
            The rule and the dashboard are installed into a Kibana space. Write the two files for a space with{' '}
            <code>node --require tsx/cjs plugin/saved_objects/write_files.ts --space &lt;space id&gt;</code> (the default space&apos;s are in{' '}
            <code>plugin/saved_objects/ndjson</code>) and import them in Kibana:
          </p>
          <ByHandSteps />
        </EuiCallOut>
      ) : (
        <>
          {canWrite ? (
            <EuiFlexGroup gutterSize="s" responsive={false} wrap>
              {(Object.keys(ACTIONS) as ActionId[]).map((id) => (
                <EuiFlexItem grow={false} key={id}>
                  <EuiButton
                    iconType="upload"
                    isLoading={states[id]?.status === 'running'}
                    onClick={() => void run(id)}
                    data-test-subj={ACTIONS[id].testSubj}
                  >
                    {ACTIONS[id].button}
                  </EuiButton>
                </EuiFlexItem>
              ))}
            </EuiFlexGroup>
          ) : (
            <EuiCallOut size="s" iconType="lock" title="Read only" data-test-subj="integrationReadOnly">
              <p>Installing needs the all privilege of the Cloud API Abuse feature. Someone who has it can install both here, or you can do it by hand:</p>
            </EuiCallOut>
          )}
          {(Object.keys(ACTIONS) as ActionId[]).map((id) =>
            states[id] && states[id].status !== 'running' ? (
              <div key={id}>
                <EuiSpacer size="s" />
                <ActionResult id={id} state={states[id]} />
              </div>
            ) : null,
          )}
          <EuiSpacer size="m" />
          <ByHandSteps onDownload={(which) => void download(which)} downloading={downloading} />
        </>
      )}
    </EuiPanel>
  );
}
