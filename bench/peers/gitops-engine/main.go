// gitops-engine-sync: the benchmark's Argo CD peer. Syncs a directory of manifests into one
// namespace with github.com/argoproj/gitops-engine (the engine inside Argo CD's application
// controller) and exits once the sync operation completed: hooks, waves and health as Argo CD
// runs them. --wave-delay mimics the controller's ARGOCD_SYNC_WAVE_DELAY (2s by default there;
// the engine itself has no delay). Client rate limits default to Argo CD's (50 QPS, burst 100).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/go-logr/logr"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/argoproj/gitops-engine/pkg/cache"
	"github.com/argoproj/gitops-engine/pkg/engine"
	"github.com/argoproj/gitops-engine/pkg/sync"
	"github.com/argoproj/gitops-engine/pkg/sync/common"
	"github.com/argoproj/gitops-engine/pkg/utils/kube"
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
	target, err := readManifests(*dir, *app)
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
	gitops := engine.NewEngine(config, clusterCache, engine.WithLogr(log))
	stop, err := gitops.Run()
	if err != nil {
		fail(fmt.Sprintf("cluster cache: %v", err))
	}
	defer stop()
	opts := []sync.SyncOpt{sync.WithLogr(log), sync.WithPrune(false), sync.WithServerSideApply(*serverSide)}
	if *waveDelay > 0 {
		opts = append(opts, sync.WithSyncWaveHook(func(_ common.SyncPhase, _ int, final bool) error {
			if !final {
				time.Sleep(*waveDelay)
			}
			return nil
		}))
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	results, err := gitops.Sync(ctx, target, func(r *cache.Resource) bool { return r.Info == *app }, "bench", *namespace, opts...)
	failed := 0
	for _, r := range results {
		if r.Status != common.ResultCodeSynced && r.Status != common.ResultCodePruneSkipped {
			failed++
			fmt.Fprintf(os.Stderr, "%s: %s %s\n", r.ResourceKey.String(), r.Status, r.Message)
		}
	}
	if err != nil {
		fail(fmt.Sprintf("sync: %v", err))
	}
	if failed > 0 {
		fail(fmt.Sprintf("%d resources not synced", failed))
	}
	fmt.Printf("synced %d objects in %s\n", len(results), time.Since(start).Round(time.Millisecond))
}

// readManifests loads every manifest file under dir in name order and marks each object as ours.
func readManifests(dir, app string) ([]*unstructured.Unstructured, error) {
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
		}
		out = append(out, items...)
	}
	return out, nil
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "gitops-engine-sync:", msg)
	os.Exit(1)
}
