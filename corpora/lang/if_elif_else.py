# if / elif / else and conditional expressions.
def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    elif n < 100:
        return 'medium'
    else:
        return 'large'
for v in [-5, 0, 3, 42, 1000, -0.5, 9.99]:
    print(v, classify(v))
def fizz(n):
    if n % 15 == 0:
        return 'FizzBuzz'
    if n % 3 == 0:
        return 'Fizz'
    if n % 5 == 0:
        return 'Buzz'
    return str(n)
out = []
for i in range(1, 31):
    out.append(fizz(i))
print(' '.join(out))
for v in [0, 1, '', 'a', [], [0], (), None, 0.0, {}, {'k': 1}, range(0), range(1)]:
    if v:
        print(repr(v), 'truthy')
    else:
        print(repr(v), 'falsy')
x = 5
print('big' if x > 3 else 'small', 'even' if x % 2 == 0 else 'odd')
print(1 if True else 2 if False else 3, 'a' if 0 else 'b' if 0 else 'c')
y = [x * 2 if x > 2 else -x][0]
print(y)
if x > 1:
    if x > 4:
        if x > 10:
            print('>10')
        else:
            print('5..10')
    else:
        print('2..4')
if x == 5: print('one-line if')
if not x:
    pass
elif x:
    print('elif taken')
def sign(n):
    return 1 if n > 0 else -1 if n < 0 else 0
print(sign(5), sign(-3), sign(0))
grade = 0
for score in [95, 85, 75, 65, 55]:
    if score >= 90:
        grade = 'A'
    elif score >= 80:
        grade = 'B'
    elif score >= 70:
        grade = 'C'
    elif score >= 60:
        grade = 'D'
    else:
        grade = 'F'
    print(score, grade)
