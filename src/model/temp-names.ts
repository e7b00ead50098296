// Names of what wavesync leaves in the runner's temp directory while a step runs, shared by the
// writer (src/cluster/kubeconfig.ts) and the action's post step, which must stay free of the
// Kubernetes client so its bundle is small.

/** The kubeconfig copy's directory name starts with this. */
export const KUBECONFIG_DIR_PREFIX = 'wavesync-kube-';
