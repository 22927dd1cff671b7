#!/usr/bin/env bash
# Rebuilds models/ppocr-v4-rec.onnx: the pretrained PP-OCRv4 line recognizer fine-tuned on the
# project's generated documents (neck and head on this CPU, then the whole network on a GPU), then
# quantized. About 3.5 hours on a 2-core machine, plus about 10 minutes on one GPU.
#
#   bash scripts/models/make-rec.sh [WORK_DIR]                 # on this machine; prints the GPU step
#   GPU_DONE=1 bash scripts/models/make-rec.sh [WORK_DIR]      # after it: merge, quantize, check
#
# Needs Debian's python3-torch and python3-onnx (apt-get install); the quantization runs on the same
# Python (QUANT_PYTHON to use another with `onnx` and `numpy` >= 1.23; see quantize_rec.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${1:-/tmp/rec-finetune}"
torch_python="${TORCH_PYTHON:-/usr/bin/python3}"
quant_python="${QUANT_PYTHON:-$torch_python}"
mkdir -p "$work"

all_lines=()
for seed in a b d e f g h i j k l m n o p q r s; do all_lines+=("$work/lines-$seed"); done

if [ "${GPU_DONE:-}" != 1 ]; then
  # Training documents: seeds no eval set uses (the regression fixtures, the held-out sets).
  # Each entry is seed letter, documents, tiers; c's few scans and renders are cut together with b.
  training_sets=(
    "a 40 photo,webcam" "b 40 photo,webcam" "c 12 scan,digital" "d 40 photo,webcam"
    "e 30 digital,scan" "f 45 photo,webcam" "g 45 photo,webcam" "h 45 photo,webcam"
    "i 45 photo,webcam" "j 45 photo,webcam" "k 45 photo,webcam" "l 45 photo,webcam"
    "m 45 photo,webcam" "n 45 photo,webcam" "o 45 photo,webcam" "p 45 photo,webcam"
    "q 45 photo,webcam" "r 45 photo,webcam" "s 45 photo,webcam"
  )
  for entry in "${training_sets[@]}"; do
    read -r seed n tiers <<<"$entry"
    npm run synth -- --out "$work/docs-$seed" --n "$n" --tier "$tiers" --seed "rec-train-$seed" --words --quiet
  done

  # Line crops as the pipeline cuts them, with their printed text.
  for seed in a b d e f g h i j k l m n o p q r s; do
    docs=("$work/docs-$seed")
    if [ "$seed" = b ]; then docs+=("$work/docs-c"); fi
    npx tsx scripts/models/rec-lines.ts --out "$work/lines-$seed" "${docs[@]}"
  done

  # Frozen backbone features, then the neck and head trained on them.
  "$torch_python" scripts/models/finetune_rec.py prepare --out "$work/rec-features.onnx"
  npx tsx scripts/models/rec-features.ts "$work/rec-features.onnx" p2o.AveragePool.1 "${all_lines[@]}"
  lines_args=()
  for dir in "${all_lines[@]}"; do lines_args+=(--lines "$dir"); done
  "$torch_python" scripts/models/finetune_rec.py train "${lines_args[@]}" \
    --val-docs='-000[0-4]-' --epochs 6 --out "$work/rec-finetuned.onnx"

  # The whole network, backbone included, from the neck-and-head model above, on a GPU (round 14 of
  # docs/accuracy-history.md: two stages on one lent H200, 320 s and 250 s; on this CPU it would take
  # days). The crops travel in one pack; on the GPU machine run the two `train` commands from this
  # repository's root with the pack and the trimmed model beside it.
  extra_lines=()
  for seed in t u w; do
    npm run synth -- --out "$work/docs-$seed" --n 45 --tier photo,webcam --seed "rec-train-$seed" --words --quiet
    npx tsx scripts/models/rec-lines.ts --out "$work/lines-$seed" "$work/docs-$seed"
    extra_lines+=("$work/lines-$seed")
  done
  npx tsx scripts/models/pack-rec-lines.ts --out "$work/pack.bin" --quality 70 \
    --take photo=0.56,webcam=0.32,scan=1,digital=1 --val-take photo=0.25,webcam=0.15,scan=0.5,digital=0.5 \
    "${all_lines[@]}" "${extra_lines[@]}"
  "$torch_python" scripts/models/finetune_rec_full.py trim --model "$work/rec-finetuned.onnx" --out "$work/rec-trim.onnx"
  cat <<EOF
Now, on a machine with a GPU (python3 with torch, onnx, pillow), from a copy of this repository
with $work/pack.bin and $work/rec-trim.onnx beside it:
  bash scripts/models/gpu-finetune.sh pack.bin rec-trim.onnx gpu-out
then copy gpu-out/stage2.onnx back to $work/rec-trained.onnx and run this script again with GPU_DONE=1.
EOF
  exit 0
fi

"$torch_python" scripts/models/finetune_rec_full.py merge --model "$work/rec-finetuned.onnx" \
  --trained "$work/rec-trained.onnx" --out "$work/rec-full.onnx"

"$quant_python" scripts/models/quantize_rec.py "$work/rec-full.onnx" models/ppocr-v4-rec.onnx
node scripts/models/check-rec-quant.mjs --float "$work/rec-full.onnx"
npx tsx scripts/models/rec-line-eval.ts --docs='-000[0-4]-' "${all_lines[@]}"
