// Serves a built front end (web/dist) from memory: every file under `root` is
// read once at start. GET and HEAD only. Paths without a file extension that
// match no file get index.html (the app's client-side routes); anything else
// missing is 404. Fingerprinted assets (under /assets/) are cached for a year;
// everything else is revalidated.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "common/status.h"
#include "http/message.h"

namespace rollcall::http {

class StaticFiles {
 public:
  // NOT_FOUND if `root` has no index.html.
  static Result<StaticFiles> load(const std::filesystem::path& root);
  Response serve(const Request& request) const;
  std::size_t file_count() const { return files_.size(); }

 private:
  struct File {
    std::string content_type;
    std::string body;
  };
  std::map<std::string, File> files_;  // by URL path, "/index.html"
};

// The Content-Type for a file name's extension.
std::string content_type_for(const std::string& path);

}  // namespace rollcall::http
