package miner

import (
	"bytes"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPoolDomains(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"connect xmr.pool.minergate.com:45700", []string{"minergate.com"}},
		{"minergate.com", []string{"minergate.com"}},
		{"see https://minergate.com.", []string{"minergate.com"}},
		{"notminergate.com", nil},
		{"my-minergate.com", nil},
		{"minergate.com.evil.example", nil},
		{"minergate.community", nil},
		{"pool: gulf.moneroocean.stream:10128", []string{"moneroocean.stream"}},
		{"stratum+tcp://pool.minexmr.com:4444", []string{"stratum+tcp://pool.minexmr.com:4444"}},
		{`"url": "stratum+ssl://user:pass@rx.unmineable.com:443/x"`, []string{"stratum+ssl://user:pass@rx.unmineable.com:443"}},
		{"the Stratum protocol", nil},
	}
	m := sharedMatcher()
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := poolsIn(m.scan([]byte(tt.text)), []byte(tt.text))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("pools (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		kinds []kind
		want  bool
	}{
		{"xmrig donation host alone", "donate.v2.xmrig.com", []kind{program}, true},
		{"cpuminer usage", "Usage: cpuminer [OPTIONS]", []kind{program}, true},
		{"kinsing dropper", "curl -o /tmp/kdevtmpfsi http://x/kdevtmpfsi", []kind{program}, true},
		{"xmrig with randomx and cryptonight", "XMRig randomx cryptonight", []kind{program}, true},
		{"one mention of randomx", "uses the randomx hash", []kind{program}, false},
		{"randomx and cryptonight only", "randomx cryptonight CryptoNight RandomX", []kind{program}, false},
		{"stratum word", "stratum stratum Stratum", []kind{program, scheme, pool}, false},
		{"stratum url and pool in a binary", "stratum+tcp:// f2pool.com", []kind{program, scheme, pool}, true},
		{"kinsing word once", "kinsing", []kind{program}, false},
	}
	m := sharedMatcher()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			total, strongest, labels := m.scan([]byte(tt.text)).score(tt.kinds...)
			if got := conclusive(total, strongest, labels); got != tt.want {
				t.Errorf("conclusive = %v (total %d, strongest %d, %v), want %v", got, total, strongest, labels, tt.want)
			}
		})
	}
}

// TestPoolList checks the embedded list: lower case registered domains,
// no duplicates, no IP addresses.
func TestPoolList(t *testing.T) {
	m := sharedMatcher()
	var domains []string
	for _, p := range m.patterns {
		if p.kind != pool {
			continue
		}
		d := p.literal
		if slices.Contains(domains, d) {
			t.Errorf("domain %q listed twice", d)
		}
		domains = append(domains, d)
		for _, c := range []byte(d) {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
				t.Errorf("domain %q has %q", d, c)
			}
		}
		if d[len(d)-1] >= '0' && d[len(d)-1] <= '9' {
			t.Errorf("%q looks like an IP address", d)
		}
	}
	if len(domains) < 40 {
		t.Errorf("only %d pool domains", len(domains))
	}
}

// TestScanFindsEveryIndicator compares the one-pass scan with a naive
// search for each indicator, in content as large as an executable.
func TestScanFindsEveryIndicator(t *testing.T) {
	m := sharedMatcher()
	filler := make([]byte, 256<<10)
	for i := range filler {
		filler[i] = byte(i*7 + i/13)
	}
	for _, text := range []string{
		"donate.v2.xmrig.com stratum+tcp://xmr.pool.minergate.com:45700 notminergate.com randomx",
		"kdevtmpfsi\x00kinsing\x00UPX!\x00c3pool.com.\x00CoinHive.Anonymous",
	} {
		data := append(append(slices.Clone(filler), text...), filler...)
		var got []string
		for _, x := range m.scan(data).list {
			got = append(got, m.patterns[x.pattern].literal)
		}
		slices.Sort(got)
		var want []string
		for _, p := range m.patterns {
			for off := 0; ; {
				k := bytes.Index(data[off:], []byte(p.literal))
				if k < 0 {
					break
				}
				if p.kind != pool || domainBounded(data, off+k, off+k+len(p.literal)) {
					want = append(want, p.literal)
					break
				}
				off += k + 1
			}
		}
		slices.Sort(want)
		want = slices.Compact(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("scan differs from a naive search (-naive +scan):\n%s", diff)
		}
	}
}
