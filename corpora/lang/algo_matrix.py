# Matrices as nested lists: multiply, transpose, identity, determinant.
def zeros(r, c):
    m = []
    for i in range(r):
        m.append([0] * c)
    return m

def identity(n):
    m = zeros(n, n)
    for i in range(n):
        m[i][i] = 1
    return m

def transpose(a):
    t = zeros(len(a[0]), len(a))
    for i in range(len(a)):
        for j in range(len(a[0])):
            t[j][i] = a[i][j]
    return t

def matmul(a, b):
    out = zeros(len(a), len(b[0]))
    for i in range(len(a)):
        for j in range(len(b[0])):
            s = 0
            for k in range(len(b)):
                s += a[i][k] * b[k][j]
            out[i][j] = s
    return out

def det(m):
    n = len(m)
    if n == 1:
        return m[0][0]
    if n == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    total = 0
    sign = 1
    for c in range(n):
        minor = []
        for r in range(1, n):
            row = m[r][:c] + m[r][c + 1:]
            minor.append(row)
        total += sign * m[0][c] * det(minor)
        sign = -sign
    return total

def show(m):
    for row in m:
        line = ''
        for v in row:
            line += ' ' + str(v)
        print(line)

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(a)
show(transpose(a))
show(matmul(a, b))
show(matmul(b, a))
show(identity(4))
print(matmul(identity(3), b) == b, matmul(identity(3), b))
m = [[2, -3, 1], [2, 0, -1], [1, 4, 5]]
print(det(m), det([[1, 2], [3, 4]]), det(identity(5)), det([[7]]))
fib = [[1, 1], [1, 0]]
p = identity(2)
for i in range(90):
    p = matmul(p, fib)
print(p)
f = [[0.5, 0.25], [0.125, 1.0]]
print(matmul(f, f), transpose(f))
