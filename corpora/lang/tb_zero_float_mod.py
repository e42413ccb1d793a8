# Uncaught ZeroDivisionError: float modulo by zero (3.11 message: 'float modulo').
def wrap(angle, period):
    print('wrap', angle, period)
    return angle % period

def normalize(angles, period):
    out = []
    for a in angles:
        out.append(wrap(a, period))
    return out

def all_periods(angles, periods):
    for p in periods:
        print('period', p, normalize(angles, p))

print(normalize([370.0, -30.0, 725.5], 360.0))
print(normalize([1.5, -1.5], 1))
all_periods([10.0, -10.0], [3.0, 7])
all_periods([1.5], [2.0, 0.0])
print('not reached')
