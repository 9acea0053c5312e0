// The exchange model's realised exchanges in its Forecast (Forecast::exchanges, issue #17 item 4):
// every round's, as run_exchange() realised them; the start positions with the trace; those after
// the last event on a scenario with events; none from other models.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "models/exchange/exchange.hpp"
#include "parley/io.hpp"
#include "parley/model.hpp"
#include "parley/timeline.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

Scenario decide_sample() { return read_scenario_file(testing::data_path(testing::kDecideSample)); }

Forecast exchange_forecast(const Scenario& s, const ModelOptions& options) { return find_model("exchange")->run(s, options); }

void expect_same_side(const ExchangeSide& got, const models::exchange::Side& want) {
  EXPECT_EQ(got.actor, want.actor);
  EXPECT_EQ(got.supply, want.supply);
  EXPECT_EQ(got.from, want.from);
  EXPECT_EQ(got.to, want.to);
  EXPECT_EQ(got.toward, want.toward);
  EXPECT_EQ(got.move, want.to - want.from);
  EXPECT_EQ(got.gain, want.gain);
  EXPECT_EQ(got.mean_before, want.mean_before);
  EXPECT_EQ(got.mean_after, want.mean_after);
}

TEST(ExchangeForecast, CarriesEveryRoundsRealisedExchanges) {
  const Scenario s = decide_sample();
  const Forecast f = exchange_forecast(s, {{"rounds", "3"}});
  models::exchange::Options o;
  o.rounds = 3;
  const models::exchange::Run run = models::exchange::run_exchange(s, o);
  ASSERT_EQ(f.exchanges.size(), 3u);
  for (std::size_t t = 0; t < 3; ++t) {
    const ExchangeRound& got = f.exchanges[t];
    const models::exchange::Round& want = run.rounds[t];
    EXPECT_EQ(got.round, t + 1);
    EXPECT_EQ(got.candidates, want.candidates);
    EXPECT_EQ(got.valid, want.valid);
    EXPECT_TRUE(got.start.empty());  // only with the trace
    ASSERT_EQ(got.exchanges.size(), want.exchanges.size());
    for (std::size_t k = 0; k < got.exchanges.size(); ++k) {
      expect_same_side(got.exchanges[k].first, want.exchanges[k].on_p);
      expect_same_side(got.exchanges[k].second, want.exchanges[k].on_q);
      EXPECT_EQ(got.exchanges[k].gain, want.exchanges[k].gain);
      EXPECT_LT(got.exchanges[k].first.supply, got.exchanges[k].second.supply);
    }
  }
  // Decide's own numbers (decide/model/test/test_model.py): round 1, its first exchange.
  EXPECT_EQ(f.exchanges[0].candidates, 240u);
  EXPECT_EQ(f.exchanges[0].valid, 230u);
  const ExchangeSide& wcentr = f.exchanges[0].exchanges.at(0).first;
  EXPECT_EQ(s.actor(wcentr.actor).id, "Wcentr");
  EXPECT_EQ(s.issue(wcentr.supply).id, "tolheffing-binnenstad");
  EXPECT_NEAR(wcentr.to, 61.05117364047237, 1e-9);
  EXPECT_NEAR(wcentr.gain, 75.0 / 38, 1e-12);
}

TEST(ExchangeForecast, TheTraceKeepsEachRoundsNextStartPositions) {
  const Scenario s = decide_sample();
  const Model& model = *find_model("exchange");
  EXPECT_TRUE(model.traits().trace);
  const ModelOptions traced = apply_request(model, {{"rounds", "2"}}, {.trace = true});
  EXPECT_EQ(traced.at("trace"), "true");
  const Forecast f = model.run(s, traced);
  models::exchange::Options o;
  o.rounds = 2;
  const models::exchange::Run run = models::exchange::run_exchange(s, o);
  ASSERT_EQ(f.exchanges.size(), 2u);
  for (std::size_t t = 0; t < 2; ++t) {
    ASSERT_EQ(f.exchanges[t].start.size(), run.rounds[t].next.positions.size());
    for (std::size_t k = 0; k < f.exchanges[t].start.size(); ++k) {
      const double got = f.exchanges[t].start[k], want = run.rounds[t].next.positions[k];
      EXPECT_TRUE(got == want || (std::isnan(got) && std::isnan(want))) << t << " " << k;
    }
  }
  EXPECT_EQ(f.options.at("trace"), "true");
  EXPECT_EQ(exchange_forecast(s, {{"rounds", "2"}}).options.at("trace"), "false");
}

TEST(ExchangeForecast, WithEventsTheExchangesAreThoseOfTheRunAfterTheLastEvent) {
  const Scenario s = read_scenario_file(testing::source_path("scenarios/us-russia.yaml"));
  ASSERT_FALSE(s.events.empty());
  const Forecast f = exchange_forecast(s, {{"rounds", "2"}});
  const Forecast last = exchange_forecast(scenario_at(s, s.events.size()), {{"rounds", "2"}});
  const Forecast first = exchange_forecast(scenario_at(s, 0), {{"rounds", "2"}});
  ASSERT_EQ(f.exchanges.size(), 2u);
  ASSERT_FALSE(last.exchanges[0].exchanges.empty());
  EXPECT_EQ(f.exchanges[0].candidates, last.exchanges[0].candidates);
  EXPECT_EQ(f.exchanges[0].exchanges.size(), last.exchanges[0].exchanges.size());
  EXPECT_EQ(f.exchanges[0].exchanges[0].first.to, last.exchanges[0].exchanges[0].first.to);
  EXPECT_NE(f.exchanges[0].exchanges[0].first.to, first.exchanges[0].exchanges[0].first.to);  // the stages differ
}

TEST(ExchangeForecast, OtherModelsHaveNone) {
  const Scenario s = decide_sample();
  for (const char* model : {"compromise", "median", "nbs", "bdm", "smp", "focal"}) {
    SCOPED_TRACE(model);
    EXPECT_TRUE(find_model(model)->run(s, {}).exchanges.empty());
  }
}

}  // namespace
}  // namespace parley
