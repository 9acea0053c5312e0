#include "parley/scenario.hpp"

#include <array>
#include <utility>

namespace parley {

namespace {
constexpr std::array<std::pair<ActorKind, const char*>, 7> kKindNames{{
    {ActorKind::leader, "leader"},
    {ActorKind::government, "government"},
    {ActorKind::bloc, "bloc"},
    {ActorKind::faction, "faction"},
    {ActorKind::public_, "public"},
    {ActorKind::organisation, "organisation"},
    {ActorKind::other, "other"},
}};
}  // namespace

const char* to_string(ActorKind kind) {
  for (const auto& [k, name] : kKindNames)
    if (k == kind) return name;
  return "other";
}

std::optional<ActorKind> actor_kind_from_string(const std::string& text) {
  for (const auto& [k, name] : kKindNames)
    if (text == name) return k;
  return std::nullopt;
}

std::size_t Scenario::add_issue(Issue issue) {
  issues_.push_back(std::move(issue));
  stances_.resize(issues_.size() * actors_.size());
  return issues_.size() - 1;
}

std::size_t Scenario::add_actor(Actor actor) {
  const std::size_t old_n = actors_.size();
  actors_.push_back(std::move(actor));
  if (issues_.empty()) return old_n;
  // Re-lay the dense issue-major table with one more column.
  std::vector<Stance> wider(issues_.size() * actors_.size());
  for (std::size_t i = 0; i < issues_.size(); ++i)
    for (std::size_t a = 0; a < old_n; ++a) wider[i * actors_.size() + a] = std::move(stances_[i * old_n + a]);
  stances_ = std::move(wider);
  return old_n;
}

std::optional<std::size_t> Scenario::find_actor(const std::string& id) const {
  for (std::size_t a = 0; a < actors_.size(); ++a)
    if (actors_[a].id == id) return a;
  return std::nullopt;
}

std::optional<std::size_t> Scenario::find_issue(const std::string& id) const {
  for (std::size_t i = 0; i < issues_.size(); ++i)
    if (issues_[i].id == id) return i;
  return std::nullopt;
}

bool Scenario::has_issue_capabilities() const {
  for (const Stance& st : stances_)
    if (st.capability) return true;
  return false;
}

void Scenario::reserve(std::size_t n_issues, std::size_t n_actors) {
  issues_.reserve(n_issues);
  actors_.reserve(n_actors);
  stances_.reserve(n_issues * n_actors);
}

}  // namespace parley
