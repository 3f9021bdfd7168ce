package samples

import "strings"

// EICAR returns the 68-byte EICAR anti-virus test string, which every
// scanner detects by design. It is joined at run time from parts, so that
// neither this source file nor a compiled test binary holds it whole and
// trips a scanner on a developer's machine.
func EICAR() []byte {
	parts := []string{`X5O!P%@AP[4\PZX54(P^)7CC)7}$`, "EICAR", "-STANDARD-ANTIVIRUS", "-TEST-FILE!$H+H*"}
	return []byte(strings.Join(parts, ""))
}
