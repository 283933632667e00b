#pragma once

// Swapping a new index folder in for the live one, as `naviny index --rebuild` and
// `naviny compact` do. Internal to the indexer library.

#include <filesystem>
#include <string_view>

namespace naviny {

// Exchanges the folders `fresh` and `live` in one atomic step (Linux renameat2
// RENAME_EXCHANGE): searchers see the old index or the new one, never a partial one. Afterwards
// `fresh` holds the old index. `what` names the new one in messages ("rebuilt", "compacted").
// Throws InternalError if the exchange fails; then both are as they were.
void exchange_folders(const std::filesystem::path& fresh, const std::filesystem::path& live,
                      std::string_view what);

}  // namespace naviny
