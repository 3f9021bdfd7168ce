package walk

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/inventory"
)

// wantingStreamer returns the first streamer that reads e, or nil: a file is
// one kind of binary, so one streamer is enough.
func wantingStreamer(ss []inventory.Streamer, e *facts.Entry) inventory.Streamer {
	for _, s := range ss {
		if s.Wants(e) {
			return s
		}
	}
	return nil
}

// extract runs the inventory readers on one file: the extractors on its
// content, which head holds whole, and the streamer on head followed by the
// rest of the file from rest. Unreadable metadata is recorded in the layer
// facts, never fatal: the image is hostile input and the inspection goes
// on. Only a cancelled context ends the pass.
func extract(ctx context.Context, lf *facts.LayerFacts, e *facts.Entry, head []byte, readers []inventory.Extractor, streamer inventory.Streamer, rest io.Reader) error {
	for _, x := range readers {
		pkgs, err := x.Extract(ctx, e, head)
		if err := record(ctx, lf, x.Name(), e, pkgs, err); err != nil {
			return err
		}
	}
	if streamer == nil {
		return nil
	}
	pkgs, err := streamer.Stream(ctx, e, io.MultiReader(bytes.NewReader(head), rest))
	return record(ctx, lf, streamer.Name(), e, pkgs, err)
}

// record adds what one reader found, stamping each package with its file
// and reader, or the reason it found nothing.
func record(ctx context.Context, lf *facts.LayerFacts, via string, e *facts.Entry, pkgs []facts.Package, err error) error {
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		lf.InventoryErrors = append(lf.InventoryErrors, fmt.Sprintf("%s: /%s: %v", via, e.Path, err))
	}
	for _, p := range pkgs {
		if p.Path == "" {
			p.Path = e.Path
		}
		p.Via = via
		lf.Packages = append(lf.Packages, p)
	}
	return nil
}
