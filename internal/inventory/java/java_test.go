package java

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

func maven(name, version, path string) facts.Package {
	return facts.Package{Type: "maven", Name: name, Version: version, Path: path}
}

func TestExtract(t *testing.T) {
	lib := jar(t, text("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"), pom("org.yaml", "snakeyaml", "1.33"), text("org/yaml/snakeyaml/Yaml.class", "\xca\xfe\xba\xbe"))
	log4j := jar(t, pom("org.apache.logging.log4j", "log4j-core", "2.14.1"), pom("org.apache.logging.log4j", "log4j-api", "2.14.1"))
	level4 := jar(t, pom("com.example", "deepest", "4.0"))
	level3 := jar(t, pom("com.example", "deep", "3.0"), entry{name: "lib/deepest-4.0.jar", data: level4})
	level2 := jar(t, pom("com.example", "middle", "2.0"), entry{name: "lib/deep-3.0.jar", data: level3})
	level1 := jar(t, entry{name: "lib/middle.jar", data: level2})
	for _, tc := range []struct {
		name    string
		path    string
		data    []byte
		want    []facts.Package
		wantErr string
	}{{
		name: "pom.properties",
		path: "usr/share/java/snakeyaml.jar",
		data: lib,
		want: []facts.Package{maven("org.yaml:snakeyaml", "1.33", "usr/share/java/snakeyaml.jar!META-INF/maven/org.yaml/snakeyaml/pom.properties")},
	}, {
		name: "shaded jar lists every pom.properties",
		path: "app/log4j-core-2.14.1.jar",
		data: log4j,
		want: []facts.Package{
			maven("org.apache.logging.log4j:log4j-core", "2.14.1", "app/log4j-core-2.14.1.jar!META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties"),
			maven("org.apache.logging.log4j:log4j-api", "2.14.1", "app/log4j-core-2.14.1.jar!META-INF/maven/org.apache.logging.log4j/log4j-api/pom.properties"),
		},
	}, {
		name: "manifest with vendor id",
		path: "usr/share/java/commons-io.jar",
		data: jar(t, text("META-INF/MANIFEST.MF", commonsIOManifest)),
		want: []facts.Package{maven("commons-io:commons-io", "2.11.0", "usr/share/java/commons-io.jar!META-INF/MANIFEST.MF")},
	}, {
		name: "bundle manifest",
		path: "usr/share/java/guava.jar",
		data: jar(t, text("META-INF/MANIFEST.MF", guavaManifest)),
		want: []facts.Package{maven("guava", "31.1.0.jre", "usr/share/java/guava.jar!META-INF/MANIFEST.MF")},
	}, {
		name: "file name",
		path: "opt/app/lib/commons-lang3-3.12.0.jar",
		data: jar(t, text("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nCreated-By: 17 (Oracle)\n")),
		want: []facts.Package{maven("commons-lang3", "3.12.0", "opt/app/lib/commons-lang3-3.12.0.jar")},
	}, {
		name: "nothing to name it by",
		path: "opt/app/app.jar",
		data: jar(t, text("com/example/Main.class", "\xca\xfe\xba\xbe")),
	}, {
		name: "war",
		path: "usr/local/tomcat/webapps/shop.war",
		data: jar(t, pom("com.example", "shop", "1.0.0"),
			entry{name: "WEB-INF/lib/snakeyaml-1.33.jar", data: lib},
			entry{name: "WEB-INF/lib/log4j-core-2.14.1.jar", data: log4j}),
		want: []facts.Package{
			maven("com.example:shop", "1.0.0", "usr/local/tomcat/webapps/shop.war!META-INF/maven/com.example/shop/pom.properties"),
			maven("org.yaml:snakeyaml", "1.33", "usr/local/tomcat/webapps/shop.war!WEB-INF/lib/snakeyaml-1.33.jar!META-INF/maven/org.yaml/snakeyaml/pom.properties"),
			maven("org.apache.logging.log4j:log4j-core", "2.14.1", "usr/local/tomcat/webapps/shop.war!WEB-INF/lib/log4j-core-2.14.1.jar!META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties"),
			maven("org.apache.logging.log4j:log4j-api", "2.14.1", "usr/local/tomcat/webapps/shop.war!WEB-INF/lib/log4j-core-2.14.1.jar!META-INF/maven/org.apache.logging.log4j/log4j-api/pom.properties"),
		},
	}, {
		name: "spring boot jar with stored nested jars",
		path: "app.jar",
		data: jar(t, text("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: org.springframework.boot.loader.JarLauncher\n"),
			entry{name: "BOOT-INF/lib/snakeyaml-1.33.jar", data: lib, stored: true}),
		want: []facts.Package{maven("org.yaml:snakeyaml", "1.33", "app.jar!BOOT-INF/lib/snakeyaml-1.33.jar!META-INF/maven/org.yaml/snakeyaml/pom.properties")},
	}, {
		name: "ear four levels deep",
		path: "app.ear",
		data: jar(t, entry{name: "lib/outer.jar", data: level1}),
		want: []facts.Package{
			maven("com.example:middle", "2.0", "app.ear!lib/outer.jar!lib/middle.jar!META-INF/maven/com.example/middle/pom.properties"),
			maven("com.example:deep", "3.0", "app.ear!lib/outer.jar!lib/middle.jar!lib/deep-3.0.jar!META-INF/maven/com.example/deep/pom.properties"),
		},
		wantErr: `"app.ear!lib/outer.jar!lib/middle.jar!lib/deep-3.0.jar!lib/deepest-4.0.jar" is nested deeper than 3 archives`,
	}, {
		name:    "damaged nested archive",
		path:    "shop.war",
		data:    jar(t, entry{name: "WEB-INF/lib/broken.jar", data: []byte("PK\x03\x04 not really")}, entry{name: "WEB-INF/lib/snakeyaml-1.33.jar", data: lib}),
		want:    []facts.Package{maven("org.yaml:snakeyaml", "1.33", "shop.war!WEB-INF/lib/snakeyaml-1.33.jar!META-INF/maven/org.yaml/snakeyaml/pom.properties")},
		wantErr: `"shop.war!WEB-INF/lib/broken.jar": opening archive`,
	}, {
		name:    "not a zip",
		path:    "fake.jar",
		data:    []byte("#!/bin/sh\necho hello\n"),
		wantErr: "opening archive",
	}, {
		name: "unresolved version",
		path: "x.jar",
		data: jar(t, text("META-INF/maven/com.example/x/pom.properties", "groupId=com.example\nartifactId=x\nversion=${project.version}\n")),
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := New().Extract(context.Background(), &facts.Entry{Path: tc.path, Size: int64(len(tc.data))}, tc.data)
			if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Errorf("error = %v, want %q", err, tc.wantErr)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestLimit(t *testing.T) {
	for _, tc := range []struct {
		path string
		want int64
	}{
		{"app.jar", maxArchive}, {"x/y.WAR", maxArchive}, {"a.ear", maxArchive}, {"p.hpi", maxArchive},
		{"p.jpi", maxArchive}, {"s.sar", maxArchive}, {"q.par", maxArchive},
		{"jar", 0}, {"x.jar.sha1", 0}, {"x.zip", 0}, {"x.jarx", 0},
	} {
		if got := New().Limit(&facts.Entry{Path: tc.path, Type: facts.TypeFile}); got != tc.want {
			t.Errorf("Limit(%q) = %d, want %d", tc.path, got, tc.want)
		}
	}
	if got := New().Limit(&facts.Entry{Path: "lib.jar", Type: facts.TypeDir}); got != 0 {
		t.Errorf("Limit(directory) = %d", got)
	}
}
