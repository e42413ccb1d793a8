from . import LEVEL
from .. import consts
def where():
    return LEVEL + ":" + __name__
