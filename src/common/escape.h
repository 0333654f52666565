// Escaping text for a double-quoted string in JSON or a TOML basic string:
// the two formats share these escapes (\" \\ \n \r \t \uXXXX).
#pragma once

#include <string>
#include <string_view>

namespace rollcall {

// The characters of `s` escaped for use between double quotes (quotes not added).
// Control characters and DEL become \u00XX; everything else is kept as is.
std::string escape_quoted(std::string_view s);

}  // namespace rollcall
