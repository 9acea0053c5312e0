#include "io/yaml_emitter.hpp"

#include <yaml.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string_view>

#include "io/document_builder.hpp"

namespace parley::io {

namespace {

using Json = nlohmann::ordered_json;

yaml_char_t* chars(const char* text) { return reinterpret_cast<yaml_char_t*>(const_cast<char*>(text)); }

/// A key is written plain when it is a simple name the reader reads back as the same text.
bool plain_key(std::string_view key) {
  if (key.empty()) return false;
  for (const char ch : key)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || ch == '.'))
      return false;
  if (key.front() == '-' || key.front() == '.') return false;
  double ignored = 0;
  if (parse_yaml_number(key, ignored)) return false;
  static constexpr std::string_view kSpecial[] = {"null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
                                                  "yes",  "Yes",  "YES",  "no",   "No",   "NO",   "on",    "On",    "ON",
                                                  "off",  "Off",  "OFF",  "y",    "Y",    "n",    "N"};
  for (const std::string_view s : kSpecial)
    if (key == s) return false;
  return true;
}

class Emitter {
 public:
  Emitter() {
    if (!yaml_emitter_initialize(&emitter_)) throw std::runtime_error("libyaml: cannot start the emitter");
    yaml_emitter_set_output(&emitter_, &Emitter::write_handler, &out_);
    yaml_emitter_set_unicode(&emitter_, 1);
    yaml_emitter_set_width(&emitter_, -1);
    yaml_emitter_set_indent(&emitter_, 2);
  }
  ~Emitter() { yaml_emitter_delete(&emitter_); }
  Emitter(const Emitter&) = delete;
  Emitter& operator=(const Emitter&) = delete;

  std::string document(const Json& value) {
    yaml_event_t e;
    yaml_stream_start_event_initialize(&e, YAML_UTF8_ENCODING);
    emit(e);
    yaml_document_start_event_initialize(&e, nullptr, nullptr, nullptr, 1);
    emit(e);
    node(value);
    yaml_document_end_event_initialize(&e, 1);
    emit(e);
    yaml_stream_end_event_initialize(&e);
    emit(e);
    return std::move(out_);
  }

 private:
  static int write_handler(void* data, unsigned char* buffer, size_t size) {
    static_cast<std::string*>(data)->append(reinterpret_cast<const char*>(buffer), size);
    return 1;
  }

  void emit(yaml_event_t& e) {
    if (!yaml_emitter_emit(&emitter_, &e))
      throw std::runtime_error(std::string("libyaml: ") + (emitter_.problem ? emitter_.problem : "cannot write YAML"));
  }

  void scalar(const std::string& text, yaml_scalar_style_t style) {
    yaml_event_t e;
    if (!yaml_scalar_event_initialize(&e, nullptr, nullptr, reinterpret_cast<yaml_char_t*>(const_cast<char*>(text.data())),
                                      static_cast<int>(text.size()), style == YAML_PLAIN_SCALAR_STYLE, style != YAML_PLAIN_SCALAR_STYLE,
                                      style))
      throw std::runtime_error("libyaml: cannot make a scalar");
    emit(e);
  }

  void node(const Json& v) {
    yaml_event_t e;
    if (v.is_object()) {
      yaml_mapping_start_event_initialize(&e, nullptr, chars(YAML_MAP_TAG), 1, YAML_BLOCK_MAPPING_STYLE);
      emit(e);
      for (const auto& [key, item] : v.items()) {
        scalar(key, plain_key(key) ? YAML_PLAIN_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE);
        node(item);
      }
      yaml_mapping_end_event_initialize(&e);
      emit(e);
    } else if (v.is_array()) {
      // Ranges ([low, high]) and other lists of numbers on one line.
      const bool numbers = !v.empty() && std::all_of(v.begin(), v.end(), [](const Json& item) { return item.is_number(); });
      yaml_sequence_start_event_initialize(&e, nullptr, chars(YAML_SEQ_TAG), 1,
                                           numbers ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
      emit(e);
      for (const Json& item : v) node(item);
      yaml_sequence_end_event_initialize(&e);
      emit(e);
    } else if (v.is_string()) {
      scalar(v.get_ref<const std::string&>(), YAML_DOUBLE_QUOTED_SCALAR_STYLE);
    } else {
      scalar(v.dump(), YAML_PLAIN_SCALAR_STYLE);  // numbers (shortest round-trip form), booleans, null
    }
  }

  yaml_emitter_t emitter_{};
  std::string out_;
};

}  // namespace

std::string emit_yaml(const nlohmann::ordered_json& value) { return Emitter().document(value); }

}  // namespace parley::io
