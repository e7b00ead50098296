import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/model/temp-names.ts
// Names of what wavesync leaves in the runner's temp directory while a step runs, shared by the
// writer (src/cluster/kubeconfig.ts) and the action's post step, which must stay free of the
// Kubernetes client so its bundle is small.
/** The kubeconfig copy's directory name starts with this. */
const KUBECONFIG_DIR_PREFIX = 'wavesync-kube-';

;// CONCATENATED MODULE: ./src/action/post-cleanup.ts
// The action's post step: cleanup that must happen however the main step ended (failed, killed by
// its timeout, a cancelled job): the checkout the main step made, saved as state
// (STATE_checkout_dir; only a wavesync checkout directory under RUNNER_TEMP is removed), and any
// kubeconfig copy the main step wrote to RUNNER_TEMP and never got to remove.



const CHECKOUT_STATE = 'checkout_dir';
/** Removes the saved checkout directory; returns what happened, for the log. */
function cleanupCheckout(env) {
    const dir = env[`STATE_${CHECKOUT_STATE}`];
    if (!dir)
        return 'no checkout to remove';
    const temp = env.RUNNER_TEMP ? external_node_path_default().resolve(env.RUNNER_TEMP) : null;
    const abs = external_node_path_default().resolve(dir);
    if (!temp || external_node_path_default().dirname(abs) !== temp || !external_node_path_default().basename(abs).startsWith('wavesync-checkout-'))
        return `not removing ${abs}: not a wavesync checkout under RUNNER_TEMP`;
    if (!(0,external_node_fs_namespaceObject.existsSync)(abs))
        return 'the checkout was already removed';
    (0,external_node_fs_namespaceObject.rmSync)(abs, { recursive: true, force: true });
    return `removed the checkout ${abs}`;
}
/** Remove every kubeconfig copy directory in `tempDir`; returns how many there were. */
function removeKubeconfigCopies(tempDir) {
    if (!tempDir)
        return 0;
    let names;
    try {
        names = (0,external_node_fs_namespaceObject.readdirSync)(tempDir);
    }
    catch {
        return 0;
    }
    const copies = names.filter((n) => n.startsWith(KUBECONFIG_DIR_PREFIX));
    for (const n of copies)
        (0,external_node_fs_namespaceObject.rmSync)(external_node_path_default().join(tempDir, n), { recursive: true, force: true });
    return copies.length;
}

;// CONCATENATED MODULE: ./src/post.ts
// Action post step (bundled to dist/post.js): cleanup that must happen however the main step ended.

process.stdout.write(`wavesync: ${cleanupCheckout(process.env)}\n`);
const removed = removeKubeconfigCopies(process.env.RUNNER_TEMP);
// Only a count: never a path's contents.
if (removed > 0)
    process.stdout.write(`wavesync: removed ${removed} kubeconfig copy left by the main step\n`);

;// CONCATENATED MODULE: ./scripts/bundle-entries/post.ts
// ncc entry for dist/post.js (see ../build-bundles.mjs): the action's post step.


