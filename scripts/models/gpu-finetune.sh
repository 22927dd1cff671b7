#!/usr/bin/env bash
# The GPU step of scripts/models/make-rec.sh: the whole recognizer trained in two stages from a
# trimmed neck-and-head model, on a pack of line crops (round 14 of docs/accuracy-history.md). Run
# from the repository root on a machine with a CUDA GPU and python3 with torch, onnx and pillow:
#
#   bash scripts/models/gpu-finetune.sh PACK.bin TRIM.onnx OUT_DIR
#
# Writes OUT_DIR/stage1.onnx, OUT_DIR/stage2.onnx (the one to merge) and OUT_DIR/train.log. The
# shipped model's stages were time-boxed instead (320 s and 250 s, three runs to one H200 at about 3
# steps a second each): their schedules ended at steps 960 and 720, and the states kept were those
# validated at steps 852 and 682 (the final states were not validated then; they are now).
set -euo pipefail
pack="$1"
trim="$2"
out="$3"
mkdir -p "$out"
export PYTHONUNBUFFERED=1
train() { python3 scripts/models/finetune_rec_full.py train --pack "$pack" --batch-pixels 40960 --eval-steps 140 "$@"; }
train --model "$trim" --out "$out/stage1.onnx" --steps 960 --lr 2e-4 --augment 0.5 2>&1 | tee "$out/train.log"
train --model "$out/stage1.onnx" --out "$out/stage2.onnx" --steps 720 --lr 1e-4 --augment 0.5 \
  --backbone-lr-scale 1.0 --warmup 30 2>&1 | tee -a "$out/train.log"
