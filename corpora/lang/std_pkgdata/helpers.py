from .consts import FACTOR
def double(x):
    return FACTOR * x
def helper_name():
    return __name__ + " in " + __package__
