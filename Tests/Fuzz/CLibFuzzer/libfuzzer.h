// The libFuzzer driver entry (compiler-rt, FuzzerInterface.h), linked by `-sanitize=fuzzer`.
// SwiftPM renames an executable's `main` on Linux, so the fuzz targets have their own `main`
// that hands over to this driver instead of libFuzzer's `main`.
#include <stddef.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*testOneInput)(const void *data, size_t size));
