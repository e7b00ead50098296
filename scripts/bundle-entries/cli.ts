#!/usr/bin/env node
// ncc entry for dist/cli.js (see ../build-bundles.mjs).
import '../../src/cli.js';
