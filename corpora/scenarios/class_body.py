# Debugger scenario: waiting inside a class body. The body is a frame of its
# own, run by builtins.__build_class__ (native) in a new eval_frame()
# activation, under the function that defines the class.
#
#   pyglass corpora/scenarios/class_body.py [--ready FILE]
#
# Stack: class_body.expected.
import time

import scenario_util


def build():
    class Settings:
        level = 3
        scenario_util.signal_ready()
        time.sleep(1000)

    return Settings


build()
