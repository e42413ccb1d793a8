# Middle of the chain.py scenario.
import chain_leaf


def process(items, options):
    count = len(items)
    label = "process"
    return transform(items, count)


def transform(values, count):
    scale = 2.5
    big = 2 ** 100
    results = list(map(chain_leaf.leaf, [values], [scale], [big]))
    return results[0]
