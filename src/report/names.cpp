#include "report/names.hpp"

#include <filesystem>

#include "parley/timeline.hpp"
#include "report/svg.hpp"

namespace parley::report {

std::string input_label(const Scenario& s, const UncertainInput& in, std::size_t shown_issue) {
  using Field = UncertainInput::Field;
  std::string out;
  if (in.event != UncertainInput::none) out = display_name(s.events[in.event]) + ": ";
  if (in.field == Field::status_quo) return out + (in.issue == shown_issue ? "status quo" : s.issue(in.issue).label + " — status quo");
  out += s.actor(in.actor).name;
  if (in.issue != UncertainInput::none && in.issue != shown_issue) out += " — " + s.issue(in.issue).label;
  return out + " — " + to_string(in.field);
}

std::string with_id(const std::string& text, const std::string& id) {
  if (text == id || id.empty()) return escape(text);
  return "<span title=\"" + escape(id) + "\">" + escape(text) + "</span>";
}

std::string shown_path(const std::string& file, const std::string& cwd) {
  namespace fs = std::filesystem;
  const fs::path path(file);
  if (!path.is_absolute()) return path.lexically_normal().generic_string();
  const fs::path relative = path.lexically_normal().lexically_relative(fs::path(cwd).lexically_normal());
  if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return path.filename().generic_string();
}

}  // namespace parley::report
