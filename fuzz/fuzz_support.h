#pragma once

// Shared by the libFuzzer targets: the repository's source folder, for fixtures.

#include <cstdlib>
#include <filesystem>

namespace naviny::fuzz {

// NAVINY_SOURCE_DIR from the build, unless $NAVINY_SOURCE_DIR names another checkout.
inline std::filesystem::path source_dir() {
  if (const char* from_env = std::getenv("NAVINY_SOURCE_DIR"); from_env && *from_env) {
    return from_env;
  }
  return NAVINY_SOURCE_DIR;
}

}  // namespace naviny::fuzz
