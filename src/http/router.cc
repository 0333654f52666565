#include "http/router.h"

namespace rollcall::http {

std::vector<std::string> Router::split(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;  // skip the leading '/'
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string::npos ? path.size() : slash;
    out.push_back(path.substr(start, end - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

void Router::add(std::string method, std::string pattern, Handler handler) {
  routes_.push_back(Route{std::move(method), split(pattern), std::move(handler)});
}

Response Router::dispatch(Request& request) const {
  const auto segments = split(request.path);
  std::string allow;
  for (const Route& r : routes_) {
    if (r.segments.size() != segments.size()) continue;
    std::map<std::string, std::string> params;
    bool match = true;
    for (std::size_t i = 0; i < segments.size() && match; ++i) {
      const std::string& p = r.segments[i];
      if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
        if (segments[i].empty()) match = false;
        params[p.substr(1, p.size() - 2)] = segments[i];
      } else {
        match = p == segments[i];
      }
    }
    if (!match) continue;
    if (r.method != request.method) {
      allow += (allow.empty() ? "" : ", ") + r.method;
      continue;
    }
    request.params = std::move(params);
    return r.handler(request);
  }
  if (!allow.empty()) {
    Response res = Response::error(405, "method not allowed");
    res.headers.emplace_back("Allow", allow);
    return res;
  }
  if (fallback_) return fallback_(request);
  return Response::error(404, "no such resource");
}

}  // namespace rollcall::http
