#include "indexer/alias_table.h"

#include <map>
#include <set>
#include <vector>

#include "common/schema.h"

namespace naviny {
namespace {

// Xapian refuses longer metadata keys; an alias this long is still found by the slow path.
constexpr std::size_t kMaxKeyBytes = 240;

}  // namespace

void store_alias_table(Xapian::WritableDatabase& db, const Gazetteer& gazetteer,
                       const std::string& gazetteer_hash) {
  const std::string table_hash_key(schema::kMetaAliasTableHash);
  if (db.get_metadata(table_hash_key) == gazetteer_hash) return;
  const std::string prefix(schema::kMetaAliasPrefix);
  std::vector<std::string> stale;
  for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
    stale.push_back(*key);
  }
  for (const std::string& key : stale) db.set_metadata(key, "");
  std::map<std::string, std::set<std::string>> ids_by_key;
  for (const Alias& alias : gazetteer.aliases()) {
    ids_by_key[prefix + Gazetteer::alias_key(alias)].insert(gazetteer.entities()[alias.entity].id);
  }
  for (const auto& [key, ids] : ids_by_key) {
    if (key.size() > kMaxKeyBytes) continue;
    std::string lines;
    for (const std::string& id : ids) lines += id + "\n";
    db.set_metadata(key, lines);
  }
  db.set_metadata(table_hash_key, gazetteer_hash);
}

}  // namespace naviny
