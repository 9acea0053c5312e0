// A model written the way a library user writes one, with nothing but the public headers: the
// status quo where an issue has one, else the plain mean of the positions of the actors taking
// part. Tests register it at run time (register_model) to check that everything that lists models
// picks it up with no other edit.
#pragma once

#include "parley/model.hpp"

namespace parley::testing {

inline constexpr const char* kTinyModel = "status-quo-or-mean";

/// Registers the tiny model once (later calls return the same model).
const Model& register_tiny_model();

}  // namespace parley::testing
