# Debugger scenario: a module being imported. load() imports
# import_target.py, whose top level waits: its <module> frame runs in a new
# eval_frame() activation under load()'s frame.
#
#   pyglass corpora/scenarios/importing.py [--ready FILE]
#
# Stack: importing.expected.


def load():
    import import_target
    return import_target


load()
