// Opcode metadata generated from opcodes.def.
#include "vm/opcodes.h"

namespace pg {

const OpcodeInfo kOpcodeInfo[kOpcodeCount] = {
#define OPCODE(name, effect, jump_effect, kind) {#name, OperandKind::kind, OperandKind::kind == OperandKind::Jump},
#include "vm/opcodes.def"
#undef OPCODE
};

int opcode_stack_effect(uint8_t opcode, uint32_t oparg_u, bool jump) {
  int oparg = int(oparg_u);
  (void)oparg;
  switch (opcode) {
#define OPCODE(name, effect, jump_effect, kind) \
  case OP_##name:                               \
    return jump ? (jump_effect) : (effect);
#include "vm/opcodes.def"
#undef OPCODE
  }
  return 0;
}

}  // namespace pg
