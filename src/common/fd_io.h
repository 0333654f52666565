// Writing whole buffers to file descriptors, retrying short writes and EINTR.
// Used by the bulk CSV writers (crossings output, the event generator), which
// write large buffers with write/pwrite rather than through iostreams.
#pragma once

#include <cstddef>
#include <cstdint>

namespace rollcall {

// Writes all n bytes at the descriptor's position. False on error (errno set).
bool write_all(int fd, const char* p, std::size_t n);
// Writes all n bytes at offset `off`. False on error (errno set).
bool pwrite_all(int fd, const char* p, std::size_t n, std::uint64_t off);

}  // namespace rollcall
