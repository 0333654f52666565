#include "api/api_state.h"

#include "time/zone.h"

namespace rollcall::api {

ApiState::ApiState(app::DatabasePool& pool, const Clock& clock, ApiOptions options,
                   std::unique_ptr<AccessLogWriter> access_log)
    : pool_(pool),
      clock_(clock),
      options_(std::move(options)),
      sessions_(options_.auth),
      access_log_(std::move(access_log)) {}

Date ApiState::today() const {
  auto d = local_date(clock_.now(), options_.zone);
  return d ? *d : Date::from_ymd(1970, 1, 1);
}

void ApiState::invalidate() {
  std::lock_guard lock(mutex_);
  org_.reset();
  pmp_.reset();
  head_seq_ = -1;
  ++generation_;
}

Status ApiState::check_head() {
  const auto now = std::chrono::steady_clock::now();
  if (head_seq_ >= 0 && now - last_check_ < options_.cache_check_interval) return Status::ok();
  auto db = pool_.lease();
  RC_ASSIGN_OR_RETURN(auto head, db->audit_head());
  last_check_ = now;
  if (head.seq != head_seq_) {
    org_.reset();
    pmp_.reset();
    head_seq_ = head.seq;
    ++generation_;
  }
  return Status::ok();
}

Result<std::shared_ptr<const OrgView>> ApiState::org() {
  std::lock_guard lock(mutex_);
  RC_RETURN_IF_ERROR(check_head());
  if (!org_) {
    auto db = pool_.lease();
    RC_ASSIGN_OR_RETURN(auto data, db->load_org());
    org_ = std::make_shared<const OrgView>(std::move(data));
  }
  return org_;
}

std::shared_ptr<const OrgView> ApiState::org_if_fresh() {
  std::unique_lock lock(mutex_, std::try_to_lock);
  if (!lock.owns_lock() || !org_ || head_seq_ < 0) return nullptr;
  if (std::chrono::steady_clock::now() - last_check_ >= options_.cache_check_interval)
    return nullptr;
  return org_;
}

Result<std::shared_ptr<const PmpView>> ApiState::pmp() {
  std::lock_guard lock(mutex_);
  RC_RETURN_IF_ERROR(check_head());
  const Date day = today();
  if (!pmp_ || pmp_day_ != day) {
    auto db = pool_.lease();
    RC_ASSIGN_OR_RETURN(auto versions, db->event_versions(std::nullopt));
    RC_ASSIGN_OR_RETURN(auto sets, db->threshold_sets());
    pmp_ =
        std::make_shared<const PmpView>(PmpView::build(std::move(versions), std::move(sets), day));
    pmp_day_ = day;
    ++generation_;
  }
  return pmp_;
}

}  // namespace rollcall::api
