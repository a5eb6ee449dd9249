#!/usr/bin/env python3
"""Generates the secret-scan benchmark tree: text and binary files under ROOT/srv/bench.

Text files are slices of real text found on this machine (configuration, scripts, Python
sources, logs) with a few planted secrets; binary files are random bytes with a NUL near the
start, as executables and archives have. Usage: generate.py ROOT TOTAL_MB [TEXT_SHARE]
"""
import os
import random
import sys

root, total_mb = sys.argv[1], int(sys.argv[2])
text_share = float(sys.argv[3]) if len(sys.argv) > 3 else 0.6
rng = random.Random(20261122)
base = os.path.join(root, 'srv', 'bench')

# a pool of real text: what a scanner meets in /etc, /opt and /var
pool = []
for top in ('/etc', '/usr/lib/python3', '/usr/share/perl5', '/var/log', '/usr/share/doc'):
    for dirpath, _, names in os.walk(top):
        for n in names:
            p = os.path.join(dirpath, n)
            try:
                if os.path.islink(p) or not os.path.isfile(p) or os.path.getsize(p) > 2 << 20:
                    continue
                with open(p, 'rb') as f:
                    b = f.read()
            except OSError:
                continue
            if b and b'\0' not in b[:8192]:
                pool.append(b)
        if sum(map(len, pool)) > 64 << 20:
            break
text = b'\n'.join(pool)
A62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
def token(n): return ''.join(rng.choice(A62) for _ in range(n))
plants = [
    lambda: 'aws_secret_access_key = %s\n' % token(40),
    lambda: 'export GITHUB_TOKEN=ghp_%s\n' % token(36),
    lambda: 'db_password = "%s"\n' % token(14),
    lambda: 'https://deploy:%s@git.internal/repo.git\n' % token(16),
]

written = planted = 0
text_goal = int(total_mb * (1 << 20) * text_share)
total_goal = total_mb << 20
i = 0
while written < total_goal:
    d = os.path.join(base, 'd%03d' % (i // 200))
    os.makedirs(d, exist_ok=True)
    size = int(rng.lognormvariate(10.5, 1.4))  # median ~36 KB, a long tail of large files
    size = max(512, min(size, 8 << 20))
    if written < text_goal:
        start = rng.randrange(0, max(1, len(text) - size))
        chunk = bytearray(text[start:start + size])
        if i % 50 == 0:
            at = chunk.find(b'\n', len(chunk) // 2) + 1
            chunk[at:at] = plants[(i // 50) % len(plants)]().encode()
            planted += 1
        name = os.path.join(d, 'f%06d.%s' % (i, rng.choice(['conf', 'log', 'py', 'txt', 'yaml', 'sh'])))
        data = bytes(chunk)
    else:
        data = bytearray(os.urandom(size))
        data[rng.randrange(0, min(size, 4096))] = 0
        name = os.path.join(d, 'f%06d.%s' % (i, rng.choice(['bin', 'so', 'jar', 'gz', 'png'])))
    with open(name, 'wb') as f:
        f.write(data)
    written += len(data)
    i += 1
print('%d files, %.0f MB (%.0f MB text), %d planted secrets' % (i, written / (1 << 20), min(written, text_goal) / (1 << 20), planted))
