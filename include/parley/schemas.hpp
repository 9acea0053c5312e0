// The versions of every JSON document parley writes, in one list (docs/output.md). Each document
// starts with {"schema": ID, ...}. Additive changes keep an id; any change that could break a
// reader bumps its version ("parley.forecast/2").
#pragma once

namespace parley {

/// `parley run --format json` (write_forecast).
inline constexpr const char* kForecastSchema = "parley.forecast/1";
/// `parley run --trace FILE` for models with rounds per issue (write_trace; bdm).
inline constexpr const char* kTraceSchema = "parley.trace/1";
/// `parley run --trace FILE` for a model that moves all issues together: one line per turn (smp).
inline constexpr const char* kSpatialTraceSchema = "parley.spatial-trace/1";
/// `parley run --model exchange --trace FILE`: one line per round with its exchanges (write_trace).
inline constexpr const char* kExchangeTraceSchema = "parley.exchange-trace/1";
/// `parley sweep --format json` and `parley show --format json` (write_sweep_summary).
inline constexpr const char* kSweepSchema = "parley.sweep/1";
/// `parley sensitivity --format json` (write_sensitivity).
inline constexpr const char* kSensitivitySchema = "parley.sensitivity/1";
/// `parley compare --format json` (write_comparison).
inline constexpr const char* kCompareSchema = "parley.compare/1";
/// `parley feasibility --format json` (write_feasibility).
inline constexpr const char* kFeasibilitySchema = "parley.feasibility/1";
/// `parley export --format json` (write_export; docs/results-db.md).
inline constexpr const char* kExportSchema = "parley.export/1";

/// `parley backtest --cross-validate --format json` (write_cross_validation; docs/skill.md).
inline constexpr const char* kCrossValidationSchema = "parley.cross-validation/1";

/// `parley models --format json` and `GET /api/models` (write_model_list; docs/web.md).
inline constexpr const char* kModelsSchema = "parley.models/1";
/// `parley validate --format json` and `POST /api/validate` (write_scenario_check).
inline constexpr const char* kValidateSchema = "parley.validate/1";
/// `parley runs --format json` and `GET /api/runs` (write_run_list).
inline constexpr const char* kRunsSchema = "parley.runs/1";
/// The skill table as JSON, `GET /api/skill` (write_skill).
inline constexpr const char* kSkillSchema = "parley.skill/1";
/// Every model's forecast of one scenario and their ensemble, `POST /api/whatif` (write_what_if).
inline constexpr const char* kWhatIfSchema = "parley.whatif/1";

/// Every schema id above, in that order.
inline constexpr const char* kSchemas[] = {kForecastSchema, kTraceSchema,           kSpatialTraceSchema, kExchangeTraceSchema,
                                           kSweepSchema,    kSensitivitySchema,     kCompareSchema,      kFeasibilitySchema,
                                           kExportSchema,   kCrossValidationSchema, kModelsSchema,       kValidateSchema,
                                           kRunsSchema,     kSkillSchema,           kWhatIfSchema};

}  // namespace parley
