#include "cli/server_host.h"

#include <filesystem>

#include "api/routes.h"
#include "storage/sql/sql_database.h"

namespace rollcall::cli {

Result<std::unique_ptr<ServerHost>> ServerHost::start(const HostOptions& options,
                                                      const Clock& clock) {
  auto open = [&]() -> Result<std::unique_ptr<storage::Database>> {
    RC_ASSIGN_OR_RETURN(auto db, storage::sql::open_database(options.db, clock));
    RC_RETURN_IF_ERROR(db->check_schema());
    return db;
  };
  std::unique_ptr<ServerHost> host(new ServerHost());
  host->options_ = options;
  RC_ASSIGN_OR_RETURN(host->pool_, app::DatabasePool::open(std::max(1U, options.workers), open));
  RC_ASSIGN_OR_RETURN(auto log_db, open());
  auto access_log = std::make_unique<api::AccessLogWriter>(std::move(log_db));
  host->state_ =
      std::make_unique<api::ApiState>(*host->pool_, clock, options.api, std::move(access_log));
  // Build the views once before the first request, so a bad database fails
  // the start rather than the first user.
  RC_RETURN_IF_ERROR(host->state_->org().status());
  RC_RETURN_IF_ERROR(host->state_->pmp().status());

  http::ServerOptions so;
  so.address = options.address;
  so.port = options.port;
  so.io_threads = std::max(1U, options.io_threads);
  so.worker_threads = std::max(1U, options.workers);
  so.access_log = options.access_log;
  so.io_timeout = options.io_timeout;
  api::ApiState* state = host->state_.get();
  so.fast_path = [state](const http::Request& r) { return api::answer_from_memory(r, *state); };
  if (!options.api.web_root.empty() &&
      !std::filesystem::is_regular_file(std::filesystem::path(options.api.web_root) /
                                        "index.html")) {
    return not_found("--web " + options.api.web_root +
                     ": no index.html (build the front end with scripts/build-web.sh)");
  }
  ServerHost* self = host.get();
  http::Router router = api::make_router(
      *host->state_, [self] { return self->server_ ? self->server_->metrics() : std::string(); });
  host->server_ = std::make_unique<http::Server>(so, std::move(router));
  RC_RETURN_IF_ERROR(host->server_->start());
  return host;
}

ServerHost::~ServerHost() { stop(); }

std::uint16_t ServerHost::port() const { return server_ ? server_->port() : 0; }

std::string ServerHost::url() const {
  return "http://" + options_.address + ":" + std::to_string(port());
}

void ServerHost::stop() {
  if (server_) server_->stop();
  if (state_) state_->access_log().stop();
}

}  // namespace rollcall::cli
