// wavesync history: the app's recorded syncs, read from its inventory. Reads only.
import type { HistoryEntry } from '../cluster/history/history.js';
import { describeApiError } from '../sync/validate.js';
import type { Problem } from '../model/problems.js';
import { connect } from './connect.js';
import type { ClusterOptions } from './options.js';
import { readAppHistory } from './release-history.js';
import { ResourceScope } from './scope.js';

export function runHistoryPipeline(opts: {
  app: string;
  namespace: string;
  cluster: ClusterOptions;
}): Promise<{ entries: HistoryEntry[]; problems: Problem[] }> {
  return ResourceScope.run(async (scope) => {
    const { cluster, problems } = connect(opts.cluster, scope);
    if (!cluster) return { entries: [], problems };
    try {
      return { entries: await readAppHistory(cluster, opts.app, opts.namespace), problems: [] };
    } catch (err) {
      return { entries: [], problems: [{ source: null, message: `the history of app ${opts.app} could not be read: ${describeApiError(err)}` }] };
    }
  });
}
