# set/frozenset errors: CPython's exception types and messages.
def attempt(label, fn):
    try:
        fn()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '-> no error')

attempt("set(1)", lambda: set(1))
attempt("set(1, 2)", lambda: set(1, 2))
attempt("set(a=1)", lambda: set(a=1))
attempt("add()", lambda: {1}.add())
attempt("frozenset add", lambda: frozenset().add(1))
attempt("remove missing", lambda: {1}.remove(5))
attempt("remove missing str", lambda: {1}.remove('k'))
attempt("pop(1)", lambda: {1}.pop(1))
attempt("pop empty", lambda: set().pop())
attempt("| list", lambda: {1} | [2])
attempt("& tuple", lambda: {1} & (2,))
attempt("- int", lambda: {1} - 1)
attempt("^ str", lambda: {1} ^ 'a')
attempt("+", lambda: {1} + {2})
attempt("*", lambda: {1} * 2)
attempt("< list", lambda: {1} < [1])
attempt(">= int", lambda: {1} >= 3)
attempt("hash set", lambda: hash({1}))
attempt("union kw", lambda: {1}.union(a=2))
attempt("set of set", lambda: {{1}})
attempt("set of list", lambda: set([[1]]))
attempt("frozenset(1, 2)", lambda: frozenset(1, 2))
attempt("issubset int", lambda: {1}.issubset(3))
attempt("isdisjoint None", lambda: {1}.isdisjoint(None))
attempt("update int", lambda: set().update(1))
attempt("discard list", lambda: {1}.discard([1]))
attempt("in list", lambda: [1] in {1})
one = {1}
attempt("set index", lambda: one[0])
attempt("sym_diff 2 args", lambda: {1}.symmetric_difference({1}, {2}))
attempt("copy arg", lambda: {1}.copy(1))
attempt("frozenset kw", lambda: frozenset(x=1))

s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print('RuntimeError', e)

def grow():
    s = {1}
    for x in s:
        s.add(x + 1)
grow()
