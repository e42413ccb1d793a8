/* C API of the inspector, for the gdb extension (Python ctypes) and any
 * other host that can read the target's memory but wants pyglass's one
 * decoder and formatter.
 *
 * The host gives two callbacks: memory reads and symbol lookup (for the
 * `pyglass_debug_table` symbol; a host that cannot resolve it may return
 * the address of the `.pyglass_debug` section instead, or 0). There is no
 * thread list and no native unwinding here: threads come from the VM's own
 * thread list.
 *
 * Every function returns a malloc'd NUL-terminated string to be released
 * with pgi_free(); on failure the string starts with "error: " and names
 * the problem in one line. No function keeps state between calls (every
 * call locates and validates the table again, which costs a few reads).
 */
#ifndef PYGLASS_INSPECTOR_C_API_H
#define PYGLASS_INSPECTOR_C_API_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Reads exactly `len` bytes at `addr` into `buf`; returns 0 on success. */
typedef int (*pgi_read_fn)(void* ctx, uint64_t addr, void* buf, uint64_t len);
/* Address of a symbol of the main executable, 0 if unknown. */
typedef uint64_t (*pgi_symbol_fn)(void* ctx, const char* name);

#define PGI_LOCALS 1    /* include locals after each frame */
#define PGI_JSON 2      /* the JSON document instead of text (see inspector/format.h) */
#define PGI_NO_HEADER 4 /* text: leave out the "Process ..." line */

/* Every thread's Python stack (tid 0) or one thread's, formatted by the
 * same formatter as pyglass-stack. */
char* pgi_backtrace(pgi_read_fn read, pgi_symbol_fn symbol, void* ctx, int64_t tid, int flags);

/* JSON for frame navigation (py-list, py-up, py-down, py-locals):
 *   {"vm_version": "...", "warnings": [...],
 *    "threads": [{"tid", "name", "state", "exception", "warnings",
 *                 "frames": [{<the frame fields of format.h's JSON, locals
 *                   included>, "code": addr, "function_object": addr,
 *                   "globals": addr, "locals_dict": addr, "shim": addr}]}]}
 * Frames innermost first; addresses are numbers (0 when null). */
char* pgi_frames_json(pgi_read_fn read, pgi_symbol_fn symbol, void* ctx, int64_t tid);

/* Looks `name` up as Python would from the frame at `frame_address`: fast
 * locals, then the frame's own locals dict (class bodies), then its globals
 * dict, then the builtins module's dict (found through sys.modules).
 * Returns "local 'x' = REPR", "local 'x' is unbound", "global 'x' = REPR",
 * "builtin 'len' = REPR" or "'x' not found". Reprs are capped at 1000
 * characters. */
char* pgi_lookup_name(pgi_read_fn read, pgi_symbol_fn symbol, void* ctx, uint64_t frame_address,
                      const char* name);

/* The safe repr of one Value (a tagged small int or an object pointer),
 * capped at 1000 characters; for pretty printers. */
char* pgi_render_value(pgi_read_fn read, pgi_symbol_fn symbol, void* ctx, uint64_t value_bits);

/* Releases a string returned by this API (NULL is fine). */
void pgi_free(char* s);

#ifdef __cplusplus
}
#endif

#endif /* PYGLASS_INSPECTOR_C_API_H */
