// The eval loop's entry points.
#pragma once

#include "vm/frame.h"
#include "vm/function_call.h"  // bind_frame_arguments
#include "vm/thread_state.h"

namespace pg {

// Calls a Python function from native code: pushes a shim entry frame on the
// C stack and the function's frame on the data stack, then runs the loop.
Value call_python_function(Function* fn, const Value* args, size_t nargs, Tuple* kwnames);
// Runs a generator's embedded frame until it yields, returns or raises.
// `sent` (non-null when resuming after a yield) becomes the value of the
// yield expression; `exc` (non-null) is raised at the yield instead.
// Used by generator_resume(), which reads the generator's state afterwards.
Value eval_generator_frame(Frame* frame, Value sent, Value exc);
// Runs a class statement's body function (no arguments; its closure gives
// the body the cells of enclosing functions) with `ns` as its namespace.
Value eval_class_body(Function* fn, Dict* ns);
// Runs module code with `globals` (and `locals`) as its namespace.
Value eval_code_in(Code* code, Dict* globals, Dict* locals);

// Data-stack management.
Frame* push_frame(ThreadState* ts, Code* code);  // header zeroed, localsplus null
void pop_frame(ThreadState* ts, Frame* frame);

}  // namespace pg
