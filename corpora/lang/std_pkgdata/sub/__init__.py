from .. import consts as parent_consts
from ..helpers import helper_name
LEVEL = "sub"
