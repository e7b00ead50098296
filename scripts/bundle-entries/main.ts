// ncc entry for dist/index.js (see ../build-bundles.mjs).
import '../../src/main.js';
