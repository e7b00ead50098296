// Container logs of a pod, line by line, until the stream ends or the signal aborts.
import type { LogOptions } from '../port.js';
import type { KubeHttp } from './http.js';
import { readLines } from './lines.js';

export async function streamPodLogs(http: KubeHttp, namespace: string, pod: string, opts: LogOptions, onLine: (line: string) => void): Promise<void> {
  const { signal } = opts;
  if (signal?.aborted) return;
  try {
    const res = await http.open({
      method: 'GET',
      path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`,
      query: { container: opts.container, follow: opts.follow, tailLines: opts.tailLines },
      signal,
    });
    const stream = res.stream();
    if (stream) await readLines(stream, onLine);
  } catch (err) {
    // Aborting is how callers stop following; it is not an error.
    if (signal?.aborted) return;
    throw err;
  }
}
