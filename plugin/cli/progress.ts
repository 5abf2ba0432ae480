/** A progress bar on stderr for large inputs; periodic lines when stderr is not a terminal. */
import { SingleBar } from 'cli-progress';
import type { ReadProgress } from '../../server/store/local/types';

/** Inputs smaller than this finish before a bar would help. */
const LARGE_INPUT_BYTES = 32 * 1024 * 1024;

export interface ProgressReporter {
  update(p: ReadProgress): void;
  stop(): void;
}

const quiet: ProgressReporter = { update: () => undefined, stop: () => undefined };

export function progressReporter(enabled: boolean): ProgressReporter {
  if (!enabled) return quiet;
  let bar: SingleBar | undefined;
  return {
    update(p) {
      if (!bar) {
        if (p.bytesTotal < LARGE_INPUT_BYTES) return;
        bar = new SingleBar(
          {
            stream: process.stderr,
            format: 'reading [{bar}] {percentage}% | {mb}/{totalMb} MB | {events} events | files {filesDone}/{files} | eta {eta_formatted}',
            barsize: 30,
            hideCursor: true,
            noTTYOutput: true,
            notTTYSchedule: 5000,
            etaBuffer: 50,
          },
          undefined,
        );
        bar.start(p.bytesTotal, 0, { mb: 0, totalMb: Math.round(p.bytesTotal / 1048576), events: 0, files: p.files, filesDone: 0 });
      }
      bar.update(p.bytesRead, { mb: Math.round(p.bytesRead / 1048576), events: p.events, filesDone: p.filesDone, files: p.files });
    },
    stop() {
      bar?.stop();
    },
  };
}
