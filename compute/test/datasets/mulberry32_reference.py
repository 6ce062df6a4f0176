"""Reference mulberry32 values for compute/test/datasets/random.test.ts.

An independent implementation of mulberry32 (Tommy Ettinger's 32-bit generator, as
compute/src/datasets/random.ts implements it) in plain Python integers, so the test's expected
values do not come from the code under test. Prints, for each seed the test checks, its first
three outputs as JavaScript writes them (Python's repr of a float is the same shortest
round-trip text).

    python3 compute/test/datasets/mulberry32_reference.py
    # 0 [0.26642920868471265, 0.0003297457005828619, 0.2232720274478197]
"""

MASK = 0xFFFFFFFF


def imul(a: int, b: int) -> int:
    """Math.imul: the low 32 bits of the product, as an unsigned value."""
    return (a * b) & MASK


def mulberry32(seed: int):
    state = seed & MASK
    while True:
        state = (state + 0x6D2B79F5) & MASK
        t = state
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & MASK
        yield ((t ^ (t >> 14)) & MASK) / 2**32


if __name__ == "__main__":
    for seed in (0, 42, 2**32 - 1):
        generator = mulberry32(seed)
        print(seed, [next(generator) for _ in range(3)])
