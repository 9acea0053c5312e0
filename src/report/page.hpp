// The report's page around its sections: the style sheet, the table of contents and the glossary.
#pragma once

#include <string>

namespace parley::report {

/// The page's <style> element. Every text colour in it reaches 4.5:1 against every background in
/// it; charts and tables fit a narrow window (charts scale down, wide tables scroll sideways).
std::string page_style();

/// `html` with an id on every <h2>TITLE</h2> (from its title: "Forecasts by issue" ->
/// "forecasts-by-issue", made unique) and, before the first of them, a table of contents linking
/// to each. Sections added anywhere in the page are listed without further ado.
std::string with_contents(const std::string& html);

/// The "Glossary" section: the terms of the report (models, bands, probabilities, sensitivity), one
/// plain-language definition each.
std::string glossary_section();

}  // namespace parley::report
