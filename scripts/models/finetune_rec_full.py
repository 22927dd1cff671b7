"""Fine-tunes the whole PP-OCRv4 line recognizer, backbone included, on packed line crops (GPU).

`finetune_rec.py` trains only the SVTR neck and the CTC head on frozen backbone features: that is
what two CPU cores allow, and more generated data stopped paying there (round 12 of
docs/accuracy-history.md). This script trains every layer from the input pixels, with the
degradations the phone photos and webcam frames show (blur, lost resolution, noise, contrast, a
wider or narrower line) drawn afresh at each step, on a CUDA device when there is one. The ONNX
graph is run by `finetune_rec.py`'s interpreter; batch-norm statistics stay frozen.

The crops travel as one pack (`scripts/models/pack-rec-lines.ts`), and the model as a trimmed copy
whose CTC head keeps only the blank and the permit's characters (the app decodes nothing else):

    /usr/bin/python3 scripts/models/finetune_rec_full.py trim --model FLOAT.onnx --out TRIM.onnx
    python3 scripts/models/finetune_rec_full.py train --model TRIM.onnx --pack PACK.bin \\
        --out TRAINED.onnx [--seconds 360] [--lr 1e-4]
    /usr/bin/python3 scripts/models/finetune_rec_full.py merge --model FLOAT.onnx \\
        --trained TRAINED.onnx --out FINETUNED.onnx

`merge` writes the trained tensors back into the full graph (the head's other classes untouched),
ready for `quantize_rec.py`. Training stops after `--seconds` of steps (or `--steps` steps), on a
cosine schedule over that span, and keeps the state with the best exact-line share on the pack's
validation lines (greedy decoding), writing it to `--out` each time it improves.

On one H200 three runs side by side each made about 3 steps a second (batches of 40,960 padded input
columns, about 190 lines); on two CPU cores a step of 25 lines took about 8 s.
"""

import argparse
import io
import json
import math
import os
import random
import sys
import time

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from finetune_rec import OnnxGraph, attrs, batches, greedy, permit_classes, report, run_op, tally  # noqa: E402

HEIGHT = 48
STEP = 8
# Ops whose inputs must share a device; shape arithmetic stays on the CPU.
DEVICE_OPS = {'Add', 'Sub', 'Mul', 'Div', 'Pow', 'MatMul', 'Conv', 'Concat', 'BatchNormalization'}


def head_constants(proto):
    """Names of the Constant outputs holding the CTC head's weight matrix and bias."""
    graph = OnnxGraph(proto)
    matmul = next(n for n in graph.nodes if n.output[0] == graph.class_matmul)
    return matmul.input[1], graph.class_bias


def set_constant(proto, name, array):
    for n in proto.graph.node:
        if n.op_type == 'Constant' and n.output[0] == name:
            for a in n.attribute:
                if a.name == 'value':
                    a.t.CopyFrom(numpy_helper.from_array(array.astype(np.float32), a.t.name))
            return
    raise KeyError(name)


def constants(proto):
    return {
        n.output[0]: numpy_helper.to_array(attrs(n)['value'])
        for n in proto.graph.node
        if n.op_type == 'Constant'
    }


def trim(args):
    proto = onnx.load(args.model)
    _, subset = permit_classes()
    weight, bias = head_constants(proto)
    values = constants(proto)
    set_constant(proto, weight, values[weight][:, subset])
    set_constant(proto, bias, values[bias][subset])
    onnx.save(proto, args.out)
    print('wrote %s: head %s -> %s' % (args.out, values[weight].shape, (values[weight].shape[0], len(subset))))


def merge(args):
    full = onnx.load(args.model)
    trained = constants(onnx.load(args.trained))
    _, subset = permit_classes()
    weight, bias = head_constants(full)
    values = constants(full)
    changed = 0
    for name, old in values.items():
        if name not in trained or old.dtype != np.float32:
            continue
        new = trained[name]
        if name == weight:
            merged = old.copy()
            merged[:, subset] = new
        elif name == bias:
            merged = old.copy()
            merged[subset] = new
        elif new.shape == old.shape:
            merged = new
        else:
            raise ValueError('%s: %s vs %s' % (name, new.shape, old.shape))
        if not np.array_equal(merged, old):
            changed += 1
        set_constant(full, name, merged)
    onnx.save(full, args.out)
    print('wrote %s (%d tensors changed)' % (args.out, changed))


class DeviceGraph(OnnxGraph):
    """The interpreter with float weights on `device` and shape arithmetic left on the CPU."""

    def to_device(self, device):
        self.device = device
        self.params.to(device)
        for k, v in self.fixed.items():
            if v.dtype.is_floating_point and v.numel() > 1:
                self.fixed[k] = v.to(device)
        return self

    def forward(self, x, logits=True, start=None, subset=None):
        env = {self.input_name: x}
        for node, a in zip(self.nodes, self.node_attrs):
            ins = [self.value(env, i) if i else None for i in node.input]
            if node.op_type in DEVICE_OPS:
                target = next((v.device for v in ins if torch.is_tensor(v) and v.device.type != 'cpu'), None)
                if target is not None:
                    ins = [v.to(target) if torch.is_tensor(v) and v.device != target else v for v in ins]
            out = run_op(node.op_type, ins, a)
            env[node.output[0]] = out
            if logits and node.output[0] == self.logits_name:
                return out
        return env[self.output_name]


def load_pack(path, position, max_width):
    """Decoded crops (uint8 BGR, 48 high) with their label indices, split into train and val."""
    from PIL import Image

    blob = open(path, 'rb').read()
    n = int.from_bytes(blob[:4], 'little')
    index = json.loads(blob[4: 4 + n])
    base = 4 + n
    out = {'train': [], 'val': []}
    skipped = 0
    for e in index:
        text = e['text']
        if any(c not in position for c in text):
            skipped += 1
            continue
        img = Image.open(io.BytesIO(blob[base + e['offset']: base + e['offset'] + e['length']])).convert('RGB')
        arr = np.asarray(img)[:, :, ::-1].copy()  # RGB -> BGR, as the app feeds the model
        if arr.shape[0] != HEIGHT or arr.shape[1] > max_width:
            skipped += 1
            continue
        out[e['split']].append({'img': arr, 'text': text, 'y': [position[c] for c in text], 'tier': e['tier']})
    return out, skipped


def image_width(sample):
    return sample['img'].shape[1]


def collate(group, device):
    width = int(math.ceil(max(s['img'].shape[1] for s in group) / STEP) * STEP)
    x = np.zeros((len(group), HEIGHT, width, 3), dtype=np.float32)
    for i, s in enumerate(group):
        x[i, :, : s['img'].shape[1]] = s['img'] / 127.5 - 1
    widths = [s['img'].shape[1] for s in group]
    return torch.from_numpy(x).permute(0, 3, 1, 2).contiguous().to(device), widths


def gaussian_blur(x, sigma):
    radius = max(1, int(math.ceil(2.5 * sigma)))
    t = torch.arange(-radius, radius + 1, device=x.device, dtype=x.dtype)
    k = torch.exp(-(t * t) / (2 * sigma * sigma))
    k = k / k.sum()
    c = x.shape[1]
    x = F.conv2d(F.pad(x, (radius, radius, 0, 0), mode='replicate'), k.view(1, 1, 1, -1).repeat(c, 1, 1, 1), groups=c)
    return F.conv2d(F.pad(x, (0, 0, radius, radius), mode='replicate'), k.view(1, 1, -1, 1).repeat(c, 1, 1, 1), groups=c)


def augment(x, widths, strength):
    """The degradations of phone photos and webcam frames, drawn per batch and per line."""
    n = x.shape[0]
    dev = x.device
    if random.random() < 0.5 * strength:
        # A wider or narrower line (the app reads unsure lines again 1.25x wider).
        s = random.uniform(0.9, 1.3)
        w = int(math.ceil(x.shape[3] * s / STEP) * STEP)
        x = F.interpolate(x, size=(HEIGHT, w), mode='bilinear', align_corners=False)
        widths = [min(w, int(round(v * s))) for v in widths]
    pick = (torch.rand(n, 1, 1, 1, device=dev) < 0.35 * strength).float()
    if pick.any():
        x = x + pick * (gaussian_blur(x, random.uniform(0.5, 1.3)) - x)
    pick = (torch.rand(n, 1, 1, 1, device=dev) < 0.3 * strength).float()
    if pick.any():
        f = random.uniform(0.5, 0.85)
        small = F.interpolate(x, scale_factor=f, mode='area')
        x = x + pick * (F.interpolate(small, size=x.shape[2:], mode='bilinear', align_corners=False) - x)
    contrast = 1 + (torch.rand(n, 1, 1, 1, device=dev) - 0.5) * 0.5 * strength
    shift = (torch.rand(n, 1, 1, 1, device=dev) - 0.5) * 0.3 * strength
    noise = torch.randn_like(x) * (torch.rand(n, 1, 1, 1, device=dev) * 0.06 * strength)
    x = (x * contrast + shift + noise).clamp(-1, 1)
    # Padding right of each line stays 0, as the app pads.
    cols = torch.arange(x.shape[3], device=dev).view(1, 1, 1, -1)
    keep = (cols < torch.tensor(widths, device=dev).view(-1, 1, 1, 1)).float()
    return x * keep, widths


def evaluate(model, samples, classes, subset, device):
    """Greedy exact-line share and CER per tier; the trimmed head's class k is `subset[k]`."""
    model.eval()
    kept = [classes[k] for k in subset]
    positions = list(range(len(subset)))
    with torch.no_grad():
        return tally(
            samples,
            lambda group: greedy(model(collate(group, device)[0]).float().cpu(), positions, kept),
            60000,
            True,
            width=image_width,
        )


def train(args):
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device('cuda' if torch.cuda.is_available() and not args.cpu else 'cpu')
    if device.type == 'cuda':
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
        torch.backends.cudnn.benchmark = False
    else:
        torch.set_num_threads(os.cpu_count() or 2)
    classes, subset = permit_classes()
    position = {classes[k]: p for p, k in enumerate(subset) if p > 0}
    proto = onnx.load(args.model)
    model = DeviceGraph(proto).to_device(device)
    t0 = time.time()
    data, skipped = load_pack(args.pack, position, args.max_width)
    if args.limit:
        data = {k: v[: args.limit] for k, v in data.items()}
    print('%s: %d train, %d validation lines (%d skipped), decoded in %.0f s on %s' % (
        args.pack, len(data['train']), len(data['val']), skipped, time.time() - t0, device), flush=True)
    # Output time steps per input column (the model halves the width three times).
    per_column = 1 / STEP
    best = evaluate(model, data['val'], classes, subset, device)
    report('start', best)
    best_score = (best['all'][0], -best['all'][1])
    head = {n for n in head_constants(proto)}
    backbone_params, top_params = [], []
    seen_neck = False
    # The neck and head come after the backbone's last pooling in the graph's order.
    order = []
    for n in model.nodes:
        if n.output[0] == 'p2o.AveragePool.1':
            seen_neck = True
        for i in n.input:
            if i in model.param_keys and i not in order:
                order.append(i)
                (top_params if seen_neck or i in head else backbone_params).append(model.params[model.param_keys[i]])
    opt = torch.optim.AdamW(
        [{'params': backbone_params, 'lr': args.lr * args.backbone_lr_scale}, {'params': top_params, 'lr': args.lr}],
        weight_decay=0.0,
    )
    base_lrs = [g['lr'] for g in opt.param_groups]
    start = time.time()
    last_eval = start
    step = 0
    epoch = 0
    loss_sum, seen = 0.0, 0
    done = False
    while not done:
        epoch += 1
        for group in batches(data['train'], args.batch_pixels, True, width=image_width):
            frac = step / args.steps if args.steps else (time.time() - start) / args.seconds
            if frac >= 1:
                done = True
                break
            warm = min(1.0, (step + 1) / args.warmup)
            for g, lr in zip(opt.param_groups, base_lrs):
                g['lr'] = lr * warm * 0.5 * (1 + math.cos(math.pi * frac))
            model.train()
            x, widths = collate(group, device)
            x, widths = augment(x, widths, args.augment)
            logits = model(x)
            log_probs = F.log_softmax(logits.float(), dim=-1).permute(1, 0, 2)
            targets = torch.tensor([c for s in group for c in s['y']], dtype=torch.long, device=device)
            in_lens = torch.tensor(
                [min(logits.shape[1], int(w * per_column)) for w in widths], dtype=torch.long, device=device)
            tgt_lens = torch.tensor([len(s['y']) for s in group], dtype=torch.long, device=device)
            loss = F.ctc_loss(log_probs, targets, in_lens, tgt_lens, blank=0, zero_infinity=True)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(list(model.parameters()), 5.0)
            opt.step()
            step += 1
            loss_sum += loss.item() * len(group)
            seen += len(group)
            # The schedule's last state is validated too (the cosine tail is often the best).
            finished = step >= args.steps if args.steps else time.time() - start >= args.seconds
            if finished or (args.max_steps and step >= args.max_steps):
                done = True
            due = step % args.eval_steps == 0 if args.eval_steps else time.time() - last_eval >= args.eval_every
            if done or due:
                stats = evaluate(model, data['val'], classes, subset, device)
                report('epoch %d step %d, %.0f s, lr %.2g, train loss %.3f' % (
                    epoch, step, time.time() - start, opt.param_groups[1]['lr'], loss_sum / max(1, seen)), stats)
                loss_sum, seen = 0.0, 0
                score = (stats['all'][0], -stats['all'][1])
                if score > best_score:
                    best_score = score
                    onnx.save(model.export(proto), args.out)
                    print('  kept -> %s' % args.out, flush=True)
                last_eval = time.time()
                if done:
                    break
    if args.last:
        onnx.save(model.export(proto), args.last)
    print('best validation exact %.4f, CER %.4f; %d steps in %.0f s' % (
        best_score[0], -best_score[1], step, time.time() - start), flush=True)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest='cmd', required=True)
    p = sub.add_parser('trim', help='a copy whose CTC head keeps the permit characters only')
    p.add_argument('--model', required=True)
    p.add_argument('--out', required=True)
    m = sub.add_parser('merge', help='the trained trimmed model\'s tensors written into the full graph')
    m.add_argument('--model', required=True)
    m.add_argument('--trained', required=True)
    m.add_argument('--out', required=True)
    t = sub.add_parser('train')
    t.add_argument('--model', required=True, help='a trimmed model (trim)')
    t.add_argument('--pack', required=True)
    t.add_argument('--out', required=True)
    t.add_argument('--seconds', type=float, default=360, help='training time (the schedule spans it)')
    t.add_argument('--steps', type=int, default=0, help='train this many steps instead of --seconds')
    t.add_argument('--eval-every', type=float, default=60, help='seconds between validations')
    t.add_argument('--eval-steps', type=int, default=0, help='steps between validations instead')
    t.add_argument('--lr', type=float, default=1e-4)
    t.add_argument('--backbone-lr-scale', type=float, default=0.5)
    t.add_argument('--warmup', type=int, default=100)
    t.add_argument('--augment', type=float, default=1.0, help='0 turns the degradations off')
    t.add_argument('--batch-pixels', type=int, default=64 * 320, help='padded input columns per batch')
    t.add_argument('--max-width', type=int, default=1600)
    t.add_argument('--max-steps', type=int, default=0, help='stop early, the schedule unchanged')
    t.add_argument('--limit', type=int, default=0, help='lines of each split (a quick check)')
    t.add_argument('--last', help='also write the final state here')
    t.add_argument('--cpu', action='store_true')
    t.add_argument('--seed', type=int, default=7)
    args = ap.parse_args()
    {'trim': trim, 'merge': merge, 'train': train}[args.cmd](args)


if __name__ == '__main__':
    main()
