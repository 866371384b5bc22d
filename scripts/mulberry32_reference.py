"""Reference values for tests/core/samples/random.test.ts: mulberry32 re-implemented from Tommy
Ettinger's C original (https://gist.github.com/tommyettinger/46a874533244883189143505d203312c) with
Python integers masked to 32 bits, independent of the TypeScript port. Run: python3 scripts/mulberry32_reference.py
"""
M = 0xFFFFFFFF


def imul(a, b):
    return (a * b) & M


def mulberry32(seed):
    state = seed & M
    while True:
        state = (state + 0x6D2B79F5) & M
        t = state
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & M
        yield ((t ^ (t >> 14)) & M) / 4294967296


for seed in (42, 0, 2**32 - 1):
    g = mulberry32(seed)
    print(seed, [repr(next(g)) for _ in range(3)])
