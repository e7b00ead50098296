// Action post step (bundled to dist/post.js): cleanup that must happen however the main step ended.
import { cleanupCheckout } from './action/post-cleanup.js';

process.stdout.write(`wavesync: ${cleanupCheckout(process.env)}\n`);
