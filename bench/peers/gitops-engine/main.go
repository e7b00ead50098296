// gitops-engine-sync: the benchmark's Argo CD peer. Syncs a directory of manifests into one
// namespace with github.com/argoproj/gitops-engine (the engine inside Argo CD's application
// controller) and exits once the sync operation completed: hooks, waves and health as Argo CD
// runs them. --wave-delay mimics the controller's ARGOCD_SYNC_WAVE_DELAY (2s by default there;
// the engine itself has no delay). Client rate limits default to Argo CD's (50 QPS, burst 100).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/go-logr/logr"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/argoproj/gitops-engine/pkg/cache"
	"github.com/argoproj/gitops-engine/pkg/sync"
	"github.com/argoproj/gitops-engine/pkg/sync/common"
	"github.com/argoproj/gitops-engine/pkg/utils/kube"
	"github.com/argoproj/gitops-engine/pkg/utils/tracing"
)

// The mark that tells the cluster cache which live objects belong to this app.
const markAnnotation = "wavesync.bench/peer-app"

func main() {
	kubeconfig := flag.String("kubeconfig", os.Getenv("KUBECONFIG"), "kubeconfig path")
	namespace := flag.String("namespace", "default", "namespace to sync into (the cache watches only it)")
	dir := flag.String("dir", "", "directory of .yaml/.yml/.json manifests")
	app := flag.String("app", "bench", "app name written into the ownership mark")
	waveDelay := flag.Duration("wave-delay", 0, "sleep after each wave (Argo CD's controller uses 2s)")
	serverSide := flag.Bool("server-side", false, "server-side apply (Argo CD's default is client-side)")
	qps := flag.Float64("qps", 50, "client QPS (Argo CD: ARGOCD_K8S_CLIENT_QPS=50)")
	burst := flag.Int("burst", 100, "client burst (Argo CD: ARGOCD_K8S_CLIENT_BURST=100)")
	timeout := flag.Duration("timeout", 10*time.Minute, "give up after this long")
	flag.Parse()
	if *dir == "" {
		fail("--dir is required")
	}
	start := time.Now()
	target, err := readManifests(*dir, *app, *namespace)
	if err != nil {
		fail(err.Error())
	}
	config, err := clientcmd.BuildConfigFromFlags("", *kubeconfig)
	if err != nil {
		fail(fmt.Sprintf("kubeconfig %s: %v", *kubeconfig, err))
	}
	config.QPS, config.Burst = float32(*qps), *burst
	log := logr.Discard()
	clusterCache := cache.NewClusterCache(config,
		cache.SetNamespaces([]string{*namespace}),
		cache.SetClusterResources(false),
		cache.SetLogr(log),
		cache.SetPopulateResourceInfoHandler(func(un *unstructured.Unstructured, _ bool) (interface{}, bool) {
			mark := un.GetAnnotations()[markAnnotation]
			return mark, mark != ""
		}),
	)
	if err := clusterCache.EnsureSynced(); err != nil {
		fail(fmt.Sprintf("cluster cache: %v", err))
	}
	defer clusterCache.Invalidate()
	kubectl := &kube.KubectlCmd{Log: log, Tracer: tracing.NopTracer{}}
	opts := []sync.SyncOpt{sync.WithLogr(log), sync.WithPrune(false), sync.WithServerSideApply(*serverSide)}
	if *waveDelay > 0 {
		opts = append(opts, sync.WithSyncWaveHook(func(_ common.SyncPhase, _ int, final bool) error {
			if !final {
				time.Sleep(*waveDelay)
			}
			return nil
		}))
	}
	isManaged := func(r *cache.Resource) bool { return r.Info == *app }
	// Argo CD's controller loop: on every change of a managed object (or each second), rebuild
	// the sync context from the live state and the operation's state so far, and run it once.
	// (engine.Sync builds the context once and never sees the hooks it creates.)
	changed := make(chan struct{}, 1)
	unsubscribe := clusterCache.OnResourceUpdated(func(newRes, oldRes *cache.Resource, _ map[kube.ResourceKey]*cache.Resource) {
		select {
		case changed <- struct{}{}:
		default:
		}
	})
	defer unsubscribe()
	deadline := time.Now().Add(*timeout)
	var phase common.OperationPhase
	var message string
	var results []common.ResourceSyncResult
	startedAt := metav1.Now()
	for {
		live, err := clusterCache.GetManagedLiveObjs(target, isManaged)
		if err != nil {
			fail(fmt.Sprintf("live state: %v", err))
		}
		reconciled := sync.Reconcile(target, live, *namespace, clusterCache)
		runOpts := opts
		if phase != "" {
			runOpts = append(append([]sync.SyncOpt{}, opts...), sync.WithInitialState(phase, message, results, startedAt))
		}
		syncCtx, cleanup, err := sync.NewSyncContext("bench", reconciled, config, config, kubectl, *namespace, clusterCache.GetOpenAPISchema(), runOpts...)
		if err != nil {
			fail(fmt.Sprintf("sync context: %v", err))
		}
		syncCtx.Sync()
		phase, message, results = syncCtx.GetState()
		cleanup()
		if phase.Completed() {
			break
		}
		if time.Now().After(deadline) {
			fail(fmt.Sprintf("timed out after %s: %s", *timeout, message))
		}
		select {
		case <-changed:
		case <-time.After(time.Second):
		}
	}
	if phase != common.OperationSucceeded {
		err = fmt.Errorf("operation %s: %s", phase, message)
	}
	if err != nil {
		for _, r := range results {
			fmt.Fprintf(os.Stderr, "%s: %s %s %s\n", r.ResourceKey.String(), r.Status, r.HookPhase, r.Message)
		}
		fail(fmt.Sprintf("sync: %v", err))
	}
	fmt.Printf("synced %d objects in %s\n", len(results), time.Since(start).Round(time.Millisecond))
}

// readManifests loads every manifest file under dir in name order and marks each object as ours.
// Like Argo CD's controller, namespaced objects without a namespace get the app's namespace (the
// engine treats an object without one as cluster-scoped).
func readManifests(dir, app, namespace string) ([]*unstructured.Unstructured, error) {
	var files []string
	err := filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		ext := strings.ToLower(filepath.Ext(path))
		if !info.IsDir() && (ext == ".yaml" || ext == ".yml" || ext == ".json") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []*unstructured.Unstructured
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		items, err := kube.SplitYAML(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		for _, u := range items {
			a := u.GetAnnotations()
			if a == nil {
				a = map[string]string{}
			}
			a[markAnnotation] = app
			u.SetAnnotations(a)
			if u.GetNamespace() == "" && !clusterScoped[u.GetKind()] {
				u.SetNamespace(namespace)
			}
		}
		out = append(out, items...)
	}
	return out, nil
}

// Kinds without a namespace, among those a benchmark might use (the peer does no discovery).
var clusterScoped = map[string]bool{
	"Namespace": true, "ClusterRole": true, "ClusterRoleBinding": true, "CustomResourceDefinition": true,
	"PersistentVolume": true, "StorageClass": true, "PriorityClass": true, "Node": true,
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "gitops-engine-sync:", msg)
	os.Exit(1)
}
