"""PyTorch peer of `mtl-bench throughput`: the authors' LSTM_2FCs (paper 2006.05561, code/LSTM_2FCs.py) and a
window MLP of MTLCore's default sizes, trained on CPU on synthetic data of the paper's shapes.

bilstm-2fc: frozen 300-d vectors of the 7-token window -> nn.LSTM(300, 300, bidirectional) -> out[:, -1, :] (600)
  -> Linear 600->256 -> Linear 256->128 (shared, no activations, as in the paper)
  -> per task Linear 128->64 -> Linear 64->5. Adam (lr 1e-3), cross-entropy.
window-mlp: trainable 64-d embeddings (sparse gradients, SparseAdam = lazy Adam as MTLCore) of the window,
  concatenated (448) -> Linear 448->256 -> ReLU (shared) -> per task Linear 256->5.
A step on task t updates the shared layers and head t only (the other heads get no gradient), as in the paper.

Usage: python mtl_torch.py --model bilstm-2fc --threads 1   (prints one JSON line; see mtl_common.py)
"""

import os
import sys

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mtl_common as common  # noqa: E402


class BiLSTM2FC(nn.Module):
    def __init__(self, vocab: int, tasks: int, variant: str):
        super().__init__()
        self.variant = variant
        vectors = torch.randn(vocab, 300) * 0.1
        vectors[0] = 0
        self.embedding = nn.Embedding.from_pretrained(vectors, freeze=True)
        if variant == "paper":
            self.lstm = nn.LSTM(300, 300, batch_first=True, bidirectional=True)
        else:
            # Same function: forward direction over the window, backward direction over the last token only.
            self.forward_lstm = nn.LSTM(300, 300, batch_first=True)
            self.backward_cell = nn.LSTMCell(300, 300)
        self.shared = nn.Sequential(nn.Linear(600, 256), nn.Linear(256, 128))
        self.heads = nn.ModuleList([nn.Sequential(nn.Linear(128, 64), nn.Linear(64, common.CLASSES)) for _ in range(tasks)])

    def forward(self, ids, task: int):
        x = self.embedding(ids)
        if self.variant == "paper":
            out, _ = self.lstm(x)
            features = out[:, -1, :]
        else:
            out, _ = self.forward_lstm(x)
            h, _ = self.backward_cell(x[:, -1, :])
            features = torch.cat([out[:, -1, :], h], dim=1)
        return self.heads[task](self.shared(features))


class WindowMLP(nn.Module):
    def __init__(self, vocab: int, tasks: int):
        super().__init__()
        self.embedding = nn.Embedding(vocab, 64, sparse=True)
        nn.init.normal_(self.embedding.weight, std=0.1)
        self.shared = nn.Sequential(nn.Linear(common.WINDOW * 64, 256), nn.ReLU())
        self.heads = nn.ModuleList([nn.Linear(256, common.CLASSES) for _ in range(tasks)])

    def forward(self, ids, task: int):
        x = self.embedding(ids).reshape(ids.shape[0], -1)
        return self.heads[task](self.shared(x))


def main():
    args = common.parse_args("PyTorch")
    if args.copies > 1:
        rec = common.run_copies(args, os.path.abspath(__file__))
        print(__import__("json").dumps(rec), flush=True)
        return
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(args.seed)
    if args.model == "bilstm-2fc":
        model = BiLSTM2FC(args.vocab, args.tasks, args.variant)
        optimizers = [torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=1e-3)]
    else:
        model = WindowMLP(args.vocab, args.tasks)
        dense = [p for n, p in model.named_parameters() if not n.startswith("embedding")]
        optimizers = [torch.optim.SparseAdam([model.embedding.weight], lr=1e-3), torch.optim.Adam(dense, lr=1e-3)]
    loss_fn = nn.CrossEntropyLoss()
    model.train()

    def step(task, ids, labels):
        x = torch.from_numpy(ids.astype(np.int64))
        y = torch.from_numpy(labels.astype(np.int64))
        for opt in optimizers:
            opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x, task), y)
        loss.backward()
        for opt in optimizers:
            opt.step()

    rates = common.measure(args, step)
    common.report("PyTorch", torch.__version__, args, rates, {"intra_op_threads": torch.get_num_threads()})


if __name__ == "__main__":
    main()
