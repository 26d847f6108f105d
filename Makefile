# prisonstats: two commands set everything up on a fresh machine.
#   make site   builds public/ from the sample data (installs npm packages, builds Hugo)
#   make test   runs every test
GO ?= go
export GOFLAGS ?= -mod=readonly

GO_SOURCES := $(shell find cmd internal -name '*.go' -not -name '*_test.go') go.mod go.sum

.PHONY: site test serve check packs bench bench-peers fmt vet lint clean

site: bin/hugo bin/prisonstats node_modules/.installed
	bin/prisonstats build

serve: bin/hugo bin/prisonstats node_modules/.installed
	bin/prisonstats serve

check: bin/prisonstats
	bin/prisonstats check

test: bin/hugo node_modules/.installed
	$(GO) test ./...

# Benchmarks (never in CI): build times, stage times, ingest throughput,
# page weight, the inflate floor. bench-peers also times SheetJS and exceljs.
bench: bin/hugo bin/prisonstats node_modules/.installed
	bash bench/run.sh

bench-peers: bin/prisonstats
	bash bench/peers.sh

packs: bin/hugo bin/prisonstats node_modules/.installed
	bin/prisonstats packs

# Hugo is a Go module dependency (go.mod pins v0.165.0): built from the
# module cache, never installed separately.
bin/hugo: go.mod go.sum
	$(GO) build -o $@ github.com/gohugoio/hugo

bin/prisonstats: $(GO_SOURCES)
	$(GO) build -o $@ ./cmd/prisonstats

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

fmt:
	gofmt -l -w cmd internal

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l cmd internal)" || (gofmt -l cmd internal; echo "gofmt would change the files above"; exit 1)

clean:
	rm -rf bin public .prisonstats node_modules
