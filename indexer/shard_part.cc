#include "indexer/shard_part.h"

#include <string>

#include "common/errors.h"
#include "common/schema.h"

namespace naviny {
namespace {

std::string stored_part_text(const Xapian::Database& db) {
  return db.get_metadata(std::string(schema::kMetaShardPart));
}

bool is_new(const Xapian::Database& db) {
  return db.get_doccount() == 0 && db.get_metadata(std::string(schema::kMetaSchemaVersion)).empty();
}

std::string holding(const std::string& part_text) {
  return part_text.empty() ? std::string("a whole corpus")
                           : "shard " + part_text + " of a split corpus (`naviny index --shard " +
                                 part_text + "`)";
}

}  // namespace

std::optional<ShardPart> recorded_part(const Xapian::Database& db) {
  const std::string text = stored_part_text(db);
  if (text.empty()) return std::nullopt;
  return parse_shard_part(text, schema::kMetaShardPart);
}

void claim_part(IndexWriter& writer, const std::filesystem::path& db,
                const std::optional<ShardPart>& part) {
  auto& shards = writer.shards();
  if (part && shards.size() > 1) {
    throw UsageError("--shard " + part->text() + " builds one database, but '" + db.string() +
                     "' is a sharded index folder of " + std::to_string(shards.size()) +
                     " shards; give --db a folder of its own for this shard");
  }
  for (std::size_t i = 0; i < shards.size(); ++i) {
    Xapian::WritableDatabase& shard = shards[i]->db();
    const std::string stored = stored_part_text(shard);
    // A folder of --shards N holds shard i of N in shard-i: copied there from `--shard i/N`
    // databases, or built in place without a record.
    const std::string expected =
        part ? part->text() : (shards.size() > 1 ? ShardPart{i, shards.size()}.text() : "");
    if (stored == expected || (stored.empty() && !part && shards.size() > 1)) continue;
    if (stored.empty() && is_new(shard)) {
      shard.set_metadata(std::string(schema::kMetaShardPart), expected);
      continue;
    }
    const std::string where =
        "'" + (shards.size() > 1 ? db / shard_folder_name(i) : db).string() + "'";
    if (part) {
      throw IncompatibleIndexError(
          "the index at " + where + " holds " + holding(stored) + ", not shard " + part->text() +
          (stored.empty()
               ? "; give --db a new folder for the shard (indexing one shard into it "
                 "would remove the other articles)"
               : "; give --shard " + stored + ", or --db the folder of shard " + part->text()));
    }
    throw IncompatibleIndexError("the index at " + where + " holds only " + holding(stored) +
                                 "; index it with --shard " + stored +
                                 ", or give --db another folder for the whole corpus");
  }
}

}  // namespace naviny
