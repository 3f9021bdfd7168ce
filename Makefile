# customs: the two commands that matter are `make demo` and `make test`.
SHELL := /bin/bash
export PATH := /usr/local/go/bin:$(HOME)/go/bin:$(PATH)
GO ?= go
BIN := bin
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X github.com/customs-oss/customs/internal/cli.Version=$(VERSION)
FUZZTIME ?= 30s

.PHONY: all build demo test test-deps lint docs bench fuzz clean

all: build

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN)/customs ./cmd/customs
	$(GO) build -trimpath -o $(BIN)/mkexamples ./internal/examples/mkexamples

# demo builds two example images with customs' own code (one clean, one with
# many problems) and inspects both. The second is rejected: that is the point.
# --offline: the example images exist only here, so Docker Hub has no
# publisher to tell about them.
demo: build
	@rm -rf demo/out && $(BIN)/mkexamples demo demo/out
	@echo '$$ customs inspect oci:demo/out/clean --offline'
	@$(BIN)/customs inspect oci:demo/out/clean --offline --no-cache; echo "exit code $$?"
	@echo
	@echo '$$ customs inspect oci:demo/out/problems --offline'
	@$(BIN)/customs inspect oci:demo/out/problems --offline --no-cache; echo "exit code $$? (3 = rejected by the policy)"
	@echo
	@echo '$$ customs db import --db demo/out/vulns.db internal/vulns/testdata/alpine-secdb/v3.10/main.yaml'
	@$(BIN)/customs db import --db demo/out/vulns.db internal/vulns/testdata/alpine-secdb/v3.10/main.yaml
	@echo '$$ customs inspect docker-archive:internal/cleanimage/testdata/alpine-310.tar.gz --db demo/out/vulns.db --offline'
	@$(BIN)/customs inspect docker-archive:internal/cleanimage/testdata/alpine-310.tar.gz --db demo/out/vulns.db --offline --no-cache; echo "exit code $$?"

# test installs what the suite needs (a Docker engine and a registry from
# Debian, for the integration tests), then runs every test.
test: test-deps lint
	CUSTOMS_REQUIRE_INTEGRATION=1 $(GO) test -count=1 -timeout 20m ./...

test-deps:
	@bash scripts/install-test-deps.sh

lint:
	@unformatted=$$(gofmt -l cmd internal); if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	@$(GO) mod tidy -diff >/dev/null || { echo "go.mod is not tidy: run go mod tidy"; exit 1; }

docs: build
	$(BIN)/customs checks --format markdown > docs/checks.md

# bench generates a large image (1.2 GiB of ordinary files in 6 gzip layers)
# once, then times customs inspect against only decompressing its layers.
bench: build
	@test -f .bench/large-v2/index.json || $(BIN)/mkexamples large .bench/large-v2 1200
	$(BIN)/mkexamples bench $(BIN)/customs .bench/large-v2
	$(GO) test -run NONE -bench . -benchmem ./internal/walk/ ./internal/facts/ ./internal/literals/

fuzz:
	@for pkg in $$($(GO) list ./internal/...); do \
	  for f in $$($(GO) test -list 'Fuzz.*' $$pkg 2>/dev/null | grep ^Fuzz); do \
	    echo "fuzzing $$pkg $$f for $(FUZZTIME)"; \
	    $(GO) test -run NONE -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

clean:
	rm -rf $(BIN) demo/out .bench
