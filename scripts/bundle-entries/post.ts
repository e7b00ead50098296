// ncc entry for dist/post.js, the action's post step (see ../build-bundles.mjs and action.yml).
import { removeKubeconfigCopies } from '../../src/action/post-cleanup.js';

const removed = removeKubeconfigCopies(process.env.RUNNER_TEMP);
// Only a count: never a path's contents.
if (removed > 0) console.log(`wavesync: removed ${removed} kubeconfig copy left by the main step`);
