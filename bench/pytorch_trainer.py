#!/usr/bin/env python3
"""The PyTorch side of bench/trainer-vs-pytorch.sh: the same networks as TrainingThroughput (LeNet-5 and the
deeper 5x5/3x3 candidate), the same real Fashion-MNIST images scaled to [0, 1], batch 64, Adam 1e-3, one epoch after
a short warm-up. Prints one line: RESULT model train_images epochs examples_per_second validation_error threads.

Usage: pytorch_trainer.py MODEL IMAGES THREADS [DATA_DIR]
"""
import gzip
import os
import sys
import time

import numpy as np
import torch
from torch import nn


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def lenet5():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 120, 5), nn.ReLU(), nn.Flatten(),
        nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def deeper():
    return nn.Sequential(
        nn.Conv2d(1, 32, 5, padding=2), nn.ReLU(),
        nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))


def error(model, x, y):
    model.eval()
    wrong = 0
    with torch.no_grad():
        for i in range(0, len(x), 1000):
            wrong += (model(x[i:i + 1000]).argmax(1) != y[i:i + 1000]).sum().item()
    model.train()
    return wrong / len(x)


def main():
    model_name, images, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    data_dir = sys.argv[4] if len(sys.argv) > 4 else "/usr/share/datasets/fashion-mnist"
    torch.set_num_threads(threads)
    torch.manual_seed(123)
    pixels = idx(os.path.join(data_dir, "train-images-idx3-ubyte.gz"))
    labels = idx(os.path.join(data_dir, "train-labels-idx1-ubyte.gz"))
    order = np.random.default_rng(1).permutation(len(labels))[:images + 2000]
    x = torch.from_numpy(pixels[order].astype(np.float32) / 255.0).unsqueeze(1)
    y = torch.from_numpy(labels[order].astype(np.int64))
    train_x, train_y, val_x, val_y = x[:images], y[:images], x[images:], y[images:]
    model = {"lenet5": lenet5, "deeper": deeper}[model_name]()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def step(bx, by):
        optimizer.zero_grad()
        loss = loss_fn(model(bx), by)
        loss.backward()
        optimizer.step()

    warmup = max(1, images // 64 // 20)  # about 5 % of an epoch, as the JVM side warms up
    for b in range(warmup):
        step(train_x[b * 64:(b + 1) * 64], train_y[b * 64:(b + 1) * 64])
    batches = torch.randperm(images, generator=torch.Generator().manual_seed(2)).split(64)
    start = time.perf_counter()
    for rows in batches:
        step(train_x[rows], train_y[rows])
    seconds = time.perf_counter() - start
    print(f"RESULT {model_name} {images} 1.00 {images / seconds:.1f} {error(model, val_x, val_y):.4f} "
          f"threads={threads}", flush=True)


if __name__ == "__main__":
    main()
