// Package samples provides real and generated test inputs for customs'
// tests: the XMRig miner binary and its configuration as published in the npm
// registry (fetched at test time, verified by sha256, cached, never
// executed), the EICAR test string, freshly generated private keys, and the
// cache directory and skip rules the slower test suites share.
//
// It is imported by tests only; internal/depcheck enforces that.
package samples
