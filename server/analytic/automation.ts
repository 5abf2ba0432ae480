/**
 * Expected automation: identities, user-agent families and accounts that the organisation runs on purpose (CI/CD
 * roles, IaC). Matching chains are down-weighted with the stated reason, never dropped (DESIGN §3.5).
 */
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';

const entrySchema = z
  .object({
    name: z.string().min(1).max(200),
    reason: z.string().min(1).max(500),
    /** Globs (`*`) over the root identity id, the acting principal ARN/name/email. */
    identities: z.array(z.string().min(1).max(512)).max(200).optional(),
    /** Interface tool families (terraform, github-actions, aws-cli ...). */
    user_agents: z.array(z.string().min(1).max(200)).max(200).optional(),
    accounts: z.array(z.string().min(1).max(200)).max(200).optional(),
  })
  .strict()
  .refine((e) => e.identities?.length || e.user_agents?.length || e.accounts?.length, {
    message: 'an entry needs at least one of identities, user_agents, accounts',
  });

export const expectedAutomationSchema = z
  .object({
    /** Multiplier applied to the risk of a matching chain. */
    down_weight: z.number().min(0).max(1).default(0.3),
    expected_automation: z.array(entrySchema).max(1000).default([]),
  })
  .strict();

export type ExpectedAutomationFile = z.infer<typeof expectedAutomationSchema>;

export interface AutomationEntry {
  name: string;
  reason: string;
  identities?: RegExp[];
  tools?: Set<string>;
  accounts?: RegExp[];
}

export interface ExpectedAutomation {
  entries: AutomationEntry[];
  downWeight?: number;
}

export interface AutomationSubject {
  rootId: string;
  principal: string;
  tool: string;
  account?: string;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

export function compileAutomation(file: ExpectedAutomationFile): ExpectedAutomation {
  return {
    downWeight: file.down_weight,
    entries: file.expected_automation.map((e) => ({
      name: e.name,
      reason: e.reason,
      identities: e.identities?.map(globToRegExp),
      tools: e.user_agents ? new Set(e.user_agents.map((t) => t.toLowerCase())) : undefined,
      accounts: e.accounts?.map(globToRegExp),
    })),
  };
}

/** Parses a YAML or JSON automation file; throws an Error whose message names the offending field. */
export function parseAutomationConfig(text: string): ExpectedAutomation {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    throw new Error(`automation config is not valid YAML/JSON: ${(err as Error).message}`);
  }
  const parsed = expectedAutomationSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`automation config: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return compileAutomation(parsed.data);
}

/** The first entry every given field of which matches the subject. */
export function matchAutomation(automation: ExpectedAutomation, s: AutomationSubject): AutomationEntry | undefined {
  for (const e of automation.entries) {
    if (e.identities && !e.identities.some((r) => r.test(s.rootId) || r.test(s.principal))) continue;
    if (e.tools && !e.tools.has(s.tool.toLowerCase())) continue;
    if (e.accounts && !(s.account && e.accounts.some((r) => r.test(s.account as string)))) continue;
    return e;
  }
  return undefined;
}
