// One file of a layer that includes PARLEY_PROBE_HEADER (tests/layers/CMakeLists.txt): it compiles
// only when that header belongs to the probe's layer or to a layer below it.
#include PARLEY_PROBE_HEADER
