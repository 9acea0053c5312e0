// Everything in parley's public API.
#pragma once

#include "parley/backtest.hpp"
#include "parley/error.hpp"
#include "parley/forecast.hpp"
#include "parley/io.hpp"
#include "parley/model.hpp"
#include "parley/outcome_class.hpp"
#include "parley/output.hpp"
#include "parley/sampling.hpp"
#include "parley/scenario.hpp"
#include "parley/schemas.hpp"
#include "parley/sweep.hpp"
#include "parley/timeline.hpp"
#include "parley/uncertain.hpp"
#include "parley/version.hpp"
#include "parley/what_if.hpp"
