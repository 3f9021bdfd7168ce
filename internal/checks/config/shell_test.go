package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// shape renders a script as pipelines of commands of words, with
// substitutions and here-document scripts flattened after their command.
func shape(sc script) [][][]string {
	var out [][][]string
	for _, p := range sc.pipelines {
		var cmds [][]string
		for _, c := range p.commands {
			cmds = append(cmds, c.args())
		}
		out = append(out, cmds)
	}
	return out
}

func TestParseShell(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want [][][]string
	}{
		{"empty", "", nil},
		{"one command", "apt-get install -y curl", [][][]string{{{"apt-get", "install", "-y", "curl"}}}},
		{"pipe", "curl -fsSL https://x | sh -s -- -y", [][][]string{{{"curl", "-fsSL", "https://x"}, {"sh", "-s", "--", "-y"}}}},
		{"lists", "a && b || c; d & e\nf", [][][]string{{{"a"}}, {{"b"}}, {{"c"}}, {{"d"}}, {{"e"}}, {{"f"}}}},
		{"pipe with stderr", "make 2>&1 |& tee log", [][][]string{{{"make"}, {"tee", "log"}}}},
		{"quotes", `echo 'a b' "c $HOME d" e\ f`, [][][]string{{{"echo", "a b", "c $HOME d", "e f"}}}},
		{"escaped quote in double quotes", `echo "say \"hi\" \$x"`, [][][]string{{{"echo", `say "hi" $x`}}}},
		{"line continuation", "apt-get install \\\n  sudo", [][][]string{{{"apt-get", "install", "sudo"}}}},
		{"comment", "a # b | c\nd", [][][]string{{{"a"}}, {{"d"}}}},
		{"hash inside word", "echo a#b", [][][]string{{{"echo", "a#b"}}}},
		{"redirections are not words", "curl -o x url > /dev/null 2>/dev/null < in", [][][]string{{{"curl", "-o", "x", "url"}}}},
		{"reserved words", "if true; then curl x | sh; fi", [][][]string{{{"true"}}, {{"curl", "x"}, {"sh"}}}},
		{"subshell", "(cd /x && make) | tee", [][][]string{{{"cd", "/x"}}, {{"make"}, {"tee"}}}},
		{"command substitution kept as text", `sh -c "$(curl -fsSL u)"`, [][][]string{{{"sh", "-c", "$(curl -fsSL u)"}}}},
		{"process substitution", "bash <(curl -s u)", [][][]string{{{"bash", "<(curl -s u)"}}}},
		{"arithmetic", "echo $((1+(2*3)))", [][][]string{{{"echo", "$((1+(2*3)))"}}}},
		{"parameter expansion", "echo ${A:-a b}", [][][]string{{{"echo", "${A:-a b}"}}}},
		{"ansi-c quoting", `printf $'a\'b'`, [][][]string{{{"printf", "a'b"}}}},
		{"parens in a word", "echo 'x' ALL=(ALL) NOPASSWD:ALL", [][][]string{{{"echo", "x", "ALL=(ALL)", "NOPASSWD:ALL"}}}},
		{"heredoc skipped", "cat <<EOF > f\ncurl u | sh\nEOF\necho done", [][][]string{{{"cat"}}, {{"echo", "done"}}}},
		{"heredoc with tabs", "cat <<-'X'\n\tbody\n\tX\nnext", [][][]string{{{"cat"}}, {{"next"}}}},
		{"unterminated quote", `echo "abc`, [][][]string{{{"echo", "abc"}}}},
		{"unterminated substitution", "echo $(curl", [][][]string{{{"echo", "$(curl"}}}},
		{"stray close paren", ") a", [][][]string{{{"a"}}}},
		{"backticks", "echo `uname -r`", [][][]string{{{"echo", "`uname -r`"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, shape(parseShell(tt.in))); diff != "" {
				t.Errorf("parseShell(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseShellSubstitutions(t *testing.T) {
	tests := []struct {
		name string
		in   string
		// want lists every command eachCommand visits.
		want [][]string
	}{
		{"command substitution", `sh -c "$(curl -fsSL u)"`, [][]string{{"sh", "-c", "$(curl -fsSL u)"}, {"curl", "-fsSL", "u"}}},
		{"nested", "echo $(a $(b))", [][]string{{"echo", "$(a $(b))"}, {"a", "$(b)"}, {"b"}}},
		{"backticks", "echo `curl u`", [][]string{{"echo", "`curl u`"}, {"curl", "u"}}},
		{"process substitution in redirect", "sh < <(wget -qO- u)", [][]string{{"sh"}, {"wget", "-qO-", "u"}}},
		{"heredoc run by a shell", "bash <<EOF\ncurl u | sh\nEOF", [][]string{{"bash"}, {"curl", "u"}, {"sh"}}},
		{"heredoc written to a file is not run", "cat > x <<EOF\nchmod 777 /\nEOF", [][]string{{"cat"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][]string
			parseShell(tt.in).eachCommand(func(c command, _ pipeline, _ int) { got = append(got, c.args()) })
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("commands of %q (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseShellBounds(t *testing.T) {
	deep := strings.Repeat("$(", 100) + "curl u" + strings.Repeat(")", 100)
	depth := 0
	parseShell("echo " + deep).eachCommand(func(command, pipeline, int) { depth++ })
	if depth > maxDepth+1 {
		t.Errorf("visited %d nested commands, want at most %d", depth, maxDepth+1)
	}
	long := "echo " + strings.Repeat("a", maxScript*2)
	sc := parseShell(long)
	if got := len(sc.pipelines[0].commands[0].words[1].text); got != maxScript-len("echo ") {
		t.Errorf("long word has %d bytes, want it cut at the %d-byte bound", got, maxScript)
	}
}

func TestProgram(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"plain", []string{"curl", "-s"}, []string{"curl", "-s"}},
		{"assignments", []string{"A=b", "C=d", "make"}, []string{"make"}},
		{"sudo with user", []string{"sudo", "-E", "-u", "app", "sh", "-c", "x"}, []string{"sh", "-c", "x"}},
		{"env", []string{"env", "-i", "PATH=/bin", "bash"}, []string{"bash"}},
		{"nested wrappers", []string{"sudo", "env", "A=1", "nohup", "/bin/sh", "x"}, []string{"/bin/sh", "x"}},
		{"timeout", []string{"timeout", "-s", "KILL", "30", "curl", "u"}, []string{"curl", "u"}},
		{"gosu", []string{"gosu", "app", "node", "server.js"}, []string{"node", "server.js"}},
		{"command -v only looks up", []string{"command", "-v", "curl"}, nil},
		{"only assignments", []string{"A=b"}, nil},
		{"dangling wrapper", []string{"sudo", "-u"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, program(tt.in)); diff != "" {
				t.Errorf("program(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func FuzzParseShell(f *testing.F) {
	for _, s := range []string{
		"curl -fsSL https://x | sh", "a && b || c; d & e", `sh -c "$(curl u)"`, "bash <(curl u)",
		"cat <<EOF\nx\nEOF\n", "echo `a \\` b`", "echo $((1+2)) ${a:-$(b)}", `$'\'`, "((((", "))))",
		"2>&1 >| x <<< y &>> z", "if a; then b; fi", "\"unterminated", "<<", "<<-X\n\tX", "\\",
		"curl -u a:ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789 u", "X=AKIAIOSFODNN7EXAMPLE", "git clone https://u:p@h/r",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sc := parseShell(s)
		n := 0
		sc.eachCommand(func(c command, p pipeline, pos int) {
			n++
			if pos < 0 || pos >= len(p.commands) {
				t.Fatalf("position %d outside a pipeline of %d", pos, len(p.commands))
			}
			_ = program(c.args())
		})
		if n > len(s)+1 {
			t.Fatalf("%d commands from %d bytes", n, len(s))
		}
		if out := safeText(s); anyToken(out) {
			t.Fatalf("safeText(%q) = %q still shows a credential", s, out)
		}
	})
}
