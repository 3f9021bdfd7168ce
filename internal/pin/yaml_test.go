package pin

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseYAML(t *testing.T) {
	tests := []struct {
		name, in string
		want     []found
		wantErr  bool
	}{{
		name: "compose v3 with quoted and plain images",
		in: `version: "3.8"
services:
  web:
    image: "nginx:1.27"   # the front
    ports: ["80:80"]
  db:
    image: 'postgres:16'
  cache:
    image: redis
  built:
    build: .
`,
		want: []found{
			{Line: 4, Text: "nginx:1.27", Where: "services.web.image", At: "nginx:1.27"},
			{Line: 7, Text: "postgres:16", Where: "services.db.image", At: "postgres:16"},
			{Line: 9, Text: "redis", Where: "services.cache.image", At: "redis"},
		},
	}, {
		name: "compose v2 without version, variable skipped",
		in:   "services:\n  app:\n    image: ghcr.io/org/app:${TAG:-1.0}\n  worker: {image: busybox:1.36}\n",
		want: []found{
			{Line: 3, Text: "ghcr.io/org/app:${TAG:-1.0}", Where: "services.app.image", Skip: true},
			{Line: 4, Text: "busybox:1.36", Where: "services.worker.image", At: "busybox:1.36"},
		},
	}, {
		name: "kubernetes multi-document",
		in: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - name: init
    image: busybox:1.36
  containers:
  - name: app
    image: "ghcr.io/org/app:v1"
  - {name: side, image: envoyproxy/envoy:v1.31}
---
# a comment document separator above
apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
---
apiVersion: batch/v1
kind: CronJob
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - image: alpine:3.20
          ephemeralContainers:
          - image: debian:12
---
kind: List
items:
- kind: DaemonSet
  spec: {template: {spec: {containers: [{image: fluent/fluent-bit:3.1}]}}}
---
kind: ConfigMap
data: {image: not-an-image:1}
`,
		want: []found{
			{Line: 7, Text: "busybox:1.36", Where: "spec.initContainers[0].image", At: "busybox:1.36"},
			{Line: 10, Text: "ghcr.io/org/app:v1", Where: "spec.containers[0].image", At: "ghcr.io/org/app:v1"},
			{Line: 11, Text: "envoyproxy/envoy:v1.31", Where: "spec.containers[1].image", At: "envoyproxy/envoy:v1.31"},
			{Line: 21, Text: "nginx:1.27", Where: "spec.template.spec.containers[0].image", At: "nginx:1.27"},
			{Line: 31, Text: "alpine:3.20", Where: "spec.jobTemplate.spec.template.spec.containers[0].image", At: "alpine:3.20"},
			{Line: 33, Text: "debian:12", Where: "spec.jobTemplate.spec.template.spec.ephemeralContainers[0].image", At: "debian:12"},
			{Line: 38, Text: "fluent/fluent-bit:3.1", Where: "items[0].spec.template.spec.containers[0].image", At: "fluent/fluent-bit:3.1"},
		},
	}, {
		name: "escaped double-quoted scalar cannot be rewritten in place",
		in:   "services:\n  a:\n    image: \"nginx\\x3a1.27\"\n",
		want: []found{{Line: 3, Text: "nginx:1.27", Where: "services.a.image", Fixed: true}},
	}, {
		name: "unicode before the scalar on its line",
		in:   "services:\n  \"é\": {image: alpine:3.20}\n",
		want: []found{{Line: 2, Text: "alpine:3.20", Where: "services.é.image", At: "alpine:3.20"}},
	}, {
		name:    "not YAML",
		in:      "services: [\n",
		wantErr: true,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			refs, err := ParseYAML([]byte(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, summarize([]byte(tt.in), refs)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		path, data, want string
	}{
		{"Dockerfile", "", KindDockerfile},
		{"build/Containerfile", "", KindDockerfile},
		{"Dockerfile.prod", "", KindDockerfile},
		{"app.dockerfile", "", KindDockerfile},
		{"compose.yaml", "", KindYAML},
		{"k8s/deploy.YML", "", KindYAML},
		{"build.txt", "# c\nFROM alpine\n", KindDockerfile},
		{"notes.txt", "hello\nFROM alpine\n", ""},
	}
	for _, tt := range tests {
		got, err := KindOf(tt.path, []byte(tt.data))
		if got != tt.want || (err != nil) != (tt.want == "") {
			t.Errorf("KindOf(%q) = %q, %v; want %q", tt.path, got, err, tt.want)
		}
	}
}
