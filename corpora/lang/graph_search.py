# Graph BFS/DFS with adjacency lists in a dict.
graph = {
    'a': ['b', 'c'],
    'b': ['d', 'e'],
    'c': ['f'],
    'd': [],
    'e': ['f', 'g'],
    'f': ['h'],
    'g': ['h'],
    'h': [],
    'x': ['y'],
    'y': ['x'],
}
def bfs(start):
    seen = {start: 0}
    order = [start]
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in graph[node]:
            if nxt not in seen:
                seen[nxt] = seen[node] + 1
                order.append(nxt)
                queue.append(nxt)
    return order, seen
def dfs(node, seen, order):
    seen[node] = True
    order.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            dfs(nxt, seen, order)
    return order
def path(start, goal):
    prev = {start: None}
    queue = [start]
    while queue:
        node = queue.pop(0)
        if node == goal:
            break
        for nxt in graph[node]:
            if nxt not in prev:
                prev[nxt] = node
                queue.append(nxt)
    if goal not in prev:
        return None
    out = []
    cur = goal
    while cur is not None:
        out.append(cur)
        cur = prev[cur]
    out.reverse()
    return out
order, dist = bfs('a')
print(order)
print(dist)
print(dfs('a', {}, []))
print(bfs('x'))
print(path('a', 'h'), path('a', 'g'), path('a', 'x'), path('x', 'y'), path('d', 'd'))
def topo():
    indeg = {}
    for n in graph:
        indeg.setdefault(n, 0)
        for m in graph[n]:
            indeg[m] = indeg.get(m, 0) + 1
    ready = []
    for n in sorted(indeg):
        if indeg[n] == 0:
            ready.append(n)
    out = []
    while ready:
        n = ready.pop(0)
        out.append(n)
        for m in graph[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
    return out, indeg
print(topo())
reachable = {}
for n in graph:
    reachable[n] = len(dfs(n, {}, [])) - 1
print(reachable)
