// A JSON value printed as a YAML document (libyaml's emitter), for the scenario writer.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace parley::io {

/// The YAML document, block style (lists of numbers in flow style: `[30.0, 50.0]`), that parse_yaml reads back as `value`: every string
/// double-quoted (so that "yes", "1.0", "null", "# x" or " x" stay text), keys plain where the
/// reader resolves them to the same text, numbers plain in the shortest form that reads back bit
/// for bit, booleans and nulls plain. Lines are not folded. `value` must hold valid UTF-8 and no
/// non-finite number. Throws std::runtime_error if libyaml fails (out of memory).
std::string emit_yaml(const nlohmann::ordered_json& value);

}  // namespace parley::io
