// The `pyglass` executable: `pyglass [options] prog.py [args...]`.
#include "vm/runtime.h"

int main(int argc, char** argv) { return pg::pyglass_main(argc, argv); }
