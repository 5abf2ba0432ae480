/** The panel's only way to the server: one typed method per route of the plugin's REST API. */
import {
  ROUTE_PATHS,
  type CoverageReport,
  type DetectionHealth,
  type ExpectedAutomationConfig,
  type FindingWithRecords,
  type FindingsHistogram,
  type FindingsHistogramParams,
  type FindingsListParams,
  type FindingsPage,
  type FindingsSummary,
  type FindingsSummaryParams,
  type IdentityProfilesPage,
  type IdentityProfilesParams,
  type StatusChangeRequest,
  type StatusChangeResult,
} from '../../common/api';
import { toApiError, type HttpLike, type QueryValue } from './http';

type Params = { [K: string]: QueryValue };

export class CloudApiAbuseApi {
  constructor(private readonly http: HttpLike) {}

  listFindings(params: FindingsListParams, signal?: AbortSignal): Promise<FindingsPage> {
    return this.wrap(this.http.get(ROUTE_PATHS.findings, { query: params as Params, signal }));
  }

  findingsHistogram(params: FindingsHistogramParams, signal?: AbortSignal): Promise<FindingsHistogram> {
    return this.wrap(this.http.get(ROUTE_PATHS.findingsHistogram, { query: params as Params, signal }));
  }

  findingsSummary(params: FindingsSummaryParams, signal?: AbortSignal): Promise<FindingsSummary> {
    return this.wrap(this.http.get(ROUTE_PATHS.findingsSummary, { query: params as Params, signal }));
  }

  getFinding(id: string, signal?: AbortSignal): Promise<FindingWithRecords> {
    return this.wrap(this.http.get(ROUTE_PATHS.finding.replace('{id}', encodeURIComponent(id)), { signal }));
  }

  setStatus(change: StatusChangeRequest): Promise<StatusChangeResult> {
    return this.wrap(this.http.post(ROUTE_PATHS.findingsStatus, { body: JSON.stringify(change) }));
  }

  health(signal?: AbortSignal): Promise<DetectionHealth> {
    return this.wrap(this.http.get(ROUTE_PATHS.detectionHealth, { signal }));
  }

  runDetectionSoon(): Promise<{ scheduled: boolean }> {
    return this.wrap(this.http.post(ROUTE_PATHS.detectionRunSoon, {}));
  }

  coverage(range: { from: string; to: string }, signal?: AbortSignal): Promise<CoverageReport> {
    return this.wrap(this.http.get(ROUTE_PATHS.coverage, { query: range, signal }));
  }

  automation(signal?: AbortSignal): Promise<ExpectedAutomationConfig> {
    return this.wrap(this.http.get(ROUTE_PATHS.automation, { signal }));
  }

  saveAutomation(config: ExpectedAutomationConfig): Promise<ExpectedAutomationConfig> {
    return this.wrap(this.http.put(ROUTE_PATHS.automation, { body: JSON.stringify(config) }));
  }

  identities(params: IdentityProfilesParams, signal?: AbortSignal): Promise<IdentityProfilesPage> {
    return this.wrap(this.http.get(ROUTE_PATHS.identities, { query: params as Params, signal }));
  }

  private async wrap<T>(p: Promise<T>): Promise<T> {
    try {
      return await p;
    } catch (err) {
      throw toApiError(err);
    }
  }
}
