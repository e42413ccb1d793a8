# An uncaught binding error: the traceback points at the call.
def configure(name, *, verbose=False, **options):
    return name, verbose, options

print(configure("a", verbose=True, level=3))

def run(args):
    return configure(*args, verbose=True, verbose2=False)

print(run(["x"]))
run(["x", "y"])
