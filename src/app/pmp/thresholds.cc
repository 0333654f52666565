#include "app/pmp/thresholds.h"

#include "app/pmp/threshold_toml.h"

namespace rollcall::app {
namespace {

Result<pmp::ThresholdSet> store(storage::Database& db, pmp::ThresholdSet set,
                                const std::string& actor) {
  RC_ASSIGN_OR_RETURN(auto stored, db.threshold_sets());
  for (const auto& s : stored) {
    if (s.effective_from == set.effective_from) {
      return failed_precondition("threshold set " + std::to_string(s.id) + " (\"" + s.name +
                                 "\") already takes effect on " + set.effective_from.to_string() +
                                 "; sets are never replaced, give the new one a later date");
    }
  }
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor));
  RC_ASSIGN_OR_RETURN(set.id, tx->insert_threshold_set(set));
  RC_RETURN_IF_ERROR(tx->commit());
  return set;
}

}  // namespace

Result<pmp::ThresholdSet> store_threshold_set(storage::Database& db, pmp::ThresholdSet set,
                                              const std::string& actor) {
  return store(db, std::move(set), actor);
}

Result<bool> install_default_thresholds(storage::Database& db, const std::string& actor) {
  RC_ASSIGN_OR_RETURN(auto stored, db.threshold_sets());
  if (!stored.empty()) return false;
  RC_ASSIGN_OR_RETURN(pmp::ThresholdSet set,
                      parse_threshold_toml(default_thresholds_toml(), "default.toml"));
  RC_ASSIGN_OR_RETURN(auto saved, store(db, std::move(set), actor));
  (void)saved;
  return true;
}

Result<pmp::ThresholdSet> import_threshold_set(storage::Database& db,
                                               const std::filesystem::path& file,
                                               const std::string& actor) {
  RC_ASSIGN_OR_RETURN(pmp::ThresholdSet set, read_threshold_file(file));
  return store(db, std::move(set), actor);
}

}  // namespace rollcall::app
