#!/bin/bash
# Packs what the WebGPU check needs on the lent GPU machine, which has Python but no browser, no Node
# and no registry: Debian's headless Chromium shell, the libraries it links, the GL/Vulkan loaders
# and the built app. A call carries at most 64 MiB with the tracked tree (~22 MB) counted in, so the
# kit is cut in two halves, one per call, sent back to back while the machine stays warm:
#   .gpu/a = the built app + the first part of the Chromium binary   (call 1: copy.sh)
#   .gpu/b = the rest of the binary + libraries + loaders + run.sh   (call 2: run.sh)
# docs/webgpu.md has the whole procedure and what it measured. Run from the repo root (Debian, amd64).
set -euo pipefail
ROOT=$(pwd)
WORK=${WORK:-/tmp/webgpu-kit}
PART_A_BYTES=${PART_A_BYTES:-31900000}
grep -qx '/.gpu/' .git/info/exclude || echo '/.gpu/' >> .git/info/exclude
rm -rf "$WORK" .gpu && mkdir -p "$WORK/debs" "$WORK/root" "$WORK/kit/chrome/locales" "$WORK/kit/lib" .gpu/a .gpu/b/gl

(cd "$WORK/debs" && apt-get download chromium-headless-shell chromium-common)
for deb in "$WORK"/debs/*.deb; do dpkg -x "$deb" "$WORK/root"; done
CH="$WORK/root/usr/lib/chromium"
# Resources the shell reads beside itself (no swiftshader, crash handler or validation layers).
cp "$CH"/{headless_command_resources.pak,headless_lib_data.pak,headless_lib_strings.pak,icudtl.dat} "$WORK/kit/chrome/"
cp "$CH"/{libEGL.so,libGLESv2.so,libvulkan.so.1,snapshot_blob.bin,v8_context_snapshot.bin} "$WORK/kit/chrome/"
cp "$CH/locales/en-US.pak" "$WORK/kit/chrome/locales/"
# Every library the shell links, as resolved here, except the C/C++ runtime (the device's is newer).
ldd "$CH/chromium-headless-shell" | awk '$3 ~ /^\// {print $1, $3}' |
  grep -v -E '^(libc\.so|libm\.so|libpthread|libgcc_s|libstdc\+\+|libdl\.so|librt\.so)' |
  while read -r name file; do cp -L "$file" "$WORK/kit/lib/$name"; done
# NSS loads its own modules at run time.
dpkg -L libnss3 | grep '\.so' | while read -r f; do [ -f "$f" ] && cp -L "$f" "$WORK/kit/lib/"; done
(cd "$WORK/kit" && tar -cf - chrome lib | xz -T2 -9e > "$ROOT/.gpu/b/support.tar.xz")
xz -T2 -9 -c "$CH/chromium-headless-shell" > "$WORK/shell.xz"
head -c "$PART_A_BYTES" "$WORK/shell.xz" > .gpu/a/shell.a
tail -c +"$((PART_A_BYTES + 1))" "$WORK/shell.xz" > .gpu/b/shell.b
# The GL/Vulkan loaders (libglvnd) the NVIDIA driver plugs into.
(cd .gpu/b/gl && apt-get download libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2)

# The app, built with the bench hook; its models travel in models/ (tracked), not twice.
npx vite build --logLevel warn --outDir "$WORK/dist" --emptyOutDir
(cd "$WORK/dist" && tar --exclude='assets/*.onnx' -cf - . | xz -T2 -9 > "$ROOT/.gpu/a/dist.tar.xz")
(cd "$WORK/dist/assets" && ls ppocr-v4-*.onnx) > .gpu/a/model-names.txt
cp scripts/bench/webgpu-device/run.sh .gpu/b/run.sh
du -cb .gpu/a/* | tail -1 | sed 's/total/bytes in .gpu\/a (call 1)/'
du -cb .gpu/b/*.xz .gpu/b/shell.b .gpu/b/gl/* | tail -1 | sed 's/total/bytes in .gpu\/b (call 2)/'
echo "each must stay under $((64 * 1048576)) minus the tracked tree ($(git ls-files -z | xargs -0 du -cb | tail -1 | cut -f1))"
