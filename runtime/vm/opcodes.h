// Opcode enum and per-opcode metadata, generated from opcodes.def.
#pragma once

#include <cstdint>

namespace pg {

enum class OperandKind : uint8_t { None, Const, Name, Local, Jump, Count, BinOp, Cmp, Flag, Global, Raw };

enum Opcode : uint8_t {
#define OPCODE(name, effect, jump_effect, kind) OP_##name,
#include "vm/opcodes.def"
#undef OPCODE
  kOpcodeCount
};

struct OpcodeInfo {
  const char* name;
  OperandKind operand;
  bool is_jump;
};
extern const OpcodeInfo kOpcodeInfo[kOpcodeCount];

// Stack effect of one instruction (jump = effect when the branch is taken).
int opcode_stack_effect(uint8_t opcode, uint32_t oparg, bool jump);

}  // namespace pg
