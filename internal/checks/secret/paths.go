package secret

import (
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// Size bounds of the files the secret checks read.
const (
	// maxTextFile is the largest file with a text extension that is read.
	maxTextFile = 4 << 20
	// maxOtherFile is the largest file without a known text extension that
	// is read; binaries are bigger, and those that are not are sniffed.
	maxOtherFile = 512 << 10
)

// skippedDirs hold files that are either public by nature (documentation,
// locales, certificates), generated, or third-party package trees whose
// test fixtures would drown real findings (gitleaks' global allow list
// skips them too).
var skippedDirs = []string{
	"proc/", "sys/", "dev/",
	"usr/share/doc/", "usr/share/man/", "usr/share/info/", "usr/share/locale/", "usr/share/i18n/",
	"usr/share/zoneinfo/", "usr/share/icons/", "usr/share/fonts/", "usr/share/mime/", "usr/share/terminfo/",
	"usr/share/X11/", "usr/share/common-licenses/", "usr/lib/locale/", "lib/terminfo/", "usr/include/",
	"etc/ssl/certs/", "usr/share/ca-certificates/", "etc/pki/ca-trust/", "etc/ca-certificates/",
	"var/lib/apt/lists/", "var/cache/", "var/lib/dpkg/info/", "lib/apk/db/", "var/lib/rpm/",
}

// thirdParty are path fragments of package trees that gitleaks allows as a
// whole: installed dependencies, not the image's own files.
var thirdParty = []string{
	"node_modules/", "bower_components/", "site-packages/", "dist-packages/", "go/pkg/mod/",
	"vendor/github.com/", "vendor/golang.org/", "vendor/bundle/", ".cargo/registry/", ".m2/repository/",
	".gradle/caches/", ".npm/_cacache/", ".cache/pip/", ".cache/go-build/",
	// Go toolchains: their sources carry the test keys of crypto/tls and crypto/x509.
	"usr/local/go/", "usr/lib/go-", "usr/lib/golang/",
}

// skippedExt are extensions of media, archives, compiled code and data that
// hold no readable secret.
var skippedExt = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".bmp": true, ".ico": true, ".svg": true,
	".webp": true, ".tif": true, ".tiff": true, ".mp3": true, ".mp4": true, ".avi": true, ".mov": true,
	".wav": true, ".ogg": true, ".flac": true, ".woff": true, ".woff2": true, ".ttf": true, ".otf": true,
	".eot": true, ".pdf": true, ".zip": true, ".gz": true, ".tgz": true, ".bz2": true, ".xz": true,
	".zst": true, ".lz4": true, ".7z": true, ".rar": true, ".jar": true, ".war": true, ".ear": true,
	".whl": true, ".egg": true, ".so": true, ".a": true, ".o": true, ".ko": true, ".dll": true,
	".exe": true, ".bin": true, ".dat": true, ".db": true, ".sqlite": true, ".pyc": true, ".pyo": true,
	".class": true, ".node": true, ".wasm": true, ".pack": true, ".idx": true, ".mo": true, ".gmo": true,
	".deb": true, ".rpm": true, ".apk": true, ".iso": true, ".img": true, ".qcow2": true, ".map": true,
	".md5sums": true, ".list": true, ".sum": true, ".mod": true, ".lock": true, ".cache": true,
	".pdb": true, ".dylib": true, ".br": true, ".lzma": true, ".z": true, ".xpi": true, ".crx": true,
	".crt": true, ".cer": true, ".der": true, ".pub": true, ".csr": true,
}

// textExt are extensions of configuration, scripts and source files, read
// up to maxTextFile.
var textExt = map[string]bool{
	".env": true, ".json": true, ".yaml": true, ".yml": true, ".toml": true, ".ini": true, ".conf": true,
	".cfg": true, ".config": true, ".properties": true, ".xml": true, ".sh": true, ".bash": true,
	".zsh": true, ".py": true, ".js": true, ".mjs": true, ".cjs": true, ".ts": true, ".go": true,
	".rb": true, ".php": true, ".java": true, ".kt": true, ".cs": true, ".tf": true, ".tfvars": true,
	".hcl": true, ".tfstate": true, ".pem": true, ".key": true, ".txt": true, ".sql": true, ".ps1": true,
	".npmrc": true, ".pypirc": true, ".netrc": true, ".ppk": true, ".asc": true, ".rs": true,
	".pl": true, ".lua": true, ".groovy": true, ".gradle": true, ".scala": true, ".swift": true,
}

// wantsText reports whether a file may hold a readable secret, by its path,
// extension and size alone.
func wantsText(e *facts.Entry) bool {
	if e.Type != facts.TypeFile || e.Size <= 0 || e.Size > maxTextFile {
		return false
	}
	if hasAnyPrefix(e.Path, skippedDirs) || isThirdParty(e.Path) {
		return false
	}
	ext := strings.ToLower(path.Ext(e.Path))
	if skippedExt[ext] {
		return false
	}
	return textExt[ext] || e.Size <= maxOtherFile
}

func hasAnyPrefix(p string, prefixes []string) bool {
	for _, pre := range prefixes {
		if strings.HasPrefix(p, pre) {
			return true
		}
	}
	return false
}

// isThirdParty reports whether p lies in an installed package tree.
func isThirdParty(p string) bool {
	for _, frag := range thirdParty {
		if i := strings.Index(p, frag); i == 0 || i > 0 && p[i-1] == '/' {
			return true
		}
	}
	return false
}

// systemDirs hold files that the distribution's packages install: only
// credentials with a distinctive format are looked for there, since
// generic assignments in shipped scripts and libraries are not secrets.
var systemDirs = []string{
	"usr/lib/", "usr/lib64/", "usr/libexec/", "usr/share/", "lib/", "lib64/", "usr/bin/", "usr/sbin/",
	"bin/", "sbin/", "usr/local/go/", "usr/local/lib/python", "opt/java/", "usr/lib/jvm/",
}

func isSystemPath(p string) bool { return hasAnyPrefix(p, systemDirs) }

// testSegments are directory names of test and example material.
var testSegments = map[string]bool{
	"test": true, "tests": true, "testdata": true, "testing": true, "fixtures": true, "fixture": true,
	"__tests__": true, "spec": true, "specs": true, "example": true, "examples": true, "sample": true,
	"samples": true, "demo": true, "demos": true, "mocks": true, "__mocks__": true, "docs": true, "doc": true,
}

// isTestPath reports whether p is test, example or documentation material,
// where keys and tokens are almost always fakes (gitleaks' convention).
func isTestPath(p string) bool {
	dir, base := path.Split(p)
	for seg := range strings.SplitSeq(strings.TrimSuffix(dir, "/"), "/") {
		s := strings.ToLower(seg)
		if testSegments[s] || strings.HasPrefix(s, "test") || strings.HasSuffix(s, "test") || strings.HasSuffix(s, "tests") {
			return true
		}
	}
	b := strings.ToLower(base)
	for _, suf := range []string{"_test.go", "_test.py", ".test.js", ".spec.js", ".test.ts", ".spec.ts", "_spec.rb", "_test.rb",
		".md", ".rst", ".adoc", ".example", ".sample", ".dist", ".template", ".tmpl", ".tpl"} {
		if strings.HasSuffix(b, suf) {
			return true
		}
	}
	return strings.HasPrefix(b, "test_") || strings.HasPrefix(b, "readme") || strings.HasPrefix(b, "example")
}

// isBinary reports whether data is not text the engine can read: an ELF or
// other executable format, or bytes with NULs near the start.
func isBinary(data []byte) bool {
	head := data[:min(len(data), 1024)]
	for _, c := range head {
		if c == 0 {
			return true
		}
	}
	return len(head) >= 4 && string(head[:4]) == "\x7fELF"
}

// configExt are extensions of configuration files, where a secret-named
// assignment is a configured value rather than code.
var configExt = map[string]bool{
	".env": true, ".json": true, ".yaml": true, ".yml": true, ".toml": true, ".ini": true, ".conf": true,
	".cfg": true, ".config": true, ".properties": true, ".xml": true, ".tf": true, ".tfvars": true,
	".hcl": true, ".tfstate": true, ".sh": true, ".bash": true, ".txt": true, ".npmrc": true, ".pypirc": true,
	".netrc": true, ".cnf": true, ".credentials": true, ".secret": true, ".secrets": true,
}

// configLike reports whether generic rules run on a file: configuration by
// extension, dotfiles, files without an extension and anything under /etc.
// In source code a generic assignment is nearly always code; the rules for
// distinctive formats still run there.
func configLike(p string) bool {
	base := path.Base(p)
	ext := strings.ToLower(path.Ext(base))
	return configExt[ext] || ext == "" || strings.HasPrefix(base, ".") || strings.HasPrefix(p, "etc/")
}
