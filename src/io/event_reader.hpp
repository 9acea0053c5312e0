// The `events:` section of parley's scenario format (docs/events.md).
#pragma once

#include <vector>

#include "io/node_reader.hpp"

namespace parley::io {

/// Reads the timeline; `scenario` must already hold its issues, actors and stances (events refer
/// to them by id). Fails with the file, line, column and field of the first problem, including
/// rounds out of order and joins or leaves that make no sense at that point.
std::vector<Event> read_events(const NodeReader& reader, const Node& node, const Scenario& scenario);

}  // namespace parley::io
