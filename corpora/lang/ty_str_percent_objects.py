# % formatting of user objects (__index__, __int__, __float__, __str__,
# __repr__), str subclasses, ascii(), and dict-driven templates.
class Idx:
    def __index__(self): return 42
class Num:
    def __int__(self): return 7
    def __float__(self): return 2.5
class Shown:
    def __str__(self): return 'shown'
    def __repr__(self): return 'Shown()'
class MyStr(str):
    pass
print('%d %x %o %#x' % (Idx(), Idx(), Idx(), Idx()))
print('%d %i %f %.1e' % (Num(), Num(), Num(), Num()))
print('%s %r %a %10s|%-10r|' % (Shown(), Shown(), Shown(), Shown(), Shown()))
print(MyStr('%s-%s') % (1, 2), type(MyStr('%s') % 1).__name__)
print(ascii('héllo ☃ 😀'), ascii([1, 'é']), ascii(1.5))
print('%a' % 'ünï', '%5a|' % 'é')
rows = [('apple', 3, 1.5), ('kiwi', 12, 0.25), ('banana', 100, 12.125)]
for name, count, price in rows:
    print('%-10s|%5d|%8.2f|%+06d|%x' % (name, count, price, count, count))
print('%(name)s has %(n)d items costing %(cost).2f' % {'name': 'cart', 'n': 3, 'cost': 9.5})
print('%s' % (('nested', 'tuple'),))
print('%%d means %s' % 'integer')
print('%c%c%c' % (72, 'i', 0x263a))
try:
    print('%x' % Num())
except TypeError as e:
    print(e)
try:
    print('%d' % Shown())
except TypeError as e:
    print(e)
try:
    print('%f' % Shown())
except TypeError as e:
    print(e)
print(5 % 3, 5.5 % 2)
try:
    print(5 % 'a')
except TypeError as e:
    print(e)
'%s %s' % ('only one',)
