// ncc entry for dist/post.js (see ../build-bundles.mjs): the action's post step.
import '../../src/post.js';
