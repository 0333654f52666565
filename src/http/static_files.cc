#include "http/static_files.h"

#include <fstream>
#include <sstream>

namespace rollcall::http {

std::string content_type_for(const std::string& path) {
  static const std::map<std::string, std::string> kTypes{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
  };
  const auto dot = path.rfind('.');
  if (dot == std::string::npos) return "application/octet-stream";
  auto it = kTypes.find(path.substr(dot));
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

Result<StaticFiles> StaticFiles::load(const std::filesystem::path& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(root / "index.html", ec)) {
    return not_found(root.string() + ": no index.html (build the front end: scripts/build-web.sh)");
  }
  StaticFiles out;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    const std::string url = "/" + fs::relative(it->path(), root).generic_string();
    out.files_[url] = File{content_type_for(url), buf.str()};
  }
  if (ec) return not_found(root.string() + ": " + ec.message());
  return out;
}

Response StaticFiles::serve(const Request& request) const {
  if (request.method != "GET" && request.method != "HEAD") {
    return Response::error(405, "method not allowed");
  }
  std::string path = request.path == "/" ? "/index.html" : request.path;
  auto it = files_.find(path);
  if (it == files_.end()) {
    const auto slash = path.rfind('/');
    const bool has_extension = path.find('.', slash) != std::string::npos;
    if (has_extension || path.rfind("/api/", 0) == 0)
      return Response::error(404, "no such resource");
    it = files_.find("/index.html");
  }
  Response res;
  res.status = 200;
  res.content_type = it->second.content_type;
  if (request.method == "GET") res.body = it->second.body;
  res.headers.emplace_back("Cache-Control", path.rfind("/assets/", 0) == 0
                                                ? "public, max-age=31536000, immutable"
                                                : "no-cache");
  return res;
}

}  // namespace rollcall::http
