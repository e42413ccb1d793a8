// main() of the runtime unit tests: the runtime is initialised once, as the
// `pyglass` executable does, before any test runs.
#include <gtest/gtest.h>

#include "vm/runtime.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  pg::runtime_init({"test_runtime"});
  int status = RUN_ALL_TESTS();
  pg::runtime_finalize();
  return status;
}
