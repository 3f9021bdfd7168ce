package pin

import (
	"fmt"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	a, b := fakeDigest("a"), fakeDigest("b")
	key := "docker.io/library/nginx:1.27"
	item := func(current, pinned string) Item {
		return Item{File: "Dockerfile", Ref: Ref{Line: 1, Text: "nginx:1.27"}, Res: Resolution{Key: key, Tag: "1.27", Current: current, Pinned: pinned}}
	}
	tests := []struct {
		name string
		item Item
		lock map[string]string
		want []string // substrings, one per problem
	}{
		{"pinned and matching", item(a, a), map[string]string{key: a}, nil},
		{"pinned, not locked, tag still there", item(a, a), nil, nil},
		{"unpinned", item(a, ""), map[string]string{key: a}, []string{"not pinned"}},
		{"unpinned and moved", item(b, ""), map[string]string{key: a}, []string{"not pinned", "lock records " + a + ", the registry now serves " + b}},
		{"pinned, tag moved since the lock", item(b, a), map[string]string{key: a}, []string{"tag moved: the lock records " + a + ", the registry now serves " + b}},
		{"pinned, tag moved, no lock", item(b, a), nil, []string{"tag moved: pinned to " + a + ", the registry now serves " + b}},
		{"pinned elsewhere than the lock", item(a, b), map[string]string{key: a}, []string{"pinned to " + b + " but the lock records " + a}},
		{"digest gone", Item{Err: fmt.Errorf("x: %w", ErrNotFound)}, nil, []string{"not found"}},
		{"skipped is not a problem", Item{Err: errSkipped}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lock := &Lock{Version: LockVersion, Images: tt.lock}
			got := Check([]Item{tt.item}, lock)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d problems %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i].Message, w) {
					t.Errorf("problem %d = %q, want it to contain %q", i, got[i].Message, w)
				}
			}
		})
	}
}

func TestLockUpdate(t *testing.T) {
	a, b := fakeDigest("a"), fakeDigest("b")
	l := &Lock{Version: LockVersion, Images: map[string]string{"other:1": a}}
	conflicts := l.Update([]Item{
		{Res: Resolution{Key: "x:1", Current: a}},
		{Res: Resolution{Key: "y:1", Current: a, Pinned: b}},
		{Res: Resolution{Key: "z:1", Current: a}},
		{Res: Resolution{Key: "z:1", Current: a, Pinned: b}},
		{Res: Resolution{Key: "skipped:1"}, Err: errSkipped},
	})
	want := map[string]string{"other:1": a, "x:1": a, "y:1": b, "z:1": b}
	if fmt.Sprint(l.Images) != fmt.Sprint(want) {
		t.Errorf("lock = %v, want %v", l.Images, want)
	}
	if fmt.Sprint(conflicts) != "[z:1]" {
		t.Errorf("conflicts = %v, want [z:1]", conflicts)
	}
}
