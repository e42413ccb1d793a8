# Nested lists and dicts: records, lookup tables, tree walking.
people = [
    {'name': 'Ann', 'age': 31, 'langs': ['python', 'c']},
    {'name': 'Bob', 'age': 25, 'langs': ['go']},
    {'name': 'Cyd', 'age': 42, 'langs': ['rust', 'python', 'zig']},
    {'name': 'Dee', 'age': 25, 'langs': []},
]
for p in people:
    print(p['name'], p['age'], len(p['langs']), ', '.join(p['langs']))
by_lang = {}
for p in people:
    for lang in p['langs']:
        by_lang.setdefault(lang, []).append(p['name'])
print(by_lang)
def age_of(p):
    return p['age']
def name_of(p):
    return p['name']
oldest = sorted(people, key=age_of, reverse=True)[0]
print('oldest', oldest['name'])
order = []
for p in sorted(people, key=age_of):
    order.append(p['name'])
print(order)
ages = {}
for p in people:
    ages[p['age']] = ages.get(p['age'], 0) + 1
print(ages)
tree = ['root', [['a', [['a1', []], ['a2', []]]], ['b', [['b1', [['b1x', []]]]]], ['c', []]]]
def walk(node, depth):
    name = node[0]
    children = node[1]
    print('  ' * depth + name)
    count = 1
    for child in children:
        count += walk(child, depth + 1)
    return count
print('nodes', walk(tree, 0))
def tree_depth(node):
    best = 0
    for child in node[1]:
        d = tree_depth(child)
        if d > best:
            best = d
    return best + 1
print('depth', tree_depth(tree))
inventory = {'fruit': {'apple': 3, 'pear': 0}, 'veg': {'kale': 2}}
inventory['veg']['leek'] = 5
inventory['fruit']['apple'] -= 1
del inventory['fruit']['pear']
inventory.setdefault('grain', {})['rice'] = 10
print(inventory)
total = 0
for cat, items in inventory.items():
    for item, qty in items.items():
        total += qty
        print(cat, item, qty)
print('total', total)
grid = []
for r in range(4):
    row = []
    for c in range(5):
        row.append((r, c) if (r + c) % 3 == 0 else None)
    grid.append(row)
for row in grid:
    print(row)
copy_shallow = grid.copy()
copy_shallow[0][0] = 'changed'
print(grid[0][0], copy_shallow is grid, copy_shallow[0] is grid[0])
