/**
 * The sample day: benign identities at work across AWS, GCP and Azure, with attack chains injected, written hour by
 * hour in each provider's native export format, plus labels.json. Seeded and deterministic: the same options give
 * byte-identical files.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { CloudProvider } from '../../common/audit_event';
import type { Actor } from './actors/actor';
import { makeAwsActor } from './actors/aws_actors';
import { makeAzureActor } from './actors/azure_actors';
import { makeGcpActor } from './actors/gcp_actors';
import { makeWorld } from './actors/world';
import type { ChainContext, ChainEvent } from './chains/chain';
import { dayStart, HOUR, profileSum } from './clock';
import { Rng } from './random';
import { Directory } from './scenario/directory';
import { AWS_IDENTITIES } from './scenario/identities/aws';
import { AZURE_IDENTITIES } from './scenario/identities/azure';
import { GCP_IDENTITIES } from './scenario/identities/gcp';
import { ATTACK_CHAINS } from './scenario/chains';
import { BENIGN_NOVELTIES } from './scenario/novelties';
import type { ChainLabel, SampleDayOptions, SampleDayResult, SampleLabels } from './types';
import { DayWriter, SLOT } from './writers/day_writer';

export const DEFAULT_EVENTS = 200_000;
export const DEFAULT_DATE = '2026-11-20';
export const DEFAULT_SEED = 1;

/** Share of the benign volume per provider: CloudTrail dominates, as it does in most estates. */
const PROVIDER_SHARE: Record<CloudProvider, number> = { aws: 0.65, gcp: 0.22, azure: 0.13 };

const MARKER = '.cloud-api-abuse-sample';
/** Hidden, so that `detect <outDir>` reads the logs and not the answer key. */
export const LABELS_FILE = '.labels.json';
const OWNED = ['aws', 'gcp', 'azure', LABELS_FILE, 'labels.json'];

/** Refuse to mix with other data; replace an earlier sample day written here. */
async function prepareOutDir(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const entries = new Set(await readdir(outDir));
  const ours = OWNED.filter((e) => entries.has(e));
  if (ours.length && !entries.has(MARKER)) {
    throw new Error(`${outDir} already holds ${ours.join(', ')} not written by the sample generator; choose an empty directory`);
  }
  for (const e of ours) await rm(path.join(outDir, e), { recursive: true, force: true });
  await writeFile(path.join(outDir, MARKER), 'Written by cloud-api-abuse sample-data generator; the aws/, gcp/, azure/ folders and .labels.json are replaced on each run.\n');
}

function buildActors(world: ReturnType<typeof makeWorld>, dir: Directory): Actor[] {
  return [
    ...AWS_IDENTITIES.map((d) => makeAwsActor(world, dir, d)),
    ...GCP_IDENTITIES.map((d) => makeGcpActor(world, dir, d)),
    ...AZURE_IDENTITIES.map((d) => makeAzureActor(world, dir, d)),
  ];
}

export async function generateSampleDay(options: SampleDayOptions): Promise<SampleDayResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  const events = options.events ?? DEFAULT_EVENTS;
  const date = options.date ?? DEFAULT_DATE;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`seed must be an integer from 0 to 2^32-1, got ${seed}`);
  // Below a few thousand events the fixed part of the day (credential rotations, the attack chains) dominates and
  // the total overshoots the request by more than 5%.
  if (!Number.isInteger(events) || events < 1) throw new Error(`events must be a positive integer, got ${events}`);
  const start = dayStart(date);
  const outDir = path.resolve(options.outDir);
  await prepareOutDir(outDir);

  const world = makeWorld(seed, start);
  const dir = new Directory(seed);
  const actors = buildActors(world, dir);
  const byKey = new Map(actors.map((a) => [a.key, a]));

  // Attack chains are built up front (a few hundred records) and injected slot by slot.
  const chainCtx = (id: string): ChainContext => ({
    world,
    dir,
    rng: Rng.for(seed, `chain:${id}`),
    actor: (key) => {
      const a = byKey.get(key);
      if (!a) throw new Error(`chain ${id} needs unknown actor ${key}`);
      return a;
    },
  });
  const chainLabels: ChainLabel[] = [];
  const attack: ChainEvent[] = [];
  for (const def of ATTACK_CHAINS) {
    const built = def.build(chainCtx(def.id));
    const evs = [...built.events].sort((a, b) => a.time - b.time);
    attack.push(...evs);
    chainLabels.push({
      id: def.id,
      title: def.title,
      provider: def.provider,
      rootIdentity: built.rootIdentity,
      techniques: def.techniques,
      firstEventTime: new Date(evs[0].time).toISOString(),
      lastEventTime: new Date(evs[evs.length - 1].time).toISOString(),
      eventIds: evs.map((e) => e.id),
    });
  }
  attack.sort((a, b) => a.time - b.time);

  // Benign volume: each actor's share of its provider's share, spread over the day by its profile.
  const benignTarget = Math.max(0, events - attack.length);
  const providerWeight: Record<CloudProvider, number> = { aws: 0, gcp: 0, azure: 0 };
  for (const a of actors) providerWeight[a.provider] += a.weight;
  const cumulative = actors.map((a) => {
    const share = providerWeight[a.provider] > 0 ? (PROVIDER_SHARE[a.provider] * a.weight) / providerWeight[a.provider] : 0;
    const day = benignTarget * share;
    const total = profileSum(a.profile);
    const out = [0];
    let acc = 0;
    for (let h = 0; h < 24; h++) {
      acc += a.profile[h];
      out.push((day * acc) / total);
    }
    return out;
  });

  const writer = new DayWriter(outDir, world);
  const volumeRng = Rng.for(seed, 'volume');
  let nextAttack = 0;
  let attackWritten = 0;
  const plannedTotal = benignTarget + attack.length;
  for (let h = 0; h < 24; h++) {
    const hourStart = start + h * HOUR;
    actors.forEach((a, i) => {
      const target = cumulative[i][h + 1] - a.emitted;
      const perAction = a.actions > 0 ? a.emitted / a.actions : a.recordsPerAction;
      a.planHour(hourStart, volumeRng.round(Math.max(0, target) / perAction));
    });
    for (let s = 0; s < HOUR / SLOT; s++) {
      const slotEnd = hourStart + (s + 1) * SLOT;
      for (const a of actors) a.runUntil(slotEnd, writer);
      while (nextAttack < attack.length && attack[nextAttack].time < slotEnd) {
        const e = attack[nextAttack++];
        writer.emit(e.route, e.time, e.record);
        attackWritten++;
      }
      await writer.endSlot();
      options.onProgress?.(writer.recordCount, plannedTotal);
    }
  }
  const files = await writer.close();
  if (attackWritten !== attack.length) throw new Error('attack events fell outside the day');

  const totalEvents = writer.recordCount;
  const labels: SampleLabels = {
    seed,
    date,
    totalEvents,
    benignEvents: totalEvents - attackWritten,
    attackEvents: attackWritten,
    chains: chainLabels,
    benignNovelties: BENIGN_NOVELTIES.map((n) => ({ id: n.id, provider: n.provider, rootIdentity: n.rootIdentity(dir), description: n.description })),
  };
  const labelsFile = path.join(outDir, LABELS_FILE);
  await writeFile(labelsFile, JSON.stringify(labels, null, 2) + '\n');
  return { files, totalEvents, benignEvents: labels.benignEvents, attackEvents: attackWritten, labelsFile, labels };
}
