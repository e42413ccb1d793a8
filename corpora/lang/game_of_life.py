# Conway's game of life on a small torus.
W = 12
H = 8
def make(cells):
    g = []
    for r in range(H):
        g.append([0] * W)
    for rc in cells:
        g[rc[0]][rc[1]] = 1
    return g
def neighbours(g, r, c):
    n = 0
    for dr in [-1, 0, 1]:
        for dc in [-1, 0, 1]:
            if dr == 0 and dc == 0:
                continue
            n += g[(r + dr) % H][(c + dc) % W]
    return n
def step(g):
    new = make([])
    for r in range(H):
        for c in range(W):
            n = neighbours(g, r, c)
            if g[r][c] and (n == 2 or n == 3):
                new[r][c] = 1
            elif not g[r][c] and n == 3:
                new[r][c] = 1
    return new
def show(g, gen):
    print('generation', gen)
    for row in g:
        line = ''
        for v in row:
            line += '#' if v else '.'
        print(line)
def population(g):
    total = 0
    for row in g:
        total += sum(row)
    return total
glider = [(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)]
blinker = [(5, 8), (5, 9), (5, 10)]
g = make(glider + blinker)
for gen in range(6):
    show(g, gen)
    print('population', population(g))
    g = step(g)
pops = []
for gen in range(40):
    g = step(g)
    pops.append(population(g))
print(pops)
