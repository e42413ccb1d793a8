// `pyglass --dis`: a listing of every code object, driven by opcodes.def.
#pragma once

#include <cstdio>

#include "vm/code.h"

namespace pg {
void disassemble(Code* code, FILE* out);
}
