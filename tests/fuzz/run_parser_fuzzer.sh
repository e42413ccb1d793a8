#!/usr/bin/env bash
# Builds the parser fuzzer with clang's libFuzzer + ASan/UBSan and runs it
# for N seconds (default 60) over a corpus seeded with corpora/lang.
set -euo pipefail
command -v clang++-14 >/dev/null || { echo "run_parser_fuzzer.sh: needs clang-14 (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 2; }
cd "$(dirname "$0")/../.."
seconds=${1:-60}
out=build/fuzz
mkdir -p "$out/corpus"
cp corpora/lang/*.py "$out/corpus/" 2>/dev/null || true
clang++-14 -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -Iruntime \
  tests/fuzz/parser_fuzzer.cpp runtime/compiler/tokenizer.cpp runtime/compiler/parser.cpp \
  -o "$out/parser_fuzzer"
"$out/parser_fuzzer" -max_total_time="$seconds" -dict=tests/fuzz/python.dict -max_len=4096 \
  "$out/corpus"
