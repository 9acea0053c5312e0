#include "report/output/dynamics_text.hpp"

#include <fmt/format.h>

namespace parley::report {

namespace {

std::string count(std::size_t n, const char* unit) { return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s"); }

}  // namespace

std::string describe_dynamics(const Dynamics& d, const char* unit) {
  switch (d.status) {
    case DynamicsStatus::one_shot:
      return "";
    case DynamicsStatus::converged:
      return d.start == 0 ? fmt::format("converged at the start: no position moved in {}", count(d.rounds, unit))
                          : fmt::format("converged after {}", count(d.start, unit));
    case DynamicsStatus::cycle:
      return fmt::format("{}-cycle from {} {}: the forecast is {}", d.period, unit, d.start,
                         d.averaged ? "the mean over the cycle" : fmt::format("the last {}'s (cycle=last)", unit));
    case DynamicsStatus::not_converged:
      return fmt::format("not converged after {}", count(d.rounds, unit));
  }
  return "";
}

nlohmann::ordered_json dynamics_json(const Dynamics& d) {
  if (d.status == DynamicsStatus::one_shot) return nullptr;
  nlohmann::ordered_json j;
  j["status"] = to_string(d.status);
  j["rounds"] = d.rounds;
  j["period"] = d.period == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d.period);
  j["start"] = d.status == DynamicsStatus::not_converged ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d.start);
  j["forecast"] = d.averaged ? "mean-over-cycle" : "last-round";
  return j;
}

}  // namespace parley::report
