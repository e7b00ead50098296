// Action post step (bundled to dist/post.js): cleanup that must happen however the main step ended.
import { cleanupCheckout, removeKubeconfigCopies } from './action/post-cleanup.js';

process.stdout.write(`wavesync: ${cleanupCheckout(process.env)}\n`);
const removed = removeKubeconfigCopies(process.env.RUNNER_TEMP);
// Only a count: never a path's contents.
if (removed > 0) process.stdout.write(`wavesync: removed ${removed} kubeconfig copy left by the main step\n`);
