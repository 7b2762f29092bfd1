# One entry point per job; each installs libvips and SQLite when pkg-config cannot find them.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo)
APT_PACKAGES := libvips-dev libvips-tools libsqlite3-dev

.PHONY: deps build release install uninstall test demo smoke lint bench fuzz check-leaks clean

# `make install [PREFIX=/usr/local] [DESTDIR=]`: see scripts/install.sh for the file list.
PREFIX ?= /usr/local
DESTDIR ?=
RELEASE_FLAGS := -c release --static-swift-stdlib

deps:
	@if ! pkg-config --exists vips || ! command -v vips >/dev/null || ! pkg-config --exists sqlite3; then \
		echo "make: libvips-dev, libvips-tools or libsqlite3-dev is missing; installing with apt-get" >&2; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES) >/dev/null || \
		{ echo "make: FAILED to install $(APT_PACKAGES) with apt-get; install them by hand" >&2; exit 1; }; \
	fi
	@pkg-config --exists vips || { echo "make: pkg-config still cannot find vips" >&2; exit 1; }
	@pkg-config --exists sqlite3 || { echo "make: pkg-config still cannot find sqlite3" >&2; exit 1; }

build: deps
	$(SWIFT) build

# The Swift runtime and Foundation linked statically: a dynamic Foundation costs about 10 MB of
# resident memory at every start (relocations of libFoundation and its ICU), a static one only
# what the program uses (see `make bench`, start-up baseline).
# Only the two programs: the test-support targets under Tests/ import Testing or FrameKit with
# @testable, which a release build without testing cannot compile (and users never run).
release: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product seedance
	$(SWIFT) build $(RELEASE_FLAGS) --product seedance-stub

# The release build, its completions (swift-argument-parser's) and its man page (from its help
# dump, scripts/make-manpage.py) under $(DESTDIR)$(PREFIX).
install: release
	bash scripts/install.sh install "$(DESTDIR)$(PREFIX)" "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)"

uninstall:
	bash scripts/install.sh uninstall "$(DESTDIR)$(PREFIX)"

# SwiftPM keeps lock files in TMPDIR: its own folder under .build, so that a test run leaves the
# caller's TMPDIR as it found it (the suites clean up after themselves; `swift test` would not).
# The test executable runs directly, with the caller's TMPDIR.
SWIFTPM_TMP := $(CURDIR)/.build/swiftpm-tmp
test: deps
	@mkdir -p "$(SWIFTPM_TMP)"
	TMPDIR="$(SWIFTPM_TMP)" $(SWIFT) build --build-tests
	@bin="$$(TMPDIR="$(SWIFTPM_TMP)" $(SWIFT) build --show-bin-path)/SeedanceKitPackageTests.xctest"; \
	if [ -x "$$bin" ] && [ -f "$$bin" ]; then "$$bin" --testing-library swift-testing; \
	else TMPDIR="$(SWIFTPM_TMP)" $(SWIFT) test --skip-build; fi

demo: build
	bash scripts/demo.sh

# The demo's flow on the release build (what users run), and an install into a scratch prefix.
smoke: release
	bash scripts/smoke.sh

# swift-format with the committed .swift-format, and zero compiler warnings in our own targets.
lint: deps
	bash scripts/lint.sh

bench: release
	bash scripts/bench.sh

# libFuzzer targets in Fuzz/ (FUZZ_SECONDS per target, default 60).
fuzz: deps
	bash scripts/fuzz.sh

# 1000 check+fix rounds in one process; fails if RSS grows over the last third (LeakTests).
check-leaks: deps
	$(SWIFT) build --build-tests
	SEEDANCE_LEAK_ROUNDS=$${SEEDANCE_LEAK_ROUNDS:-1000} $(SWIFT) test --skip-build --filter LeakTests

clean:
	rm -rf .build out
