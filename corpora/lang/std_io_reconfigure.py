# sys.stdout.reconfigure(encoding='utf-8'): accepted (the streams are UTF-8).
import sys
sys.stdout.reconfigure(encoding='utf-8')
sys.stdin.reconfigure(encoding='utf-8', errors='strict')
print(sys.stdout.reconfigure(line_buffering=True))
try:
    sys.stdout.reconfigure(bogus=1)
except TypeError as e:
    print(e)
print('ok')
