// Importers of other tools' formats into parley's scenario.
#pragma once

#include <string>

#include "parley/io.hpp"
#include "parley/scenario.hpp"

namespace parley::io {

/// KTAB's SMP CSV: `name,description,nActors,nDims`, then `Actor,Description,Influence,Pos1,Sal1,...`,
/// then one row per actor. Positions on 0-100; saliences on 0-100 become 0-1.
Scenario read_ktab_csv(const std::string& content, const std::string& file);

/// The DEU III table (tab-separated): every issue row becomes one issue of the scenario, an
/// independent one-dimensional negotiation grouped by proposal, with its status quo (`rp`) and
/// observed outcome (`out`). 30 actors: the Commission, the Parliament and 28 member states.
Scenario read_deu_table(const std::string& content, const std::string& file, DeuCapability capability);

/// KTAB's SMP XML (smpExample.xml): dimensions, actors, the model parameters and PRNG seed (as
/// options of the smp model) and the ideal-adjustment pairs.
Scenario read_ktab_xml(const std::string& content, const std::string& file);

/// Decide's input file (the exchange model's, github.com/foarsitter/decide-exchange-model): `#A`
/// actors, `#P` issues, `#M` position meanings whose smallest and largest set the scale,
/// `#D` actor, issue, position, salience, power; `#/` comments; tab-, ';'- or ','-separated cells,
/// quoted with ' or ". docs/importers.md gives the mapping.
Scenario read_decide(const std::string& content, const std::string& file);

/// An issue id from a label: lower-case letters and digits, other runs of characters as one '-'
/// ("Policy Area" -> "policy-area"); empty when the label has no letter or digit.
std::string slug(const std::string& label);

/// True when the content starts with '<' (after white space).
bool looks_like_xml(const std::string& content);

/// True when the content starts like a DEU III table / a KTAB CSV.
bool looks_like_deu(const std::string& content);
bool looks_like_ktab_csv(const std::string& content);
/// True when the first line that is not blank or a comment (`#/`, `#0`, `#O`) starts with a Decide
/// record key (`#A`, `#P`, `#M` or `#D`, quoted or not) followed by a tab, ';' or ','.
bool looks_like_decide(const std::string& content);

}  // namespace parley::io
