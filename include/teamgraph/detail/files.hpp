#pragma once
// Private: what a path that is not a regular file is instead, as its problem's catalog key.

#include <filesystem>

namespace teamgraph::detail {

inline const char* not_a_file(const std::filesystem::file_status& status) {
  namespace fs = std::filesystem;
  return fs::is_directory(status)                                       ? "problem.not_a_file.folder"
         : fs::is_fifo(status)                                          ? "problem.not_a_file.fifo"
         : fs::is_socket(status)                                        ? "problem.not_a_file.socket"
         : fs::is_block_file(status) || fs::is_character_file(status) ? "problem.not_a_file.device"
         : fs::exists(status)                                           ? "problem.not_a_file.other"
                                                                        : "problem.not_a_file.link_to_nothing";
}

}  // namespace teamgraph::detail
