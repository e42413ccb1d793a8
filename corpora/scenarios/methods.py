# Debugger scenario: a chain of method calls across two classes (bound
# methods, a classmethod and a property getter), waiting in the innermost.
#
#   pyglass corpora/scenarios/methods.py [--ready FILE]
#
# Stack: methods.expected.
import time

import scenario_util


class Store:
    def __init__(self, items):
        self.items = items

    @property
    def size(self):
        scenario_util.signal_ready()
        time.sleep(1000)
        return len(self.items)


class Report:
    @classmethod
    def create(cls, store):
        report = cls()
        report.store = store
        return report.render()

    def render(self):
        return "size=" + str(self.store.size)


Report.create(Store([1, 2, 3]))
