#include "indexer/folder_exchange.h"

#include <fcntl.h>
#include <stdio.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "common/errors.h"

namespace naviny {

void exchange_folders(const std::filesystem::path& fresh, const std::filesystem::path& live,
                      std::string_view what) {
  if (renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, live.c_str(), RENAME_EXCHANGE) != 0) {
    throw InternalError("cannot swap the " + std::string(what) + " index '" + fresh.string() +
                        "' into place at '" + live.string() + "': " + std::strerror(errno) +
                        "; the old index is untouched, the new one is left at '" + fresh.string() +
                        "'");
  }
}

}  // namespace naviny
