# warnings: warn() output on stderr (checked through a capturing
# showwarning and catch_warnings(record=True)), once per location by
# default, filters, 'error', stacklevel.
import sys
import warnings

shown = []


def capture(message, category, filename, lineno, file=None, line=None):
    shown.append((str(message), category.__name__, filename == __file__, lineno))


def emit(n):
    for i in range(n):
        warnings.warn('repeated')


original = warnings.showwarning
warnings.showwarning = capture
emit(3)
warnings.warn('user one')
warnings.warn('with category', RuntimeWarning)
warnings.warn(UserWarning('an instance'))
warnings.warn('deprecated in main', DeprecationWarning)
warnings.warn('pending', PendingDeprecationWarning)


def deep():
    warnings.warn('from caller', stacklevel=2)


deep()
deep()
for entry in shown:
    print(entry)
warnings.showwarning = original

print(warnings.formatwarning('msg', UserWarning, 'file.py', 12, 'x = 1\n'), end='')
print(repr(warnings.formatwarning('msg', RuntimeWarning, 'nofile.py', 3, '')))

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    emit(2)
    warnings.warn('bytes', BytesWarning)
    print(len(log), [str(w.message) for w in log], log[0].category.__name__, log[0].lineno)
    print(str(log[-1]).startswith("{message : BytesWarning('bytes'), category : 'BytesWarning'"))

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('ignore')
    warnings.warn('silent')
    print(len(log))

with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        warnings.warn('now an error')
    except UserWarning as e:
        print('raised', type(e).__name__, e)
    try:
        warnings.warn('runtime error', RuntimeWarning)
    except RuntimeWarning as e:
        print('raised', type(e).__name__, e)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    warnings.filterwarnings('ignore', category=RuntimeWarning)
    warnings.filterwarnings('error', message='fatal')
    warnings.warn('kept')
    warnings.warn('dropped', RuntimeWarning)
    try:
        warnings.warn('fatal thing')
    except UserWarning as e:
        print('error filter:', e)
    print([str(w.message) for w in log])

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('once')
    for i in range(3):
        warnings.warn('only once')
    emit(2)
    print([str(w.message) for w in log])

try:
    warnings.warn('x', str)
except TypeError as e:
    print(e)
try:
    warnings.simplefilter('sometimes')
except AssertionError as e:
    print(e)

# the real output goes to stderr: this program's stdout does not see it
warnings.warn('to stderr')
warnings.warn('to stderr')
print('done', len(warnings.filters) >= 0)
