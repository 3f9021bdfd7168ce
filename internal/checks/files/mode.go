package files

import (
	"fmt"
	"io/fs"

	"github.com/customs-oss/customs/internal/facts"
)

// octal renders a mode the way chmod takes it, special bits included: 4755.
func octal(m fs.FileMode) string {
	v := uint32(m.Perm())
	if m&fs.ModeSetuid != 0 {
		v |= 0o4000
	}
	if m&fs.ModeSetgid != 0 {
		v |= 0o2000
	}
	if m&fs.ModeSticky != 0 {
		v |= 0o1000
	}
	return fmt.Sprintf("%04o", v)
}

var typeLetters = map[facts.Type]byte{
	facts.TypeFile: '-', facts.TypeDir: 'd', facts.TypeSymlink: 'l', facts.TypeHardlink: 'h',
	facts.TypeCharDevice: 'c', facts.TypeBlockDevice: 'b', facts.TypeFIFO: 'p', facts.TypeOther: '?',
}

// symbolic renders an entry's type and mode as ls does: -rwsr-xr-x.
func symbolic(e *facts.Entry) string {
	b := []byte("?rwxrwxrwx")
	if c, ok := typeLetters[e.Type]; ok {
		b[0] = c
	}
	for i := range 9 {
		if e.Mode&(1<<(8-i)) == 0 {
			b[i+1] = '-'
		}
	}
	special := func(pos int, set bool, lower, upper byte) {
		if !set {
			return
		}
		if b[pos] == '-' {
			b[pos] = upper
		} else {
			b[pos] = lower
		}
	}
	special(3, e.Mode&fs.ModeSetuid != 0, 's', 'S')
	special(6, e.Mode&fs.ModeSetgid != 0, 's', 'S')
	special(9, e.Mode&fs.ModeSticky != 0, 't', 'T')
	return string(b)
}

// describeMode is the evidence value of a permission finding:
// "-rwsr-xr-x 4755 uid=0 gid=0".
func describeMode(e *facts.Entry) string {
	return fmt.Sprintf("%s %s uid=%d gid=%d", symbolic(e), octal(e.Mode), e.UID, e.GID)
}
