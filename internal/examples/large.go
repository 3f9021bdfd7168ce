package examples

import (
	"archive/tar"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/klauspost/compress/gzip"
)

// Large writes an image of ordinary files, about size bytes uncompressed in
// layers gzip layers, to dir: a Debian-like base and application layers of
// text, source code, libraries and binaries of realistic sizes and
// compressibility. The same arguments always give the same image.
func Large(out string, size int64, layers int) (string, error) {
	l, err := newLayout(out)
	if err != nil {
		return "", err
	}
	words := vocabulary()
	descs := make([]descriptor, layers)
	diffIDs := make([]string, layers)
	errs := make([]error, layers)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i := range layers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			descs[i], diffIDs[i], errs[i] = l.layer(gzip.DefaultCompression, func(tw *tar.Writer) error {
				return fillLarge(tw, i, size/int64(layers), words)
			})
		}()
	}
	wg.Wait()
	cf := v1.ConfigFile{Architecture: "amd64", OS: "linux", Created: v1.Time{Time: Epoch}, RootFS: v1.RootFS{Type: "layers"}}
	cf.Config = v1.Config{User: "1000", Cmd: []string{"/opt/app/bin/server"}, Env: []string{"PATH=/usr/local/bin:/usr/bin:/bin"}}
	for i := range layers {
		if errs[i] != nil {
			return "", fmt.Errorf("building layer %d: %w", i, errs[i])
		}
		h, err := v1.NewHash(diffIDs[i])
		if err != nil {
			return "", err
		}
		cf.RootFS.DiffIDs = append(cf.RootFS.DiffIDs, h)
		cf.History = append(cf.History, v1.History{Created: v1.Time{Time: Epoch}, CreatedBy: fmt.Sprintf("COPY layer%d /opt/ # buildkit", i)})
	}
	return l.finish("bench:large", cf, descs)
}

// fillLarge writes about size bytes of files for layer index i.
func fillLarge(tw *tar.Writer, i int, size int64, words []string) error {
	rng := rand.New(rand.NewPCG(uint64(i)+1, 42))
	if i == 0 {
		if err := writeEntries(tw, []entry{dir("etc/"), file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"), dir("bin/"), exe("bin/sh", "sh")}); err != nil {
			return err
		}
		if err := writePackages(tw); err != nil {
			return err
		}
	}
	buf := make([]byte, 8<<20)
	var written int64
	for n := 0; written < size; n++ {
		var fsize int
		switch r := rng.IntN(100); {
		case r < 60:
			fsize = 512 + rng.IntN(8<<10)
		case r < 95:
			fsize = 8<<10 + rng.IntN(248<<10)
		default:
			fsize = 256<<10 + rng.IntN(6<<20)
		}
		binary := rng.IntN(100) < 30
		content := buf[:fsize]
		if binary {
			fillBinary(rng, content)
		} else {
			fillText(rng, content, words)
		}
		name := fmt.Sprintf("opt/layer%d/d%03d/f%06d.%s", i, n%512, n, map[bool]string{true: "so", false: "txt"}[binary])
		hdr := &tar.Header{Name: name, Typeflag: tar.TypeReg, Mode: 0o644, Size: int64(fsize), ModTime: Epoch, Format: tar.FormatPAX}
		if binary {
			hdr.Mode = 0o755
		}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if _, err := tw.Write(content); err != nil {
			return err
		}
		written += int64(fsize) + 512
	}
	return nil
}

// fillBinary writes machine-code-like bytes: random, with runs of zeros, so
// they compress a little, as real binaries do.
func fillBinary(rng *rand.Rand, b []byte) {
	for i := 0; i < len(b); i += 8 {
		v := rng.Uint64()
		if v&7 == 0 {
			v = 0
		}
		for j := 0; j < 8 && i+j < len(b); j++ {
			b[i+j] = byte(v >> (8 * j))
		}
	}
}

// fillText writes lines of words, which compress about as well as source
// code and documentation.
func fillText(rng *rand.Rand, b []byte, words []string) {
	n := 0
	for n < len(b) {
		w := words[rng.IntN(len(words))]
		n += copy(b[n:], w)
		if n < len(b) {
			if rng.IntN(12) == 0 {
				b[n] = '\n'
			} else {
				b[n] = ' '
			}
			n++
		}
	}
}

func vocabulary() []string {
	base := strings.Fields(`func return if else for range var const type struct interface map chan go defer select case default package import error nil true false string int byte len cap append make new copy delete panic recover the of and to in is that it with as for was on are be this by from at or which an were have has had not but all can their will would there what so if about out up when who them some could into him time only also these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three`)
	return base
}
