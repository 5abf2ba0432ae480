/**
 * Kibana wiring only (DESIGN §1): setup registers the feature privileges, the routes and the task; start installs the
 * findings index and makes sure the task is scheduled. Everything else lives in the analytic, the stores and the task.
 */
import { compileAutomation } from './analytic/automation';
import { parseConfig, type CloudApiAbuseConfig } from './config';
import { cloudApiAbuseFeature } from './features';
import type {
  CoreSetupLike,
  CoreStartLike,
  EsClient,
  FeaturesSetupLike,
  KbnLogger,
  KibanaRequestLike,
  PluginInitContext,
  RequestHandlerContextLike,
  SpacesStartLike,
  TaskManagerSetupLike,
  TaskManagerStartLike,
} from './kibana/types';
import { registerRoutes } from './routes';
import type { RouteServices } from './routes/services';
import { ElasticsearchFindingsStore, findingsIndex, installFindingsIndex } from './store/elasticsearch/findings';
import { ElasticsearchAutomationStore, ElasticsearchCoverage, ElasticsearchEvidenceStore, ElasticsearchIdentityStore, configIndexName, identitiesIndexName } from './store/elasticsearch/services';
import { TaskDetectionControl } from './task/detection_control';
import { MissingCredentialsError, registerDetectionTask, scheduleDetectionTask, type DetectionTaskServices } from './task/detection_task';
import { durationMs } from './config';
import { DEFAULT_SPACE } from '../common/constants';

export interface SetupDeps {
  taskManager: TaskManagerSetupLike;
  features: FeaturesSetupLike;
}

export interface StartDeps {
  taskManager: TaskManagerStartLike;
  spaces?: SpacesStartLike;
  security?: { authc: { getCurrentUser(request: unknown): { username: string } | null } };
}

export class CloudApiAbusePlugin {
  private readonly logger: KbnLogger;
  private readonly config: CloudApiAbuseConfig;
  private readonly findingsStores = new Map<string, ElasticsearchFindingsStore>();

  constructor(context: PluginInitContext<unknown>) {
    this.logger = context.logger.get();
    this.config = parseConfig(context.config.get());
  }

  setup(core: CoreSetupLike<StartDeps>, plugins: SetupDeps): void {
    plugins.features.registerKibanaFeature(cloudApiAbuseFeature);
    const router = core.http.createRouter<RequestHandlerContextLike>();
    registerRoutes(router, (context, request) => this.routeServices(core, context, request), this.logger.get('routes'), async (_context, request) => {
      // The space's findings index, from the server's own config: the rule and dashboard routes never take one.
      const [, deps] = await core.getStartServices();
      return this.index(deps.spaces?.spacesService.getSpaceId(request) ?? DEFAULT_SPACE).name;
    });
    registerDetectionTask(plugins.taskManager, { logger: this.logger, config: this.config, services: () => this.taskServices(core) });
  }

  start(core: CoreStartLike, plugins: StartDeps): void {
    // Every node does this; both steps are idempotent. Failures are logged, never thrown: Kibana must start.
    void (async () => {
      try {
        await installFindingsIndex({ client: core.elasticsearch.client.asInternalUser, index: this.index(DEFAULT_SPACE), logger: this.logger });
      } catch (error) {
        this.logger.error(`could not install the findings index: ${(error as Error).message}`);
      }
      if (this.config.enabled) await scheduleDetectionTask(plugins.taskManager, DEFAULT_SPACE, this.config.schedule.interval, this.logger);
    })();
  }

  stop(): void {}

  private index(spaceId: string) {
    return findingsIndex(spaceId, this.config.findingsIndexPrefix);
  }

  /** Findings are written and read by the Kibana system user (it owns .alerts-*), after the feature privilege check. */
  private findings(core: CoreStartLike, spaceId: string): ElasticsearchFindingsStore {
    let store = this.findingsStores.get(spaceId);
    if (!store) {
      store = new ElasticsearchFindingsStore({ client: core.elasticsearch.client.asInternalUser, index: this.index(spaceId), logger: this.logger });
      this.findingsStores.set(spaceId, store);
    }
    return store;
  }

  private automation(core: CoreStartLike, spaceId: string): ElasticsearchAutomationStore {
    return new ElasticsearchAutomationStore({ client: core.elasticsearch.client.asInternalUser, index: configIndexName(this.config.findingsIndexPrefix, spaceId) });
  }

  /** Profiles are written by the task and read by analysts through the routes, as the Kibana system user. */
  private identities(core: CoreStartLike, spaceId: string): ElasticsearchIdentityStore {
    return new ElasticsearchIdentityStore({ client: core.elasticsearch.client.asInternalUser, index: identitiesIndexName(this.config.findingsIndexPrefix, spaceId) });
  }

  private async taskServices(core: CoreSetupLike<StartDeps>): Promise<DetectionTaskServices> {
    const [coreStart] = await core.getStartServices();
    const { credentials } = this.config;
    return {
      readerFor: async (fakeRequest) => {
        // The internal user cannot read logs-* (kibana-contracts.md §0.3): the task reads with a configured API key
        // or with the API key Task Manager made for the user who scheduled it.
        if (credentials.mode === 'api_key' && credentials.apiKey) {
          return coreStart.elasticsearch.client.asScoped({ headers: { authorization: `ApiKey ${credentials.apiKey}` } }).asCurrentUser;
        }
        if (fakeRequest) return coreStart.elasticsearch.client.asScoped(fakeRequest).asCurrentUser;
        throw new MissingCredentialsError();
      },
      findingsFor: async (spaceId) => this.findings(coreStart, spaceId),
      identitiesFor: async (spaceId) => this.identities(coreStart, spaceId),
      automationFor: async (spaceId) => {
        const file = await this.automation(coreStart, spaceId).get();
        return file.expected_automation.length ? compileAutomation(file) : undefined;
      },
    };
  }

  private async routeServices(core: CoreSetupLike<StartDeps>, context: RequestHandlerContextLike, request: KibanaRequestLike): Promise<RouteServices> {
    const [coreStart, deps] = await core.getStartServices();
    const spaceId = deps.spaces?.spacesService.getSpaceId(request) ?? DEFAULT_SPACE;
    const scoped = (await context.core).elasticsearch.client;
    const analyst: EsClient = scoped.asCurrentUser;
    const requestTimeoutMs = durationMs(this.config.requestTimeout);
    return {
      findings: this.findings(coreStart, spaceId),
      // The raw evidence and the coverage come from the logs: read with the analyst's own rights.
      evidence: new ElasticsearchEvidenceStore({ client: analyst, requestTimeoutMs }),
      coverage: new ElasticsearchCoverage({ client: analyst, indices: this.config.sources, requestTimeoutMs }),
      automation: this.automation(coreStart, spaceId),
      identities: this.identities(coreStart, spaceId),
      control: new TaskDetectionControl({
        taskManager: deps.taskManager,
        spaceId,
        interval: this.config.schedule.interval,
        enabled: this.config.enabled,
        logger: this.logger,
        request,
      }),
      currentUser: () => deps.security?.authc.getCurrentUser(request)?.username ?? undefined,
    };
  }
}
