#include "report/colour.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <stdexcept>

namespace parley::report {

namespace {

const char* const kColours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"};
// The same hues, darkened until text in them reaches 4.5:1 on white and on the tables' #eee.
const char* const kTextColours[] = {"#005F95", "#A94C00", "#00795A", "#9C4A80", "#7A5600", "#1F6F9F", "#000000", "#5F5A00"};
const char* const kDashes[] = {"", "6 3", "2 2", "8 3 2 3", "1 3", "10 4", "4 4 1 4", "3 6"};
constexpr std::size_t kCount = std::size(kColours);
static_assert(std::size(kTextColours) == kCount && std::size(kDashes) == kCount && kCount * kCount == kDistinctSeries);

int hex_digit(char c, const std::string& colour) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  throw std::invalid_argument("not a colour: '" + colour + "'");
}

/// An sRGB channel (0..255) made linear.
double linear(int channel) {
  const double c = channel / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

const char* series_colour(std::size_t k) { return kColours[k % kCount]; }
const char* series_text_colour(std::size_t k) { return kTextColours[k % kCount]; }
const char* series_dash(std::size_t k) { return kDashes[(k + k / kCount) % kCount]; }

double relative_luminance(const std::string& colour) {
  const bool short_form = colour.size() == 4;
  if (colour.empty() || colour[0] != '#' || (colour.size() != 7 && !short_form))
    throw std::invalid_argument("not a colour: '" + colour + "'");
  int rgb[3];
  for (int k = 0; k < 3; ++k) {
    const std::size_t at = short_form ? 1 + static_cast<std::size_t>(k) : 1 + 2 * static_cast<std::size_t>(k);
    const int high = hex_digit(colour[at], colour);
    rgb[k] = short_form ? high * 17 : high * 16 + hex_digit(colour[at + 1], colour);
  }
  return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
}

double contrast_ratio(const std::string& a, const std::string& b) {
  const double la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace parley::report
