#!/usr/bin/env bash
# Measures model directories on the dev sets that `Clamp.Training train --dataset-only` writes (<work>/dev/*.jsonl) and prints
# one Markdown table: per zero-shot task n, labels, chance, majority, the character n-gram probe baseline, and for
# each model its zero-shot and linear-probe accuracy / macro-F1; then text-to-music search per model.
#   scripts/dev-report.sh DEV_DIR [LABEL=]MODEL_DIR [[LABEL=]MODEL_DIR ...]   (LABEL defaults to modelId@version)
# Needs jq and a Release build of the CLI (./run.sh or dotnet build -c Release); CLAMP overrides the command.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ "$#" -ge 2 ] || { sed -n '2,6p' "$0" >&2; exit 2; }
dev="$1"; shift
models=(); labels=()
for arg in "$@"; do
  case "$arg" in
    *=*) labels+=("${arg%%=*}"); models+=("${arg#*=}") ;;
    *) labels+=("$(jq -r '.modelId + "@" + .version' "$arg/manifest.json")"); models+=("$arg") ;;
  esac
done
clamp=${CLAMP:-"dotnet $root/services/Clamp.Cli/bin/Release/net10.0/clamp.dll"}
command -v jq >/dev/null || { echo "dev-report.sh: jq is required (apt-get install jq)" >&2; exit 1; }

last() { tail -n 1; }
pair() { jq -r '"\(.accuracy*1000|round/1000) / \(.macro_f1*1000|round/1000)"'; }
names=""; for label in "${labels[@]}"; do names+=" $label zero-shot | $label probe |"; done

echo "| task | n | labels | chance | majority | n-gram probe |$names"
printf '|---|---:|---:|---:|---:|---:|'; for _ in "${models[@]}"; do printf -- '---:|---:|'; done; echo
for file in "$dev"/*.jsonl; do
  task=$(basename "$file" .jsonl)
  case "$task" in search*) continue ;; esac
  n=$(wc -l < "$file")
  classes=$(jq -r .label "$file" | sort -u | wc -l)
  majority=$(jq -r .label "$file" | sort | uniq -c | sort -rn | awk -v n="$n" 'NR==1 { printf "%.3f", $1 / n }')
  chance=$(awk -v k="$classes" 'BEGIN { printf "%.3f", 1 / k }')
  baseline=$($clamp eval probe --model "${models[0]}" --data "$file" --baseline 2>/dev/null | last | pair)
  row="| $task | $n | $classes | $chance | $majority | $baseline |"
  for m in "${models[@]}"; do
    zero=$($clamp eval classify --model "$m" --data "$file" 2>/dev/null | last | pair)
    probe=$($clamp eval probe --model "$m" --data "$file" 2>/dev/null | last | pair)
    row+=" $zero | $probe |"
  done
  echo "$row"
done

echo
echo "| search | n | chance MRR | model | MRR | HR@1 | HR@10 | HR@100 |"
echo "|---|---:|---:|---|---:|---:|---:|---:|"
for file in "$dev"/search*.jsonl; do
  n=$(wc -l < "$file")
  chance=$(awk -v n="$n" 'BEGIN { h = 0; for (i = 1; i <= n; i++) h += 1 / i; printf "%.4f", h / n }')
  for i in "${!models[@]}"; do
    m=${models[$i]} name=${labels[$i]}
    $clamp eval search --model "$m" --data "$file" 2>/dev/null | last |
      jq -r --arg t "$(basename "$file" .jsonl)" --arg c "$chance" --arg m "$name" \
        '"| \($t) | \(.n) | \($c) | \($m) | \(.mrr*1000|round/1000) | \(.hr1*1000|round/1000) | \(.hr10*1000|round/1000) | \(.hr100*1000|round/1000) |"'
  done
done
