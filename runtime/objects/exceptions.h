// Exceptions beyond what object.h declares: start-up, the full builtin
// hierarchy, and helpers for the parts of the VM that create, inspect or
// print exceptions (eval loop, traceback printer, compiler, import system).
//
// Files: exceptions.cpp (the types, the BaseException object, raising),
// exception_kinds.cpp (the classes with extra state: SystemExit,
// StopIteration, KeyError, ImportError, NameError, AttributeError,
// SyntaxError, OSError, UnicodeDecodeError/UnicodeEncodeError).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "objects/layouts.h"
#include "objects/object.h"

namespace pg {

// Readies every exception type and adds their methods (__init__, __str__,
// __repr__, with_traceback, add_note). Called once at start-up, after the
// core types and before anything raises from Python code.
void exceptions_init();

// Adds every builtin exception class to the builtins namespace under its
// name (plus the aliases EnvironmentError and IOError of OSError).
void exceptions_add_builtins(Dict* builtins);

// The rest of CPython's builtin hierarchy (object.h declares the common ones).
extern Type TabErrorType, FloatingPointErrorType, BufferErrorType, EOFErrorType,
    ReferenceErrorType, SystemErrorType, StopAsyncIterationType, UnicodeEncodeErrorType,
    UnicodeTranslateErrorType, BlockingIOErrorType, ChildProcessErrorType, ConnectionErrorType,
    BrokenPipeErrorType, ConnectionAbortedErrorType, ConnectionRefusedErrorType,
    ConnectionResetErrorType, FileExistsErrorType, InterruptedErrorType, IsADirectoryErrorType,
    NotADirectoryErrorType, PermissionErrorType, ProcessLookupErrorType, TimeoutErrorType,
    WarningType, UserWarningType, DeprecationWarningType, PendingDeprecationWarningType,
    SyntaxWarningType, RuntimeWarningType, FutureWarningType, ImportWarningType,
    UnicodeWarningType, BytesWarningType, ResourceWarningType, EncodingWarningType;

inline bool is_exception(Value v) {
  return v.is_obj() && (v.obj()->type->flags & kTypeExceptionSubclass);
}
// A class deriving from BaseException (what `raise X` / `except X` accept).
bool is_exception_class(Value v);
inline ExceptionObject* as_exception(Value v) { return v.as<ExceptionObject>(); }

// Instantiates exception class `type` with positional `args` exactly like
// calling it from Python (a Python subclass runs its __init__). Null on error.
Value exception_new(Type* type, const Value* args, size_t nargs);

// str(exc) as text for messages and traceback printing. Never fails: a
// failing __str__ gives "<exception str() failed>". A pending exception is
// preserved.
std::string exception_message(Value exc);

// __traceback__ (null or None clears it). Precondition: is_exception(exc).
void exception_set_traceback(Value exc, Value tb);

// An attribute kept in the instance dict (SystemExit.code,
// StopIteration.value, SyntaxError.lineno, OSError.errno, ...): its value,
// or None when it was never set. Never fails.
Value exception_attr(Value exc, const char* name);
// Sets such an attribute (e.g. ImportError.name after raise()). -1 on error.
int exception_set_attr(Value exc, const char* name, Value v);

// The value a generator returns travels in StopIteration.value.
inline Value stop_iteration_value(Value exc) { return exception_attr(exc, "value"); }
// SystemExit.code: None, an int exit status, or anything else (printed).
inline Value system_exit_code(Value exc) { return exception_attr(exc, "code"); }

// Raises `type` (SyntaxError, IndentationError, TabError) the way the
// compiler reports errors: args = (msg, (filename, lineno, offset, text,
// end_lineno, end_offset)); an empty `text` stores None, 0 end positions are
// stored as None. Returns null.
Value raise_syntax_error(Type* type, std::string_view msg, std::string_view filename,
                         int64_t lineno, int64_t offset, std::string_view text,
                         int64_t end_lineno = 0, int64_t end_offset = 0);

}  // namespace pg
