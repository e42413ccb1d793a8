# An uncaught error from unpacking a non-iterable into a call.
def show(*items, sep=" "):
    print(sep.join(str(i) for i in items))

show(*[1, 2, 3], sep=",")
count = 3
show(*count)
