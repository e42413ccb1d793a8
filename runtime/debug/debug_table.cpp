// The exported debug table (see include/pyglass/debug_abi.h): filled at
// compile time with offsetof() of the real structs, so a build whose structs
// are padded or reordered describes itself correctly.
#include <cstddef>

#include "objects/layouts.h"
#include "pyglass/debug_abi.h"
#include "vm/frame.h"
#include "vm/generator.h"
#include "vm/thread_lock.h"
#include "vm/thread_state.h"
#include "vm/traceback.h"

// offsetof on structs with base classes is conditionally supported; GCC and
// Clang give the real offset, which is exactly what the table must contain.
#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace pg {
// Bounds of the eval loop's section (see eval.cpp), provided by the linker.
extern "C" const char __start_pyglass_eval[];
extern "C" const char __stop_pyglass_eval[];
}  // namespace pg

using namespace pg;

#define OFF(type, field) static_cast<pg_offset_t>(offsetof(type, field))

namespace {
constexpr PgDebugTable make_table() {
  // The layout part of the table; the cookie, version string and addresses
  // are filled in by the definition of pyglass_debug_table below.
  PgDebugTable t{};
  t.major = PG_DEBUG_MAJOR;
  t.minor = PG_DEBUG_MINOR;
  t.table_size = sizeof(PgDebugTable);
  t.tagging = {kSmallIntTagMask, kSmallIntTag, uint32_t(kSmallIntShift), uint32_t(sizeof(Value))};

  t.runtime = {sizeof(Runtime), OFF(Runtime, threads), OFF(Runtime, main_thread),
               OFF(Runtime, modules), OFF(Runtime, recursion_limit), OFF(Runtime, initialized)};
  t.thread = {sizeof(ThreadState),
              OFF(ThreadState, next),
              OFF(ThreadState, native_tid),
              OFF(ThreadState, name),
              uint32_t(sizeof(ThreadState::name)),
              OFF(ThreadState, current_frame),
              OFF(ThreadState, datastack_chunk),
              OFF(ThreadState, current_exception),
              OFF(ThreadState, handled_exception),
              OFF(ThreadState, recursion_depth),
              OFF(ThreadState, run_state)};
  t.frame = {sizeof(Frame),          OFF(Frame, code),      OFF(Frame, previous),
             OFF(Frame, function),   OFF(Frame, globals),   OFF(Frame, locals),
             OFF(Frame, frame_obj),  OFF(Frame, instr_ptr), OFF(Frame, stack_depth),
             OFF(Frame, owner),      OFF(Frame, localsplus)};
  t.chunk = {sizeof(StackChunk), OFF(StackChunk, previous), OFF(StackChunk, size),
             OFF(StackChunk, saved_top), OFF(StackChunk, data)};
  t.code = {sizeof(Code),
            OFF(Code, name),
            OFF(Code, qualname),
            OFF(Code, filename),
            OFF(Code, firstlineno),
            OFF(Code, argcount),
            OFF(Code, flags),
            OFF(Code, nlocalsplus),
            OFF(Code, ninstrs),
            OFF(Code, linetable_size),
            OFF(Code, localsplusnames),
            OFF(Code, localspluskinds),
            OFF(Code, instrs),
            OFF(Code, linetable)};
  t.function = {sizeof(Function), OFF(Function, code), OFF(Function, name),
                OFF(Function, qualname), OFF(Function, globals)};
  t.generator = {sizeof(Generator), OFF(Generator, frame), OFF(Generator, state),
                 OFF(Generator, name)};
  t.frame_object = {sizeof(FrameObject), OFF(FrameObject, frame), OFF(FrameObject, owned),
                    OFF(FrameObject, back)};
  t.object = {sizeof(Object), OFF(Object, type)};
  t.type = {sizeof(Type), OFF(Type, name), OFF(Type, base)};
  t.bigint = {sizeof(BigInt), static_cast<pg_offset_t>(offsetof(BigInt, z) + offsetof(__mpz_struct, _mp_size)),
              static_cast<pg_offset_t>(offsetof(BigInt, z) + offsetof(__mpz_struct, _mp_d)),
              uint32_t(sizeof(mp_limb_t))};
  t.float_ = {sizeof(Float), OFF(Float, value)};
  t.bool_ = {sizeof(BoolObject), OFF(BoolObject, value)};
  t.str = {sizeof(Str), OFF(Str, length), OFF(Str, nbytes), OFF(Str, ascii), OFF(Str, data)};
  t.tuple = {sizeof(Tuple), OFF(Tuple, size), OFF(Tuple, items)};
  t.list = {sizeof(List), OFF(List, items), OFF(List, size), OFF(List, capacity)};
  t.dict = {sizeof(Dict),
            OFF(Dict, entries),
            OFF(Dict, used),
            OFF(Dict, size),
            uint32_t(sizeof(DictEntry)),
            OFF(DictEntry, hash),
            OFF(DictEntry, key),
            OFF(DictEntry, value)};
  t.exception = {sizeof(ExceptionObject), OFF(ExceptionObject, args),
                 OFF(ExceptionObject, traceback), OFF(ExceptionObject, cause),
                 OFF(ExceptionObject, context)};
  t.traceback = {sizeof(TracebackObject), OFF(TracebackObject, next), OFF(TracebackObject, frame),
                 OFF(TracebackObject, lineno)};
  t.module = {sizeof(Module), OFF(Module, name), OFF(Module, dict)};
  // minor 1 (threads)
  t.thread_wait = {sizeof(ThreadState), OFF(ThreadState, wait_object), OFF(ThreadState, wait_kind),
                   OFF(ThreadState, generation), OFF(ThreadState, ident)};
  t.lock = {sizeof(LockObject), OFF(LockObject, locked), OFF(LockObject, owner_tid),
            OFF(LockObject, count)};
  return t;
}

constexpr PgDebugTable kLayout = make_table();
static_assert(sizeof(PG_DEBUG_COOKIE) == PG_DEBUG_COOKIE_SIZE, "the cookie fills its field");

}  // namespace

#define ADDR(x) reinterpret_cast<uint64_t>(&(x))

// The table itself. `used` keeps it in the link, `section` gives it its own
// ELF section (which survives strip --strip-all), and the symbol is exported
// dynamically (see runtime/CMakeLists.txt). Every member is a constant or an
// address constant, so the compiler emits it as initialised data (readable
// from the executable file); the address fields are relocated by the dynamic
// loader, which writes the page at start-up, so it is always in core dumps.
extern "C" {
__attribute__((used, section(".pyglass_debug"), visibility("default")))
PgDebugTable pyglass_debug_table = {
    {'P', 'Y', 'G', 'L', 'A', 'S', 'S', '-', 'D', 'B', 'G', '-', 'T', 'B', 'L', '\0'},
    kLayout.major,
    kLayout.minor,
    kLayout.table_size,
    ADDR(pyglass_debug_table),
    ADDR(g_runtime),
    reinterpret_cast<uint64_t>(__start_pyglass_eval),
    reinterpret_cast<uint64_t>(__stop_pyglass_eval),
    {'p', 'y', 'g', 'l', 'a', 's', 's', ' ', '0', '.', '1', '.', '0', '\0'},
    kLayout.tagging,
    {ADDR(ObjectType), ADDR(TypeType), ADDR(IntType), ADDR(BoolType), ADDR(FloatType),
     ADDR(StrType), ADDR(ListType), ADDR(TupleType), ADDR(DictType), ADDR(NoneType),
     ADDR(FunctionType), ADDR(CodeType), ADDR(FrameType), ADDR(ModuleType), ADDR(RangeType),
     ADDR(BaseExceptionType), ADDR(GeneratorType), ADDR(NoneObject), ADDR(TrueObject), ADDR(FalseObject)},
    kLayout.runtime,
    kLayout.thread,
    kLayout.frame,
    kLayout.chunk,
    kLayout.code,
    kLayout.function,
    kLayout.generator,
    kLayout.frame_object,
    kLayout.object,
    kLayout.type,
    kLayout.bigint,
    kLayout.float_,
    kLayout.bool_,
    kLayout.str,
    kLayout.tuple,
    kLayout.list,
    kLayout.dict,
    kLayout.exception,
    kLayout.traceback,
    kLayout.module,
    ADDR(CoroutineType),
    kLayout.thread_wait,
    kLayout.lock,
};
}
