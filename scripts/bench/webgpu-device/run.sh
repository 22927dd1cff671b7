#!/bin/bash
# Device side of the WebGPU check (pack.sh made the kit; docs/webgpu.md runs it).
# Call 1 only copies the first half: mkdir -p /tmp/g && cp .gpu/a/* /tmp/g/
# Call 2 runs this: assemble headless Chromium, find a real WebGPU adapter, read every regression
# fixture with the built app on WebGPU, then time a subset on WebGPU and on WASM.
set -u
G=${G:-/tmp/g}
mkdir -p "$G/chrome" "$G/dist" "$OUT"
exec > >(tee "$OUT/run.log") 2>&1
FX=scripts/eval/fixtures/regression
echo "== assemble $(date +%T)"
python3 - "$G" <<'PY'
import lzma, os, sys, tarfile
G = sys.argv[1]
exe = G + '/chrome/chromium-headless-shell'
if not os.path.exists(exe):
    d = lzma.LZMADecompressor()
    with open(exe + '.tmp', 'wb') as out:
        for part in (G + '/shell.a', '.gpu/b/shell.b'):
            with open(part, 'rb') as f:
                while chunk := f.read(1 << 24):
                    out.write(d.decompress(chunk))
    os.chmod(exe + '.tmp', 0o755)
    os.rename(exe + '.tmp', exe)
    tarfile.open('.gpu/b/support.tar.xz').extractall(G)
    tarfile.open(G + '/dist.tar.xz').extractall(G + '/dist')
print('assembled', os.path.getsize(exe))
PY
# The models travel once, in models/ (tracked); the build names them with a content hash.
while read -r hashed; do
  cp "models/$(echo "$hashed" | sed -E 's/-[A-Za-z0-9_-]{8}\.onnx$/.onnx/')" "$G/dist/assets/$hashed"
done < "$G/model-names.txt"
[ -n "${SIM:-}" ] || { for f in .gpu/b/gl/*.deb; do dpkg -x "$f" /; done; ldconfig; }
# Skia aborts without a fontconfig configuration, which the device image lacks.
mkdir -p /tmp/fc
printf '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>%s</dir><cachedir>/tmp/fc/cache</cachedir></fontconfig>\n' \
  "$G/dist/vendor/pdfjs/standard_fonts" > /tmp/fc/fonts.conf
export FONTCONFIG_FILE=/tmp/fc/fonts.conf
echo "== machine $(date +%T)"
nvidia-smi -L; nproc; python3 --version
export LD_LIBRARY_PATH=$G/lib
ICD=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
[ -f $ICD ] && export VK_DRIVER_FILES=$ICD
EGLV=/usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json
[ -f $EGLV ] && export __EGL_VENDOR_LIBRARY_FILENAMES=$EGLV
echo "missing libs:"; ldd "$G/chrome/chromium-headless-shell" | grep "not found"
CHROME=$G/chrome/chromium-headless-shell
drive() { timeout "$1" python3 scripts/bench/webgpu-device/drive.py --chrome "$CHROME" --dist "$G/dist" --fixtures $FX "${@:2}"; }
# V1 found the H100 on 2026-11-26; the others are kept for drivers where it does not.
V1="--enable-unsafe-webgpu --enable-features=Vulkan --use-angle=vulkan --disable-vulkan-surface --ignore-gpu-blocklist"
V2="--enable-unsafe-webgpu --enable-features=Vulkan --use-vulkan=native --use-angle=vulkan --disable-vulkan-surface --ignore-gpu-blocklist --enable-gpu"
V3="--enable-unsafe-webgpu --ignore-gpu-blocklist --use-gl=angle --use-angle=vulkan --use-vulkan=native --enable-features=Vulkan,VulkanFromANGLE,DefaultANGLEVulkan"
CHOSEN=""
for v in V1 V2 V3; do
  flags=(); for x in ${!v}; do flags+=("--flag=$x"); done
  echo "== probe $v $(date +%T): ${!v}"
  drive 40 --files "" --out /tmp/probe-$v.json "${flags[@]}"
  grep -v -E "dbus|^$" /tmp/probe-$v.json.chrome.log | head -12 | cut -c1-300
  if python3 -c "import json,sys; a=json.load(open('/tmp/probe-$v.json')).get('adapter') or {}; sys.exit(0 if a.get('vendor') and not a.get('fallback') else 1)"; then CHOSEN=$v; break; fi
done
for v in V1 V2 V3; do [ -f /tmp/probe-$v.json.chrome.log ] && { echo "### $v"; grep -v dbus /tmp/probe-$v.json.chrome.log | head -80; }; done > "$OUT/probes.log"
if [ -z "$CHOSEN" ] && [ -z "${FORCE:-}" ]; then echo "NO REAL ADAPTER"; exit 3; fi
CHOSEN=${CHOSEN:-V1}
flags=(); for x in ${!CHOSEN}; do flags+=("--flag=$x"); done
ALL=$(ls $FX | grep -v -E 'truth|manifest' | tr '\n' ',' | sed 's/,$//')
SUB=card-0008-digital.png,page-0000-digital.png,page-0014-pdf.pdf,card-0025-scan.jpg,page-0020-scan.jpg,card-0031-photo.jpg,page-0028-photo.jpg,card-0035-webcam.jpg,page-0034-webcam.jpg,negative-0036-digital.png
echo "== webgpu, every fixture once, with $CHOSEN $(date +%T)"
drive 240 --files "card-0008-digital.png,${FILES_ALL:-$ALL}" --repeat 1 --out "$OUT/webgpu.json" "${flags[@]}"
echo "== timing: the subset three times on webgpu, then on wasm $(date +%T)"
drive 200 --files "${FILES_SUB:-$SUB}" --repeat 3 --out "$OUT/webgpu3.json" "${flags[@]}"
drive 200 --files "${FILES_SUB:-$SUB}" --repeat 3 --out "$OUT/wasm3.json" --flag=--disable-gpu
echo "== done $(date +%T)"
