// The disassembler: one line per instruction, like CPython's dis module:
//   line  index  OPNAME  oparg (meaning)
// followed by the code objects found among the constants.
#include "compiler/disassembler.h"

#include <string>
#include <vector>

#include "objects/layouts.h"
#include "vm/opcodes.h"

namespace pg {

namespace {

std::string safe_repr(Value v) {
  Value r = obj_repr(v);
  if (r.is_null()) {
    error_clear();
    return "<repr failed>";
  }
  return std::string(str_view(r.as<Str>()));
}

std::string describe(Code* code, uint32_t op, uint32_t arg) {
  switch (kOpcodeInfo[op].operand) {
    case OperandKind::Const: return safe_repr(tuple_items(code->consts)[arg]);
    case OperandKind::Name: return std::string(str_view(tuple_items(code->names)[arg].as<Str>()));
    case OperandKind::Global: {
      std::string s(str_view(tuple_items(code->names)[arg >> 1].as<Str>()));
      return (arg & 1) ? "NULL + " + s : s;
    }
    case OperandKind::Local: return std::string(str_view(tuple_items(code->localsplusnames)[arg].as<Str>()));
    case OperandKind::Jump: return "to " + std::to_string(arg);
    case OperandKind::BinOp: return binary_op_symbol(BinaryOp(arg));
    case OperandKind::Cmp: return compare_op_symbol(CompareOp(arg));
    case OperandKind::Flag: {
      if (op == OP_IS_OP) return arg ? "is not" : "is";
      return arg ? "not in" : "in";
    }
    default: return "";
  }
}

}  // namespace

void disassemble(Code* code, FILE* out) {
  std::vector<Code*> pending{code};
  bool first = true;
  while (!pending.empty()) {
    Code* c = pending.front();
    pending.erase(pending.begin());
    if (!first) fputc('\n', out);
    first = false;
    fprintf(out, "Disassembly of %s:\n", safe_repr(Value(c)).c_str());
    int last_line = -1;
    for (int32_t i = 0; i < c->ninstrs; ++i) {
      uint32_t word = c->instrs[i];
      uint32_t op = instr_opcode(word), arg = instr_arg(word);
      int line = code_line_for(c, i);
      if (line != last_line && i > 0) fputc('\n', out);
      char line_col[16] = "";
      if (line != last_line) snprintf(line_col, sizeof line_col, "%d", line);
      last_line = line;
      std::string what = describe(c, op, arg);
      if (kOpcodeInfo[op].operand == OperandKind::None)
        fprintf(out, "%4s %8d %s\n", line_col, i, kOpcodeInfo[op].name);
      else if (what.empty())
        fprintf(out, "%4s %8d %-22s %u\n", line_col, i, kOpcodeInfo[op].name, arg);
      else
        fprintf(out, "%4s %8d %-22s %u (%s)\n", line_col, i, kOpcodeInfo[op].name, arg, what.c_str());
    }
    if (c->nexceptions > 0) {
      fputs("ExceptionTable:\n", out);
      for (int32_t k = 0; k < c->nexceptions; ++k) {
        const ExceptionTableEntry& e = c->exception_table[k];
        fprintf(out, "  %d to %d -> %d [%d]%s\n", e.start, e.end, e.handler, e.depth,
                e.push_lasti ? " lasti" : "");
      }
    }
    for (int64_t k = 0; k < tuple_size(c->consts); ++k) {
      Value v = tuple_items(c->consts)[k];
      if (v.is_obj() && v.obj()->type == &CodeType) pending.push_back(v.as<Code>());
    }
  }
}

}  // namespace pg
