#!/usr/bin/env bash
# Embedding throughput on this machine, in one run, with the default model (models/clamp-small; an untrained model of
# the same architecture when it has not been trained yet): scores/s and texts/s of the embedding service's batched
# path against one item at a time, ONNX Runtime against TorchSharp on the same weights, and the achieved GFLOP/s.
# Method and results: docs/embedding.md. Extra arguments go to the benchmark (--items N --texts N --repeats N --threads N
# --model DIR --music-budget N --text-budget N --max-wait-ms N --spin 0|1 --provider cpu|cuda --batch-overhead N --max-items N); `--provider cuda` times the
# music encoder on ONNX Runtime's CUDA provider instead (CUDA 13, cuBLAS and cuDNN 9 on the library path).
# The last line is: batched_vs_single=X.XX onnx_vs_torchsharp=Y.YY gflops=Z.Z
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/bench/Clamp.Embedding.Benchmarks"
dotnet build -c Release "$project/Clamp.Embedding.Benchmarks.csproj" -nologo -v quiet >&2
dotnet "$project/bin/Release/net10.0/Clamp.Embedding.Benchmarks.dll" --repo "$root" "$@"
