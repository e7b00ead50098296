// Command wavesync-logd makes `kubectl logs` on kwok-simulated pods return
// lines chosen by the test.
//
// It watches Pods; for every pod carrying the annotation
//
//	wavesync.test/log: "line 1\nline 2"            (all containers)
//	wavesync.test/log.<container>: "..."           (one container; wins over the above)
//
// it writes the lines as a CRI-format log file under -dir and server-side
// applies a kwok `Logs` object (kwok.x-k8s.io/v1alpha1, same name/namespace as
// the pod, owned by the pod) pointing at those files. kwok (started with
// --enable-crds=Logs) then serves them on the kubelet API, and kube-apiserver
// proxies `GET pods/log` there.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/tools/clientcmd"
)

const (
	annotation      = "wavesync.test/log"
	containerPrefix = "wavesync.test/log."
	fieldManager    = "wavesync-logd"
)

var logsGVR = schema.GroupVersionResource{Group: "kwok.x-k8s.io", Version: "v1alpha1", Resource: "logs"}

type daemon struct {
	dir string
	dyn dynamic.Interface
}

func main() {
	kubeconfig := flag.String("kubeconfig", "", "kubeconfig")
	dir := flag.String("dir", "", "directory for the generated log files")
	flag.Parse()
	if *kubeconfig == "" || *dir == "" {
		log.Fatal("usage: wavesync-logd -kubeconfig FILE -dir DIR")
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		log.Fatal(err)
	}
	cfg, err := clientcmd.BuildConfigFromFlags("", *kubeconfig)
	if err != nil {
		log.Fatal(err)
	}
	cfg.QPS, cfg.Burst = 100, 200
	cs := kubernetes.NewForConfigOrDie(cfg)
	d := &daemon{dir: *dir, dyn: dynamic.NewForConfigOrDie(cfg)}

	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer cancel()

	factory := informers.NewSharedInformerFactory(cs, 0)
	inf := factory.Core().V1().Pods().Informer()
	_, err = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc:    func(obj any) { d.sync(ctx, obj) },
		UpdateFunc: func(_, obj any) { d.sync(ctx, obj) },
		DeleteFunc: func(obj any) { d.remove(obj) },
	})
	if err != nil {
		log.Fatal(err)
	}
	factory.Start(ctx.Done())
	factory.WaitForCacheSync(ctx.Done())
	log.Printf("wavesync-logd watching pods, writing to %s", *dir)
	<-ctx.Done()
}

func (d *daemon) podDir(p *corev1.Pod) string {
	return filepath.Join(d.dir, p.Namespace+"_"+p.Name+"_"+string(p.UID))
}

// criLines renders text as CRI log lines ("<RFC3339Nano> stdout F <line>").
func criLines(text string, ts time.Time) []byte {
	text = strings.TrimSuffix(text, "\n")
	var b strings.Builder
	for _, line := range strings.Split(text, "\n") {
		fmt.Fprintf(&b, "%s stdout F %s\n", ts.UTC().Format(time.RFC3339Nano), line)
	}
	return []byte(b.String())
}

func (d *daemon) sync(ctx context.Context, obj any) {
	p, ok := obj.(*corev1.Pod)
	if !ok || p.DeletionTimestamp != nil {
		return
	}
	all, hasAll := p.Annotations[annotation]
	perContainer := map[string]string{}
	for k, v := range p.Annotations {
		if strings.HasPrefix(k, containerPrefix) {
			perContainer[strings.TrimPrefix(k, containerPrefix)] = v
		}
	}
	if !hasAll && len(perContainer) == 0 {
		return
	}

	// Skip pods whose annotations were already materialised.
	h := sha256.New()
	keys := make([]string, 0, len(perContainer))
	for k := range perContainer {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(h, "%v\x00%s", hasAll, all)
	for _, k := range keys {
		fmt.Fprintf(h, "\x00%s\x00%s", k, perContainer[k])
	}
	sum := hex.EncodeToString(h.Sum(nil))[:16]
	dir := d.podDir(p)
	stamp := filepath.Join(dir, ".hash")
	if b, err := os.ReadFile(stamp); err == nil && string(b) == sum {
		return
	}

	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Printf("mkdir %s: %v", dir, err)
		return
	}
	ts := p.CreationTimestamp.Time
	if ts.IsZero() {
		ts = time.Now()
	}
	var logs []any
	for _, k := range keys {
		f := filepath.Join(dir, "c-"+k+".log")
		if err := os.WriteFile(f, criLines(perContainer[k], ts), 0o644); err != nil {
			log.Printf("write %s: %v", f, err)
			return
		}
		logs = append(logs, map[string]any{"containers": []any{k}, "logsFile": f})
	}
	if hasAll {
		f := filepath.Join(dir, "all.log")
		if err := os.WriteFile(f, criLines(all, ts), 0o644); err != nil {
			log.Printf("write %s: %v", f, err)
			return
		}
		logs = append(logs, map[string]any{"logsFile": f}) // no containers: default for the pod
	}

	u := &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": "kwok.x-k8s.io/v1alpha1",
		"kind":       "Logs",
		"metadata": map[string]any{
			"name":      p.Name,
			"namespace": p.Namespace,
			"ownerReferences": []any{map[string]any{
				"apiVersion": "v1", "kind": "Pod", "name": p.Name, "uid": string(p.UID),
			}},
		},
		"spec": map[string]any{"logs": logs},
	}}
	_, err := d.dyn.Resource(logsGVR).Namespace(p.Namespace).Apply(ctx, p.Name, u,
		metav1.ApplyOptions{FieldManager: fieldManager, Force: true})
	if err != nil {
		log.Printf("apply Logs %s/%s: %v", p.Namespace, p.Name, err)
		return
	}
	_ = os.WriteFile(stamp, []byte(sum), 0o644)
}

func (d *daemon) remove(obj any) {
	if t, ok := obj.(cache.DeletedFinalStateUnknown); ok {
		obj = t.Obj
	}
	p, ok := obj.(*corev1.Pod)
	if !ok {
		return
	}
	// The Logs object is garbage-collected through its ownerReference.
	_ = os.RemoveAll(d.podDir(p))
}
