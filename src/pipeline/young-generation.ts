// V8 doubles the young generation whenever a scavenge finds much alive, up to a cap it sets from
// the machine's memory (64 MB per semi-space on a 24 GiB machine). A sync keeps every watched
// object alive until its next update, so the young generation grew to that cap and promoted that
// garbage: a 3,000-object sync committed about 230 MB of heap for a live heap under 40 MB, and
// its peak RSS fell from about 350 to about 210 MB with the cap. Growth stops at a few MB instead: scavenges
// stay cheap (they copy only what is alive) and memory follows the objects (docs/PERFORMANCE.md).
import v8 from 'node:v8';
import { PerformanceObserver } from 'node:perf_hooks';

/** Stops V8 from growing the young generation; exported so a test can check this Node honours it. */
export const STOP_GROWTH_FLAG = '--semi-space-growth-factor=1';

/** Growth stops once the young generation is this big; GC notices arrive late, so it may double once more. */
export const YOUNG_GENERATION_BYTES = 8 * 1024 * 1024;

const youngGenerationSize = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;

export function capYoungGeneration(bytes = YOUNG_GENERATION_BYTES): void {
  // The flag is read each time V8 considers growing (unlike --max-semi-space-size, read once when
  // the heap is created), so setting it after start works.
  const stop = () => v8.setFlagsFromString(STOP_GROWTH_FLAG);
  if (youngGenerationSize() >= bytes) return stop();
  const observer = new PerformanceObserver(() => {
    if (youngGenerationSize() < bytes) return;
    stop();
    observer.disconnect();
  });
  observer.observe({ entryTypes: ['gc'] });
}
