package npm

import "testing"

func TestInstalled(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"usr/lib/node_modules/npm/package.json", true},
		{"node_modules/express/package.json", true},
		{"app/node_modules/@babel/core/package.json", true},
		{"app/node_modules/send/node_modules/ms/package.json", true},
		{"app/node_modules/.pnpm/ms@2.1.3/node_modules/ms/package.json", true},
		{"app/package.json", false},
		{"package.json", false},
		{"app/node_modules/package.json", false},
		{"app/node_modules/@babel/package.json", false},
		{"app/node_modules/.bin/package.json", false},
		{"app/node_modules/express/lib/package.json", false},
		{"app/node_modules/@babel/core/lib/package.json", false},
		{"app/node_modules/express/package.json.bak", false},
		{"app/my_node_modules/express/package.json", false},
	}
	for _, tt := range tests {
		if got := installed(tt.path); got != tt.want {
			t.Errorf("installed(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestLockFile(t *testing.T) {
	tests := []struct {
		path, want string
	}{
		{"app/package-lock.json", "package-lock.json"},
		{"package-lock.json", "package-lock.json"},
		{"srv/app/npm-shrinkwrap.json", "npm-shrinkwrap.json"},
		{"srv/app/yarn.lock", "yarn.lock"},
		{"app/node_modules/.package-lock.json", ""},
		{"app/node_modules/x/package-lock.json", ""},
		{"node_modules/x/yarn.lock", ""},
		{"app/package.json", ""},
		{"app/my-yarn.lock", ""},
	}
	for _, tt := range tests {
		if got := lockFile(tt.path); got != tt.want {
			t.Errorf("lockFile(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}
