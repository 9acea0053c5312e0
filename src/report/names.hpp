// Names the report shows for what a scenario identifies by id: readers see the actors' names and
// the issues' labels, and the ids stay at hand in tooltips.
#pragma once

#include <string>

#include "parley/sampling.hpp"
#include "parley/scenario.hpp"

namespace parley::report {

/// An input as a reader names it: "Russian president (Putin) — Energy and economic ties —
/// salience", "US Congress — capability", "Sanctions on Russia — status quo"; a value an event
/// sets starts with the event's name ("A US election: ..."). In a chart of one issue, `shown_issue`,
/// the issue goes without saying and is left out ("Russian president (Putin) — salience").
std::string input_label(const Scenario& scenario, const UncertainInput& input, std::size_t shown_issue = UncertainInput::none);

/// HTML: `text` with `id` on hover (<span title="ID">TEXT</span>), both escaped; just `text` when the two are equal.
std::string with_id(const std::string& text, const std::string& id);

/// A scenario file as the report shows it: relative to `cwd` when it lies under it, else its file
/// name, so that no absolute path of the machine reaches the page.
std::string shown_path(const std::string& file, const std::string& cwd);

}  // namespace parley::report
