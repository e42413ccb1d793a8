// The `sys` module.
#pragma once

namespace pg {
void sys_module_register();
}
