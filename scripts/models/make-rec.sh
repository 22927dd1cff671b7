#!/usr/bin/env bash
# Rebuilds models/ppocr-v4-rec.onnx: the pretrained PP-OCRv4 line recognizer fine-tuned on the
# project's generated documents, then quantized. About 100 minutes on a 2-core machine.
#
#   bash scripts/models/make-rec.sh [WORK_DIR]
#
# Needs Debian's python3-torch and python3-onnx (apt-get install); the quantization runs on the same
# Python (QUANT_PYTHON to use another with `onnx` and `numpy` >= 1.23; see quantize_rec.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${1:-/tmp/rec-finetune}"
torch_python="${TORCH_PYTHON:-/usr/bin/python3}"
quant_python="${QUANT_PYTHON:-$torch_python}"
mkdir -p "$work"

# Training documents: seeds no eval set uses (the regression fixtures, the held-out sets).
npm run synth -- --out "$work/docs-a" --n 40 --tier photo,webcam --seed rec-train-a --words --quiet
npm run synth -- --out "$work/docs-b" --n 40 --tier photo,webcam --seed rec-train-b --words --quiet
npm run synth -- --out "$work/docs-c" --n 12 --tier scan,digital --seed rec-train-c --words --quiet
npm run synth -- --out "$work/docs-d" --n 40 --tier photo,webcam --seed rec-train-d --words --quiet
npm run synth -- --out "$work/docs-e" --n 30 --tier digital,scan --seed rec-train-e --words --quiet
npm run synth -- --out "$work/docs-f" --n 45 --tier photo,webcam --seed rec-train-f --words --quiet
npm run synth -- --out "$work/docs-g" --n 45 --tier photo,webcam --seed rec-train-g --words --quiet
npm run synth -- --out "$work/docs-h" --n 45 --tier photo,webcam --seed rec-train-h --words --quiet
npm run synth -- --out "$work/docs-i" --n 45 --tier photo,webcam --seed rec-train-i --words --quiet
npm run synth -- --out "$work/docs-j" --n 45 --tier photo,webcam --seed rec-train-j --words --quiet
npm run synth -- --out "$work/docs-k" --n 45 --tier photo,webcam --seed rec-train-k --words --quiet

# Line crops as the pipeline cuts them, with their printed text.
npx tsx scripts/models/rec-lines.ts --out "$work/lines-a" "$work/docs-a"
npx tsx scripts/models/rec-lines.ts --out "$work/lines-b" "$work/docs-b" "$work/docs-c"
npx tsx scripts/models/rec-lines.ts --out "$work/lines-d" "$work/docs-d"
npx tsx scripts/models/rec-lines.ts --out "$work/lines-e" "$work/docs-e"
npx tsx scripts/models/rec-lines.ts --out "$work/lines-f" "$work/docs-f"
npx tsx scripts/models/rec-lines.ts --out "$work/lines-g" "$work/docs-g"
npx tsx scripts/models/rec-lines.ts --out "$work/lines-h" "$work/docs-h"
npx tsx scripts/models/rec-lines.ts --out "$work/lines-i" "$work/docs-i"
npx tsx scripts/models/rec-lines.ts --out "$work/lines-j" "$work/docs-j"
npx tsx scripts/models/rec-lines.ts --out "$work/lines-k" "$work/docs-k"
all_lines=("$work"/lines-{a,b,d,e,f,g,h,i,j,k})

# Frozen backbone features, then the neck and head trained on them.
"$torch_python" scripts/models/finetune_rec.py prepare --out "$work/rec-features.onnx"
npx tsx scripts/models/rec-features.ts "$work/rec-features.onnx" p2o.AveragePool.1 "${all_lines[@]}"
lines_args=()
for dir in "${all_lines[@]}"; do lines_args+=(--lines "$dir"); done
"$torch_python" scripts/models/finetune_rec.py train "${lines_args[@]}" \
  --val-docs='-000[0-4]-' --epochs 4 --out "$work/rec-finetuned.onnx"

"$quant_python" scripts/models/quantize_rec.py "$work/rec-finetuned.onnx" models/ppocr-v4-rec.onnx
node scripts/models/check-rec-quant.mjs --float "$work/rec-finetuned.onnx"
npx tsx scripts/models/rec-line-eval.ts --docs='-000[0-4]-' "${all_lines[@]}"
