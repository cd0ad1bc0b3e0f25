# Kreds — build, test and install.
#
#   make site     build the example site in content/ into site/
#   make test     all tests: Swift unit, fixture, golden and end-to-end tests, then the
#                 conformance gate (validators and a real browser) over the built site
#   make check    validate the example content
#   make install  install kreds, its shell completions and man page under $(PREFIX)
#   make dist     the release packages in dist/: a tar.gz and a .deb of the static binary
#   make test-dist  the .deb on Debian 12 and 13, the tarball, and the publishing recipes run in
#                 Debian roots that stand for their CI images (debootstrap; RELEASING.md)
#   make format   format the Swift sources with swift format
#   make fuzz     run each libFuzzer target of Fuzz/ for FUZZ_SECONDS (default 60); not part of
#                 make test; see docs/RELIABILITY.md
#   make test-sanitize  the Swift tests under AddressSanitizer, then ThreadSanitizer
#   make bench    Kreds against Hugo on generated sites; make bench-images: on 200 phone photos;
#                 make bench-search: the search against Pagefind

PREFIX ?= /usr/local
SWIFT ?= swift
# The example site is built as of this moment, so its pages and the golden files do not drift
# with the calendar. Override with `make site NOW=...` to see it as of another time.
NOW ?= 2026-11-23 12:00
RELEASE_BIN = .build/release/kreds
# The Python tools of the conformance gate and of test-dist (Tests/Conformance/requirements.txt).
VENV ?= .venv

.PHONY: all site test check install format deps clean golden record-invalid conformance test-sanitize architecture \
  dist test-dist manual

all: site

# Debian's cmark-gfm and libvips, installed when missing (needs root, as on CI and the dev
# machines).
deps:
	@if ! pkg-config --exists libcmark-gfm 2>/dev/null || [ ! -f /usr/include/cmark-gfm-core-extensions.h ] \
	  || ! pkg-config --exists vips 2>/dev/null; then \
	  echo "Installing libcmark-gfm-dev, libcmark-gfm-extensions-dev and libvips-dev…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    libcmark-gfm-dev libcmark-gfm-extensions-dev libvips-dev pkg-config; \
	fi

$(RELEASE_BIN): deps $(shell find Sources Plugins templates -type f 2>/dev/null) Package.swift
	$(SWIFT) build -c release --product kreds

site: $(RELEASE_BIN)
	$(RELEASE_BIN) build --content content --templates templates --output site --now "$(NOW)"
	@echo "The site is in $(CURDIR)/site/ — open site/index.html, or serve it: python3 -m http.server -d site"

check: $(RELEASE_BIN)
	$(RELEASE_BIN) check --content content --templates templates --now "$(NOW)"

# The Swift tests, the architecture checks, then the conformance gate over the built example site.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) --no-print-directory architecture
	$(MAKE) --no-print-directory conformance

# The step order inside KredsSite (no step names a type of a later one; a deliberate backward use
# must be caught) and every import declared in Package.swift (docs/ARCHITECTURE.md).
architecture:
	python3 Tests/Architecture/stepcheck.py --selftest
	@mkdir -p build
	$(SWIFT) package dump-package > build/package.json
	python3 Tests/Architecture/dependencycheck.py build/package.json

# The Swift tests under AddressSanitizer and ThreadSanitizer, each in its own build folder (a
# sanitized build is a separate full build). Not part of `make test`: it takes a while.
test-sanitize: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build/sanitize-address
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan.supp \
	  $(SWIFT) test --skip-build --sanitize=address --scratch-path .build/sanitize-address
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build/sanitize-thread
	TSAN_OPTIONS=halt_on_error=1 $(SWIFT) test --skip-build --sanitize=thread \
	  --scratch-path .build/sanitize-thread

# Re-record the golden files of Tests/Fixtures/golden after a deliberate change; review the diff.
golden: deps
	KREDS_RECORD_GOLDEN=1 $(SWIFT) test --filter GoldenSiteTests
	git status --short Tests/Fixtures/golden

# Re-record the expected diagnostics of Tests/Fixtures/invalid after a deliberate change to a
# message; review the diff.
record-invalid: deps
	KREDS_RECORD_INVALID=1 $(SWIFT) test --filter InvalidSiteTests
	git status --short Tests/Fixtures/invalid

# The guides installed with Kreds (`kreds docs`); Packaging/make-dist.sh ships the same.
SHIPPED_DOCS = CONTENT.md SITE.md CLI.md EDITORS.da.md EDITORS.en.md PUBLISHING.md TEMPLATES.md

# The default theme is compiled into the binary: nothing but the binary is needed to run it.
install: $(RELEASE_BIN) manual
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/kreds
	install -m 644 $(MANPAGE) $(DESTDIR)$(PREFIX)/share/man/man1/kreds.1
	$(RELEASE_BIN) --generate-completion-script bash \
	  > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/kreds
	install -d $(DESTDIR)$(PREFIX)/share/doc/kreds/docs
	install -m 644 README.md $(DESTDIR)$(PREFIX)/share/doc/kreds/README.md
	install -m 644 $(addprefix docs/,$(SHIPPED_DOCS)) $(DESTDIR)$(PREFIX)/share/doc/kreds/docs/

# The release: the Swift runtime, Foundation and cmark-gfm (KREDS_STATIC_CMARK, Package.swift)
# linked statically, in a build folder of its own (docs/RELEASING.md).
DIST_SCRATCH = .build/dist
DIST_BIN = $(DIST_SCRATCH)/release/kreds
STATIC_FLAGS = --static-swift-stdlib
MANPAGE = .build/plugins/GenerateManual/outputs/kreds/kreds.1

$(DIST_BIN): deps $(shell find Sources Plugins templates -type f 2>/dev/null) Package.swift
	KREDS_STATIC_CMARK=1 $(SWIFT) build -c release --product kreds --scratch-path $(DIST_SCRATCH) \
	  $(STATIC_FLAGS)

# The man page, from the command's own help by swift-argument-parser's manual plugin (it
# builds every product first: in debug, which `make test` has already built). Dated by the last
# commit, so that the packages are the same bytes on any day.
manual: deps
	$(SWIFT) package plugin generate-manual --configuration debug \
	  --date "$$(git log -1 --format=%cs 2>/dev/null || date +%F)" > /dev/null
	@test -s $(MANPAGE)

dist: $(DIST_BIN) manual
	SHIPPED_DOCS="$(SHIPPED_DOCS)" Packaging/make-dist.sh $(DIST_BIN) $(MANPAGE)

# The release where users run it: the .deb on Debian 12 and 13, the tarball on a bare Debian 12,
# and the publishing recipes run step by step in roots that stand for their images (RELEASING.md).
# Needs root (debootstrap, chroot); the roots are kept in $(KREDS_TEST_ROOTS) between runs.
KREDS_TEST_ROOTS ?= /var/tmp/kreds-roots
test-dist: dist $(VENV)/.installed
	@command -v debootstrap >/dev/null || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap; }
	Packaging/test-dist.sh dist $(VENV)/bin/python $(KREDS_TEST_ROOTS)

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift Fuzz

clean:
	rm -rf .build site dist

# Conformance gate: the built example site checked with real tools (the Nu Html Checker,
# feedparser, linkchecker, icalendar, headless Chromium with axe-core); see docs/TESTING.md.
# Debian's Java runtime and Chromium are installed when missing (needs root, as on CI and the
# dev machines); the Python tools go into a virtual environment in $(VENV).
CONFORMANCE_DEBS = default-jre-headless chromium chromium-driver libimage-exiftool-perl


$(VENV)/.installed: Tests/Conformance/requirements.txt
	@if ! command -v java >/dev/null || ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
	  || ! command -v exiftool >/dev/null; then \
	  echo "Installing $(CONFORMANCE_DEBS)…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(CONFORMANCE_DEBS); \
	fi
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r Tests/Conformance/requirements.txt
	touch $@

conformance: site $(VENV)/.installed
	@# The stamp outlives the Debian packages when the machine is new but the work tree is not.
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null && command -v java >/dev/null \
	  && command -v exiftool >/dev/null \
	  || { rm -f $(VENV)/.installed; $(MAKE) --no-print-directory $(VENV)/.installed; }
	$(VENV)/bin/python Tests/Conformance/gate.py site/
	@# The golden site's calendars (a whole-day, a multi-day, a cancelled and an online event,
	@# a series with an exception, another time zone, text full of characters to escape) and
	@# its newsletter, under a base path.
	@# Built anew rather than read from Tests/Fixtures/golden/expected, which leaves out the
	@# assets the embeddable lists need (the golden test checks those bytes are the same).
	$(RELEASE_BIN) build --content Tests/Fixtures/golden/content --templates templates \
	  --output build/golden --now "$(NOW)" --quiet
	$(VENV)/bin/python Tests/Conformance/gate.py build/golden \
	  --only feeds,sitemap,ical,jsonfeed,phone,embed,newsletter --screenshots build/screenshots/golden
	$(VENV)/bin/python Tests/Conformance/serve_check.py $(RELEASE_BIN) content
	@# Hostile input (issue 8): a site whose every text field and body carries strings that try
	@# to become markup, a property or a header; every output read back with a real parser.
	$(RELEASE_BIN) build --content Tests/Fixtures/hostile/content --templates templates \
	  --output build/hostile --now "$(NOW)"
	$(VENV)/bin/python Tests/Conformance/hostilecheck.py build/hostile
	@# Animations (issue 29): an animated GIF with a comment and XMP, and an animated WebP with
	@# EXIF and XMP, published frame for frame without any of it, read back by exiftool.
	$(RELEASE_BIN) build --content Tests/Fixtures/animations/content --templates templates \
	  --output build/animations --now "$(NOW)" --quiet
	$(VENV)/bin/python Tests/Conformance/imagecheck.py build/animations
	@# kreds strip-location (issue 29): the GPS position out of a JPEG, PNG and WebP, read back by
	@# exiftool, with the image data byte for byte the same; bad input refused and untouched.
	$(VENV)/bin/python Tests/Conformance/stripcheck.py $(RELEASE_BIN)
	@# The publishing recipes kreds init writes, through actionlint and check-jsonschema.
	$(VENV)/bin/python Tests/Conformance/recipecheck.py $(RELEASE_BIN)
	@# SEQUENCE and LAST-MODIFIED from a git history, read by icalendar and recurring-ical-events.
	$(VENV)/bin/python Tests/Conformance/historycheck.py $(RELEASE_BIN)

# Kreds against Hugo (Debian's, installed when missing; needs root) on synthetic corpora of 1k,
# 4k, 16k and 64k content files: cold full builds, median of 5 after a warm-up, peak memory;
# see docs/PERFORMANCE.md. Fewer sizes: `make bench BENCH_SIZES=1000,4000`; another binary:
# `make bench KREDS_BIN=path/to/kreds`; more run.py flags in BENCH_FLAGS (e.g. --runs 3).
KREDS_BIN ?= $(RELEASE_BIN)
BENCH_SIZES ?=
BENCH_FLAGS ?=

.PHONY: bench bench-images bench-search
bench: $(KREDS_BIN)
	@command -v hugo >/dev/null || { echo "Installing hugo…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo; }
	python3 bench/run.py --kreds $(KREDS_BIN) $(if $(BENCH_SIZES),--sizes $(BENCH_SIZES)) $(BENCH_FLAGS)

# Pictures (issue 18): 200 phone photos of 12 MP, Kreds' variants against Hugo's .Resize/.Fill
# of the same widths and formats, cold and with a warm cache, with peak memory; see
# docs/PERFORMANCE.md. Fewer photos: `make bench-images BENCH_PHOTOS=20`.
BENCH_PHOTOS ?= 200
bench-images: $(KREDS_BIN)
	@command -v hugo >/dev/null && command -v vips >/dev/null && [ -x /usr/bin/time ] \
	  || { echo "Installing hugo, libvips-tools and time…"; apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo libvips-tools time; }
	python3 bench/images.py --kreds $(KREDS_BIN) --photos $(BENCH_PHOTOS)

# Search (issue 30): Kreds' search against Pagefind 1.5.2 on the example site, a small English
# site and the bench corpus of BENCH_SEARCH_CORPUS files: relevance on bench/search/queries.tsv,
# bytes fetched, index size, build time added; see docs/PERFORMANCE.md, "Search".
BENCH_SEARCH_CORPUS ?= 10000
bench-search: $(KREDS_BIN) $(VENV)/.installed
	$(VENV)/bin/pip install -q --disable-pip-version-check -r bench/search/requirements.txt
	$(VENV)/bin/python bench/search/compare.py --kreds $(KREDS_BIN) --corpus $(BENCH_SEARCH_CORPUS)

# Fuzzing: the libFuzzer targets of Fuzz/ (a separate package, so `swift build` never compiles
# them), built with the fuzzer and address sanitizers, corpora seeded from content/ and
# Tests/Fixtures/ into $(FUZZ_DIR)/corpus/<target>/ (kept between runs, never committed). Each
# target runs for FUZZ_SECONDS; a crash, a hang over FUZZ_TIMEOUT seconds on one input or more
# than FUZZ_RSS_MB of memory fails the run, with the input in $(FUZZ_DIR)/artifacts/. One
# target: `make fuzz FUZZ_TARGETS=FuzzMarkdown`. See docs/RELIABILITY.md.
FUZZ_SECONDS ?= 60
FUZZ_TIMEOUT ?= 10
FUZZ_RSS_MB ?= 2048
FUZZ_TARGETS ?= FuzzFrontMatter FuzzMarkdown FuzzRecurrenceRule FuzzContentFile FuzzTemplate
FUZZ_DIR = build/fuzz
FUZZ_BIN = Fuzz/.build/release
FUZZ_DICT_FuzzFrontMatter = Fuzz/Dictionaries/yaml.dict
FUZZ_DICT_FuzzMarkdown = Fuzz/Dictionaries/markdown.dict
FUZZ_DICT_FuzzRecurrenceRule = Fuzz/Dictionaries/rrule.dict
FUZZ_DICT_FuzzContentFile = $(FUZZ_DIR)/content.dict
FUZZ_DICT_FuzzTemplate = Fuzz/Dictionaries/mustache.dict

.PHONY: fuzz fuzz-build fuzz-corpora
# `--sanitize fuzzer` makes SwiftPM leave libFuzzer's `main` in place; the sanitizers themselves
# are given as one -sanitize=fuzzer,address, because with `--sanitize fuzzer --sanitize address`
# the compiler keeps only one of the two, in no fixed order, and the code may get no coverage.
fuzz-build: deps
	$(SWIFT) build --package-path Fuzz -c release --sanitize fuzzer \
	  -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address

fuzz-corpora:
	python3 Fuzz/seed_corpora.py $(FUZZ_DIR)/corpus content Tests/Fixtures
	cat Fuzz/Dictionaries/yaml.dict Fuzz/Dictionaries/markdown.dict > $(FUZZ_DIR)/content.dict

fuzz: fuzz-build fuzz-corpora
	@mkdir -p $(FUZZ_DIR)/artifacts
	@failed=""; \
	for target in $(FUZZ_TARGETS); do \
	  case $$target in \
	    FuzzFrontMatter) dict=$(FUZZ_DICT_FuzzFrontMatter) ;; \
	    FuzzMarkdown) dict=$(FUZZ_DICT_FuzzMarkdown) ;; \
	    FuzzRecurrenceRule) dict=$(FUZZ_DICT_FuzzRecurrenceRule) ;; \
	    FuzzTemplate) dict=$(FUZZ_DICT_FuzzTemplate) ;; \
	    *) dict=$(FUZZ_DICT_FuzzContentFile) ;; \
	  esac; \
	  echo "fuzz: $$target for $(FUZZ_SECONDS) s"; \
	  if $(FUZZ_BIN)/$$target $(FUZZ_DIR)/corpus/$$target -dict=$$dict \
	      -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=$(FUZZ_RSS_MB) \
	      -artifact_prefix=$(FUZZ_DIR)/artifacts/$$target- -print_final_stats=1 \
	      > $(FUZZ_DIR)/$$target.log 2>&1; then \
	    grep -E '^stat::number_of_executed_units' $(FUZZ_DIR)/$$target.log | sed "s/^/fuzz: $$target /"; \
	  else \
	    failed="$$failed $$target"; \
	    grep -E 'ERROR: libFuzzer|ERROR: AddressSanitizer|SUMMARY|Test unit written|Fatal error' \
	      $(FUZZ_DIR)/$$target.log | sed "s/^/fuzz: $$target /"; \
	  fi; \
	done; \
	if [ -n "$$failed" ]; then \
	  echo "fuzz: FAILED:$$failed (logs in $(FUZZ_DIR)/, inputs in $(FUZZ_DIR)/artifacts/)"; exit 1; \
	fi; \
	echo "fuzz: no crash, hang or runaway allocation in$(foreach t,$(FUZZ_TARGETS), $(t))"
