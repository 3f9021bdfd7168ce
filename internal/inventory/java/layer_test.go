package java

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/inventory"
	"github.com/customs-oss/customs/internal/walk"
)

// TestLayer runs the extractor in the layer pass over an image's files.
func TestLayer(t *testing.T) {
	lib := jar(t, pom("org.yaml", "snakeyaml", "1.33"))
	war := jar(t, pom("com.example", "shop", "1.0.0"), entry{name: "WEB-INF/lib/snakeyaml-1.33.jar", data: lib})
	layer := imagetest.Layer(t,
		imagetest.File{Path: "usr/local/tomcat/webapps/shop.war", Content: string(war)},
		imagetest.File{Path: "usr/share/java/commons-io.jar", Content: string(jar(t, text("META-INF/MANIFEST.MF", commonsIOManifest)))},
		imagetest.File{Path: "opt/huge.jar", Size: maxArchive + 1},
		imagetest.File{Path: "etc/hosts", Content: "127.0.0.1 localhost\n"},
	)
	b := walk.Blob{Open: layer.Compressed, Digest: must(t, layer.Digest), Size: must(t, layer.Size), DiffID: must(t, layer.DiffID)}
	opt := walk.DefaultOptions()
	opt.Inventory = inventory.Set{Extractors: []inventory.Extractor{New()}}
	lf, err := walk.Layer(context.Background(), b, opt)
	if err != nil {
		t.Fatal(err)
	}
	want := []facts.Package{
		{Type: "maven", Name: "com.example:shop", Version: "1.0.0", Path: "usr/local/tomcat/webapps/shop.war!META-INF/maven/com.example/shop/pom.properties", Via: "java"},
		{Type: "maven", Name: "org.yaml:snakeyaml", Version: "1.33", Path: "usr/local/tomcat/webapps/shop.war!WEB-INF/lib/snakeyaml-1.33.jar!META-INF/maven/org.yaml/snakeyaml/pom.properties", Via: "java"},
		{Type: "maven", Name: "commons-io:commons-io", Version: "2.11.0", Path: "usr/share/java/commons-io.jar!META-INF/MANIFEST.MF", Via: "java"},
	}
	if diff := cmp.Diff(want, lf.Packages); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if len(lf.InventoryErrors) != 1 || !cmp.Equal(lf.InventoryErrors[0][:len("java: /opt/huge.jar is")], "java: /opt/huge.jar is") {
		t.Errorf("errors = %q, want the one for the over-limit jar", lf.InventoryErrors)
	}
}

func must[T any](t *testing.T, f func() (T, error)) T {
	t.Helper()
	v, err := f()
	if err != nil {
		t.Fatal(err)
	}
	return v
}
