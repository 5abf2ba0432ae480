/**
 * Plugin configuration (`cloudApiAbuse.*` in kibana.yml). Validated with zod here; inside Kibana the descriptor also
 * hands Kibana an `@kbn/config-schema` schema built from Kibana's own copy of that package (it is not published on
 * npm), so unknown keys and bad values fail Kibana's start like any plugin's.
 */
import { z } from 'zod';

const duration = z
  .string()
  .regex(/^\d+(s|m|h|d)$/, 'a duration such as 30s, 5m, 12h or 14d')
  .refine((d) => durationMs(d) > 0, 'must be positive');

export const DEFAULT_SOURCES = ['logs-aws.cloudtrail-*', 'logs-gcp.audit-*', 'logs-azure.activitylogs-*', 'logs-azure.signinlogs-*'];

export const configSchema = z
  .object({
    enabled: z.boolean().default(true),
    schedule: z.object({ interval: duration.default('5m') }).strict().default({ interval: '5m' }),
    /** Re-read this much before the checkpoint: CloudTrail delivers up to 15 minutes late. */
    overlap: duration.default('20m'),
    /** How far back the first run reads. */
    initialLookback: duration.default('24h'),
    /** Baselines come from aggregations over this much history before the window. */
    historyWindow: duration.default('14d'),
    /** The most time one run reads; halved while runs hit maxEventsPerRun, so following runs catch up in steps. */
    maxSpan: duration.default('6h'),
    /** Bounded work per run; the rest is caught up by the following runs. */
    maxEventsPerRun: z.number().int().min(1_000).max(5_000_000).default(250_000),
    /** Index patterns read (data streams of Elastic's AWS, GCP and Azure integrations). */
    sources: z
      .array(z.string().min(1).max(255).regex(/^[a-z0-9*._-]+$/, 'lower-case index pattern characters only'))
      .min(1)
      .max(20)
      .default(DEFAULT_SOURCES),
    /** Findings go to `<prefix>-<space id>`; the Kibana system user manages .alerts-* indices. */
    findingsIndexPrefix: z.string().regex(/^\.alerts-[a-z0-9_.-]+$/).default('.alerts-cloud_api_abuse.findings'),
    requestTimeout: duration.default('30s'),
    credentials: z
      .object({
        /** `user`: the task runs with the API key Task Manager made for the user who enabled it (fakeRequest). */
        mode: z.enum(['user', 'api_key']).default('user'),
        /** `api_key`: base64 "id:api_key" of a key with the read role in the README. Never logged. */
        apiKey: z.string().min(8).max(4096).optional(),
      })
      .strict()
      .default({ mode: 'user' })
      .refine((c) => c.mode !== 'api_key' || !!c.apiKey, { message: 'credentials.apiKey is required when credentials.mode is api_key' }),
  })
  .strict();

export type CloudApiAbuseConfig = z.infer<typeof configSchema>;

export function durationMs(d: string): number {
  const m = /^(\d+)(s|m|h|d)$/.exec(d);
  if (!m) return NaN;
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

export function parseConfig(raw: unknown): CloudApiAbuseConfig {
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`[cloudApiAbuse.${issue.path.join('.')}]: ${issue.message}`);
  }
  return parsed.data;
}

/** A schema object Kibana can validate with: @kbn/config-schema when running inside Kibana, else zod's. */
export interface ConfigSchemaLike {
  validate(value: unknown): CloudApiAbuseConfig;
}

interface KbnSchemaModule {
  schema: {
    any(options?: { validate?: (v: unknown) => string | void; defaultValue?: unknown }): ConfigSchemaLike;
  };
}

function kibanaSchema(): ConfigSchemaLike {
  try {
    // Kibana's own copy; not resolvable outside Kibana (tests, CLI, standalone host).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { schema } = require('@kbn/config-schema') as KbnSchemaModule;
    return schema.any({
      defaultValue: {},
      validate: (value) => {
        const parsed = configSchema.safeParse(value);
        if (!parsed.success) return parsed.error.issues.map((i) => `[${i.path.join('.')}]: ${i.message}`).join('; ');
      },
    });
  } catch {
    return { validate: parseConfig };
  }
}

/** `export const config` in server/index.ts (PluginConfigDescriptor). */
export const configDescriptor = {
  schema: kibanaSchema(),
  exposeToBrowser: {},
};
