# Debugger scenario: a call chain across three modules, with locals of every
# value type the renderer shows, waiting in the innermost call.
#
#   pyglass corpora/scenarios/chain.py [--ready FILE]
#
# The stack the tools must print is in chain.expected (innermost first), the
# locals of the frames in chain.locals. transform() reaches leaf() through
# the built-in map(), so two native eval_frame activations are on the stack:
# the inner one runs leaf(), the outer one transform() ... <module>.
import chain_helpers


def main():
    names = ["alpha", "beta", "gamma"]
    config = {"mode": "chain", "depth": 3}
    result = chain_helpers.process(names, config)
    return result


main()
