# warnings from an imported module: which module a warning is attributed
# to (stacklevel), the default filters (DeprecationWarning shown only when
# attributed to __main__), once per location, and the registry.
import os
import warnings

seen = []


def capture(message, category, filename, lineno, file=None, line=None):
    seen.append((category.__name__, str(message), os.path.basename(filename), lineno))


warnings.showwarning = capture
from std_warnings_data import oldapi

print(oldapi.old_function(2), oldapi.old_function(3))
for i in range(2):
    print(oldapi.noisy_inside())
import std_warnings_data.oldapi
print(std_warnings_data.oldapi is oldapi)
for entry in seen:
    print(entry)
print(sorted(k for k in oldapi.__dict__ if k.startswith('__warn')))
print(len([k for k in globals().get('__warningregistry__', {}) if k != 'version']))
