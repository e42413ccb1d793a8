#!/usr/bin/env bash
# Builds the parser fuzzer with clang's libFuzzer + ASan/UBSan and runs it
# for N seconds (default 60) over a corpus seeded with corpora/lang.
set -euo pipefail
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
