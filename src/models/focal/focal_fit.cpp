#include "models/focal/focal_fit.hpp"

#include <Eigen/Dense>
#include <cmath>

namespace parley::models::focal {

namespace {

using Vector = Eigen::Matrix<double, kFeatures, 1>;
using Matrix = Eigen::Matrix<double, kFeatures, kFeatures>;

Features to_features(const Vector& v) {
  Features f{};
  for (std::size_t k = 0; k < kFeatures; ++k) f[k] = v(static_cast<Eigen::Index>(k));
  return f;
}

Vector to_vector(const Features& f) {
  Vector v;
  for (std::size_t k = 0; k < kFeatures; ++k) v(static_cast<Eigen::Index>(k)) = f[k];
  return v;
}

/// Log likelihood (without penalty) and, when asked, its gradient and Hessian.
double log_likelihood(const std::vector<Observation>& obs, const Vector& beta, Vector* gradient, Matrix* hessian) {
  double ll = 0;
  if (gradient) gradient->setZero();
  if (hessian) hessian->setZero();
  for (const Observation& o : obs) {
    const std::vector<double> p = probabilities(o.candidates, to_features(beta));
    Vector mean = Vector::Zero();
    for (std::size_t c = 0; c < p.size(); ++c) mean += p[c] * to_vector(o.candidates[c].features);
    const double share = 1.0 / static_cast<double>(o.chosen.size());
    for (std::size_t c : o.chosen) {
      ll += share * std::log(std::max(p[c], 1e-300));
      if (gradient) *gradient += share * (to_vector(o.candidates[c].features) - mean);
    }
    if (hessian)
      for (std::size_t c = 0; c < p.size(); ++c) {
        const Vector d = to_vector(o.candidates[c].features) - mean;
        *hessian -= p[c] * d * d.transpose();
      }
  }
  return ll;
}

}  // namespace

Fit fit_coefficients(const std::vector<Observation>& obs, double ridge) {
  Vector beta = Vector::Zero();
  auto objective = [&](const Vector& b) { return log_likelihood(obs, b, nullptr, nullptr) - ridge / 2 * b.squaredNorm(); };
  double value = objective(beta);
  int iterations = 0;
  for (; iterations < 100; ++iterations) {
    Vector g;
    Matrix h;
    log_likelihood(obs, beta, &g, &h);
    g -= ridge * beta;
    h -= ridge * Matrix::Identity();
    const Vector step = h.ldlt().solve(-g);  // -H is positive definite: the objective is concave
    double t = 1;
    Vector next = beta + step;
    double next_value = objective(next);
    while (next_value < value - 1e-12 && t > 1e-6) {
      t /= 2;
      next = beta + t * step;
      next_value = objective(next);
    }
    const bool done = (t * step).norm() < 1e-10 || std::fabs(next_value - value) < 1e-13;
    beta = next;
    value = next_value;
    if (done) break;
  }
  Fit f;
  f.parameters.coefficients = to_features(beta);
  f.log_likelihood = log_likelihood(obs, beta, nullptr, nullptr);
  f.observations = obs.size();
  f.iterations = iterations;
  return f;
}

std::vector<Observation> observations(const Scenario& s, const std::vector<std::size_t>& issues, double exponent) {
  std::vector<Observation> out;
  for (std::size_t i : issues) {
    if (!s.issue(i).outcome) continue;
    std::vector<Candidate> cs = candidates(s, i, exponent);
    if (cs.empty()) continue;
    std::vector<std::size_t> chosen = nearest(cs, *s.issue(i).outcome);
    out.push_back({std::move(cs), std::move(chosen)});
  }
  return out;
}

}  // namespace parley::models::focal
