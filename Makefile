# Thin wrapper over CMake presets. The two commands of the README:
#   make demo   build, crash the bundled example, read its core (scripts/demo.sh)
#   make test   build, then run every test (release build + ASan/UBSan build)
JOBS ?= $(shell nproc)

.PHONY: all deps release asan debug demo test test-release test-asan bench fuzz clean

all: release

deps:
	@./scripts/install-deps.sh

release: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)

debug: deps
	@cmake --preset default >/dev/null
	@cmake --build --preset default -j $(JOBS)

demo: release
	SKIP_BUILD=1 ./scripts/demo.sh

test-release: release
	ctest --preset release -j $(JOBS)

# The sanitizer build runs the unit tests and the language corpus with
# LeakSanitizer on: any leak, overflow or UB fails the run. The debugger
# suites are left to the release build: ASan processes reserve terabytes of
# shadow memory, which makes their cores useless.
test-asan: asan
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --preset asan -j $(JOBS) -LE 'debugger|gdb|lldb'

# Fuzz the parser for a while (libFuzzer, clang): make fuzz FUZZ_SECONDS=60
fuzz:
	./tests/fuzz/run_parser_fuzzer.sh $(FUZZ_SECONDS)

test: test-release test-asan

bench: release
	python3 bench/run.py --pyglass build/release/runtime/pyglass

clean:
	rm -rf build
