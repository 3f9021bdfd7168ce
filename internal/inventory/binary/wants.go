package binary

import (
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// Wants says whether e may be an executable: a regular file of some size
// that is executable, lies in a bin or sbin directory, or is named like a
// Windows program. It allocates nothing.
func (*Streamer) Wants(e *facts.Entry) bool {
	if e.Type != facts.TypeFile || e.Size < minSize {
		return false
	}
	if e.Executable() || strings.HasSuffix(e.Path, ".exe") {
		return true
	}
	dir := e.Path[:max(strings.LastIndexByte(e.Path, '/'), 0)]
	return dir == "bin" || dir == "sbin" || strings.HasSuffix(dir, "/bin") || strings.HasSuffix(dir, "/sbin")
}

// executable reports whether head starts like an ELF, PE or Mach-O file,
// the formats Go and Rust toolchains write.
func executable(head []byte) bool {
	if len(head) < 4 {
		return false
	}
	switch string(head[:4]) {
	case "\x7fELF",
		"\xfe\xed\xfa\xce", "\xfe\xed\xfa\xcf", "\xce\xfa\xed\xfe", "\xcf\xfa\xed\xfe", // Mach-O
		"\xca\xfe\xba\xbe": // universal Mach-O
		return true
	}
	return string(head[:2]) == "MZ"
}
