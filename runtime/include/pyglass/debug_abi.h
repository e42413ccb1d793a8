/* pyglass debug ABI: the metadata table a pyglass process exports so that
 * out-of-process tools (pyglass-stack, the gdb extension, the LLDB plugin)
 * can read its frames without debug info.
 *
 * This is the ONLY runtime header the tools include. It is plain C.
 *
 * Where the table is:
 *   - in its own allocated ELF section `.pyglass_debug` (survives
 *     `strip --strip-all`; readable from the executable file and, because it
 *     holds relocated pointers and is therefore written at load time, always
 *     present in a core dump),
 *   - exported as the dynamic symbol `pyglass_debug_table`,
 *   - and findable by scanning memory for its 16-byte cookie.
 *
 * How to read it: check `cookie`, then `major` (a different major version
 * is refused: the layout of this header changed incompatibly), then use
 * `table_size` to know how many bytes to read; fields added in later minor
 * versions lie beyond what an older reader knows and are ignored by it.
 * Every struct the tools read is described by a PgDebugStruct_* record: the
 * struct's size and the offset of each field the tools need. A field that
 * the build does not have is PG_FIELD_ABSENT, never 0. A reader validates
 * every offset against the struct size once (offset + field size <= size),
 * then trusts nothing it reads from the target: every pointer may be
 * garbage, every list may cycle.
 *
 * docs/frame-layout.md explains each struct and when each field is valid;
 * tests/unit/rt_debug_table_test.cpp checks that document against this table.
 */
#ifndef PYGLASS_DEBUG_ABI_H
#define PYGLASS_DEBUG_ABI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PG_DEBUG_COOKIE "PYGLASS-DBG-TBL"  /* 15 chars + NUL = 16 bytes */
#define PG_DEBUG_COOKIE_SIZE 16
#define PG_DEBUG_MAJOR 1
#define PG_DEBUG_MINOR 1
#define PG_DEBUG_SECTION ".pyglass_debug"
#define PG_DEBUG_SYMBOL "pyglass_debug_table"

/* An offset inside a struct, or PG_FIELD_ABSENT. */
typedef uint32_t pg_offset_t;
#define PG_FIELD_ABSENT 0xFFFFFFFFu

/* Frame owners (Frame.owner). */
#define PG_OWNED_BY_THREAD 0
#define PG_OWNED_BY_GENERATOR 1
#define PG_OWNED_BY_FRAME_OBJECT 2
#define PG_OWNED_BY_CSTACK 3

/* Generator states (Generator.state). */
#define PG_GEN_CREATED 0
#define PG_GEN_SUSPENDED 1
#define PG_GEN_RUNNING 2
#define PG_GEN_FINISHED 3

/* Thread run states (ThreadState.run_state). */
#define PG_THREAD_RUNNING 0
#define PG_THREAD_IDLE 1
/* threads (minor 1): */
#define PG_THREAD_GIL_WAIT 2   /* waiting to take the GIL */
#define PG_THREAD_LOCK_WAIT 3  /* GIL released, blocked on thread_wait.wait_object */
#define PG_THREAD_SLEEPING 4   /* GIL released, in time.sleep() */
#define PG_THREAD_DEAD 5       /* pooled state no thread uses: skip it */
#define PG_THREAD_STARTING 6   /* created, its OS thread not running yet: skip it */

/* What a PG_THREAD_LOCK_WAIT thread waits on (ThreadState.wait_kind). */
#define PG_WAIT_NONE 0
#define PG_WAIT_LOCK 1   /* a _thread.lock (PgDebugStruct_Lock) */
#define PG_WAIT_RLOCK 2  /* a _thread.RLock (PgDebugStruct_Lock) */

/* Localsplus kinds (Code.localspluskinds[i], a bit set). */
#define PG_LOCAL_PLAIN 1
#define PG_LOCAL_CELL 2
#define PG_LOCAL_FREE 4
#define PG_LOCAL_ARG 8

/* Value tagging: (bits & small_int_mask) == small_int_tag means a small
 * int whose value is (int64_t)bits >> small_int_shift; 0 means "no value";
 * anything else is an object pointer. */
typedef struct PgDebugTagging {
  uint64_t small_int_mask;
  uint64_t small_int_tag;
  uint32_t small_int_shift;
  uint32_t value_size; /* bytes of one Value (8) */
} PgDebugTagging;

/* struct Runtime (the global root `g_runtime`). */
typedef struct PgDebugStruct_Runtime {
  uint32_t size;
  pg_offset_t threads;          /* ThreadState*: head of the thread list */
  pg_offset_t main_thread;      /* ThreadState* */
  pg_offset_t modules;          /* Dict*: sys.modules */
  pg_offset_t recursion_limit;  /* int32 */
  pg_offset_t initialized;      /* int32, 1 once start-up finished */
} PgDebugStruct_Runtime;

/* struct ThreadState. */
typedef struct PgDebugStruct_ThreadState {
  uint32_t size;
  pg_offset_t next;               /* ThreadState* */
  pg_offset_t native_tid;         /* int64 */
  pg_offset_t name;               /* char[name_size], NUL terminated */
  uint32_t name_size;
  pg_offset_t current_frame;      /* Frame* */
  pg_offset_t datastack_chunk;    /* StackChunk* */
  pg_offset_t current_exception;  /* Value */
  pg_offset_t handled_exception;  /* Value */
  pg_offset_t recursion_depth;    /* int32 */
  pg_offset_t run_state;          /* uint32 */
} PgDebugStruct_ThreadState;

/* struct Frame (the specials; localsplus follows). */
typedef struct PgDebugStruct_Frame {
  uint32_t size;              /* bytes of the header = offset of localsplus */
  pg_offset_t code;           /* Code*, null for shim entry frames */
  pg_offset_t previous;       /* Frame* */
  pg_offset_t function;       /* Function* */
  pg_offset_t globals;        /* Dict* */
  pg_offset_t locals;         /* Dict* (module/class bodies) */
  pg_offset_t frame_obj;      /* FrameObject* */
  pg_offset_t instr_ptr;      /* const uint32_t*: instruction executing now */
  pg_offset_t stack_depth;    /* int32 */
  pg_offset_t owner;          /* uint8 */
  pg_offset_t localsplus;     /* Value[] */
} PgDebugStruct_Frame;

/* struct StackChunk (per-thread data stack). */
typedef struct PgDebugStruct_StackChunk {
  uint32_t size;              /* bytes of the header = offset of data */
  pg_offset_t previous;       /* StackChunk* */
  pg_offset_t chunk_size;     /* size_t: bytes of the chunk, header included */
  pg_offset_t saved_top;      /* Value* */
  pg_offset_t data;
} PgDebugStruct_StackChunk;

/* struct Code. */
typedef struct PgDebugStruct_Code {
  uint32_t size;
  pg_offset_t name;             /* Str* */
  pg_offset_t qualname;         /* Str* */
  pg_offset_t filename;         /* Str* */
  pg_offset_t firstlineno;      /* int32 */
  pg_offset_t argcount;         /* int32 */
  pg_offset_t flags;            /* uint32 */
  pg_offset_t nlocalsplus;      /* int32 */
  pg_offset_t ninstrs;          /* int32 */
  pg_offset_t linetable_size;   /* int32 */
  pg_offset_t localsplusnames;  /* Tuple* of Str* */
  pg_offset_t localspluskinds;  /* uint8* */
  pg_offset_t instrs;           /* uint32* */
  pg_offset_t linetable;        /* uint8*: see docs/frame-layout.md, "The line table" */
} PgDebugStruct_Code;

/* struct Function. */
typedef struct PgDebugStruct_Function {
  uint32_t size;
  pg_offset_t code;      /* Code* */
  pg_offset_t name;      /* Str* */
  pg_offset_t qualname;  /* Str* */
  pg_offset_t globals;   /* Dict* */
} PgDebugStruct_Function;

/* Generator objects: the frame is embedded at `frame`. */
typedef struct PgDebugStruct_Generator {
  uint32_t size;         /* bytes before the embedded frame's localsplus end (header + Frame) */
  pg_offset_t frame;     /* the embedded Frame (owner PG_OWNED_BY_GENERATOR) */
  pg_offset_t state;     /* uint8: PG_GEN_* */
  pg_offset_t name;      /* Str* */
} PgDebugStruct_Generator;

/* struct FrameObject. */
typedef struct PgDebugStruct_FrameObject {
  uint32_t size;
  pg_offset_t frame;  /* Frame* */
  pg_offset_t owned;  /* Frame*, non-null once the activation ended */
  pg_offset_t back;   /* Value */
} PgDebugStruct_FrameObject;

/* Object header and types. */
typedef struct PgDebugStruct_Object {
  uint32_t size;
  pg_offset_t type;  /* Type* */
} PgDebugStruct_Object;
typedef struct PgDebugStruct_Type {
  uint32_t size;
  pg_offset_t name;  /* const char*, NUL terminated */
  pg_offset_t base;  /* Type* */
} PgDebugStruct_Type;

/* Value types the renderer shows. */
typedef struct PgDebugStruct_BigInt {
  uint32_t size;
  pg_offset_t limb_count;  /* int32: number of limbs; negative for negative numbers (GMP _mp_size) */
  pg_offset_t limbs;       /* uint64*: little-endian limbs (GMP _mp_d) */
  uint32_t limb_size;      /* bytes per limb (8) */
} PgDebugStruct_BigInt;
typedef struct PgDebugStruct_Float {
  uint32_t size;
  pg_offset_t value;  /* double */
} PgDebugStruct_Float;
typedef struct PgDebugStruct_Bool {
  uint32_t size;
  pg_offset_t value;  /* int64: 0 or 1 */
} PgDebugStruct_Bool;
typedef struct PgDebugStruct_Str {
  uint32_t size;
  pg_offset_t length;  /* int64: code points */
  pg_offset_t nbytes;  /* int64: UTF-8 bytes */
  pg_offset_t ascii;   /* uint8 */
  pg_offset_t data;    /* char[nbytes + 1], inline */
} PgDebugStruct_Str;
typedef struct PgDebugStruct_Tuple {
  uint32_t size;
  pg_offset_t count;  /* int64 */
  pg_offset_t items;  /* Value[count], inline */
} PgDebugStruct_Tuple;
typedef struct PgDebugStruct_List {
  uint32_t size;
  pg_offset_t items;     /* Value*: count values */
  pg_offset_t count;     /* int64 */
  pg_offset_t capacity;  /* int64 */
} PgDebugStruct_List;
typedef struct PgDebugStruct_Dict {
  uint32_t size;
  pg_offset_t entries;       /* DictEntry*: `used` entries in insertion order */
  pg_offset_t used;          /* int64: entries in use (deleted ones have a null key) */
  pg_offset_t count;         /* int64: live entries */
  uint32_t entry_size;       /* bytes of one DictEntry */
  pg_offset_t entry_hash;    /* int64, within DictEntry */
  pg_offset_t entry_key;     /* Value, within DictEntry */
  pg_offset_t entry_value;   /* Value, within DictEntry */
} PgDebugStruct_Dict;
typedef struct PgDebugStruct_Exception {
  uint32_t size;
  pg_offset_t args;       /* Tuple* */
  pg_offset_t traceback;  /* Value: Traceback or null */
  pg_offset_t cause;      /* Value */
  pg_offset_t context;    /* Value */
} PgDebugStruct_Exception;
typedef struct PgDebugStruct_Traceback {
  uint32_t size;
  pg_offset_t next;    /* Value: next (inner) entry or null */
  pg_offset_t frame;   /* FrameObject* */
  pg_offset_t lineno;  /* int32 */
} PgDebugStruct_Traceback;
typedef struct PgDebugStruct_Module {
  uint32_t size;
  pg_offset_t name;  /* Str* */
  pg_offset_t dict;  /* Dict* */
} PgDebugStruct_Module;

/* minor 1 (threads): more ThreadState fields. `size` repeats
 * sizeof(ThreadState) so the fields are validated like the others. */
typedef struct PgDebugStruct_ThreadWait {
  uint32_t size;
  pg_offset_t wait_object;  /* Object*: the lock waited on (PG_THREAD_LOCK_WAIT), else 0 */
  pg_offset_t wait_kind;    /* uint32: PG_WAIT_* */
  pg_offset_t generation;   /* uint32: bumped each time the pooled state is reused */
  pg_offset_t ident;        /* uint64: threading.get_ident() */
} PgDebugStruct_ThreadWait;

/* minor 1 (threads): _thread.lock and _thread.RLock objects. */
typedef struct PgDebugStruct_Lock {
  uint32_t size;
  pg_offset_t locked;     /* uint32: 1 while held */
  pg_offset_t owner_tid;  /* int64: native tid of the thread that took it (0 = free) */
  pg_offset_t count;      /* int64: RLock recursion depth */
} PgDebugStruct_Lock;

/* Addresses of static objects, to recognise a value's type by comparing
 * its type pointer (no string compares on hot paths). */
typedef struct PgDebugTypes {
  uint64_t object_type, type_type, int_type, bool_type, float_type, str_type, list_type,
      tuple_type, dict_type, none_type, function_type, code_type, frame_type, module_type,
      range_type, base_exception_type, generator_type;
  uint64_t none_object, true_object, false_object;
} PgDebugTypes;

typedef struct PgDebugTable {
  char cookie[PG_DEBUG_COOKIE_SIZE]; /* PG_DEBUG_COOKIE, NUL padded */
  uint16_t major;
  uint16_t minor;
  uint32_t table_size;               /* sizeof(PgDebugTable) of the writer */
  uint64_t table_address;            /* the table's own run-time address (relocation check) */
  uint64_t runtime_address;          /* &g_runtime */
  uint64_t eval_start;               /* [eval_start, eval_end): code of the eval loop function(s) */
  uint64_t eval_end;
  char version_string[32];           /* e.g. "pyglass 0.1.0" */
  PgDebugTagging tagging;
  PgDebugTypes types;
  PgDebugStruct_Runtime runtime;
  PgDebugStruct_ThreadState thread;
  PgDebugStruct_Frame frame;
  PgDebugStruct_StackChunk chunk;
  PgDebugStruct_Code code;
  PgDebugStruct_Function function;
  PgDebugStruct_Generator generator;
  PgDebugStruct_FrameObject frame_object;
  PgDebugStruct_Object object;
  PgDebugStruct_Type type;
  PgDebugStruct_BigInt bigint;
  PgDebugStruct_Float float_;
  PgDebugStruct_Bool bool_;
  PgDebugStruct_Str str;
  PgDebugStruct_Tuple tuple;
  PgDebugStruct_List list;
  PgDebugStruct_Dict dict;
  PgDebugStruct_Exception exception;
  PgDebugStruct_Traceback traceback;
  PgDebugStruct_Module module;
  /* ---- 1.1 (coroutines) ---- */
  uint64_t coroutine_type;  /* &CoroutineType: Generator layout, `generator` record */
  /* ---- minor 1 (threads). Appended; older readers ignore them. */
  PgDebugStruct_ThreadWait thread_wait;
  PgDebugStruct_Lock lock;
} PgDebugTable;

#ifdef __cplusplus
}
#endif

#endif /* PYGLASS_DEBUG_ABI_H */
