package pin

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// maxDocuments bounds the documents read from one YAML stream.
const maxDocuments = 10000

// ParseYAML finds image references in a compose file (services.*.image) or
// in Kubernetes manifests, one or many documents: the containers,
// initContainers and ephemeralContainers of a Pod, of the pod template of a
// Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController or
// Job, of a CronJob's job template, and of the items of a List.
func ParseYAML(data []byte) ([]Ref, error) {
	y := yamlParser{data: data, lines: newLineIndex(data)}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for n := 0; ; n++ {
		if n == maxDocuments {
			return nil, fmt.Errorf("more than %d YAML documents", maxDocuments)
		}
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("parsing YAML document %d: %w", n+1, err)
		}
		if len(doc.Content) == 0 {
			continue
		}
		root := doc.Content[0]
		if services := get(root, "services"); services != nil && services.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(services.Content); i += 2 {
				svc := services.Content[i].Value
				y.image(get(services.Content[i+1], "image"), "services."+svc+".image")
			}
			continue
		}
		y.object(root, "", 0)
	}
	return y.refs, nil
}

type yamlParser struct {
	data  []byte
	lines lineIndex
	refs  []Ref
}

// object finds the pod specs of one Kubernetes object.
func (y *yamlParser) object(obj *yaml.Node, prefix string, depth int) {
	kind := get(obj, "kind")
	if kind == nil || depth > 4 {
		return
	}
	var spec *yaml.Node
	path := ""
	switch kind.Value {
	case "Pod":
		spec, path = get(obj, "spec"), "spec"
	case "PodTemplate":
		spec, path = get(get(obj, "template"), "spec"), "template.spec"
	case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job":
		spec, path = get(get(get(obj, "spec"), "template"), "spec"), "spec.template.spec"
	case "CronJob":
		spec = get(get(get(get(get(obj, "spec"), "jobTemplate"), "spec"), "template"), "spec")
		path = "spec.jobTemplate.spec.template.spec"
	case "List":
		if items := get(obj, "items"); items != nil && items.Kind == yaml.SequenceNode {
			for i, it := range items.Content {
				y.object(it, fmt.Sprintf("%sitems[%d].", prefix, i), depth+1)
			}
		}
		return
	}
	if spec == nil {
		return
	}
	for _, field := range []string{"initContainers", "containers", "ephemeralContainers"} {
		list := get(spec, field)
		if list == nil || list.Kind != yaml.SequenceNode {
			continue
		}
		for i, c := range list.Content {
			y.image(get(c, "image"), prefix+path+"."+field+"["+strconv.Itoa(i)+"].image")
		}
	}
}

// get returns the value of key in a mapping node, or nil.
func get(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// image records a scalar image reference and locates its text in the file.
func (y *yamlParser) image(n *yaml.Node, where string) {
	if n == nil || n.Kind != yaml.ScalarNode || n.Value == "" {
		return
	}
	r := Ref{Text: n.Value, Line: n.Line, Start: -1, End: -1, Where: where}
	if strings.Contains(n.Value, "${") || strings.HasPrefix(n.Value, "$") {
		r.Skip = "the reference is built from variables"
		y.refs = append(y.refs, r)
		return
	}
	off, ok := y.offset(n.Line, n.Column)
	switch {
	case !ok:
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		off++
		fallthrough
	case n.Style == 0:
		if off+len(n.Value) <= len(y.data) && string(y.data[off:off+len(n.Value)]) == n.Value {
			r.Start, r.End = off, off+len(n.Value)
		}
	}
	if r.Start < 0 {
		r.Fixed = "the scalar's text differs from its value (escapes, folding or a tag)"
	}
	y.refs = append(y.refs, r)
}

// offset turns a 1-based line and character column into a byte offset.
func (y *yamlParser) offset(line, col int) (int, bool) {
	if line < 1 || line > len(y.lines) || col < 1 {
		return 0, false
	}
	off := y.lines[line-1]
	for c := 1; c < col; c++ {
		if off >= len(y.data) || y.data[off] == '\n' {
			return 0, false
		}
		_, size := utf8.DecodeRune(y.data[off:])
		off += size
	}
	return off, true
}
