#include "indexer/alias_table.h"

#include <map>
#include <set>
#include <vector>

#include "analyzers/script.h"
#include "common/alias_rows.h"
#include "common/schema.h"

namespace naviny {
namespace {

// Xapian refuses longer metadata keys; an alias this long is still found by the slow path.
constexpr std::size_t kMaxKeyBytes = 240;

void clear_metadata_under(Xapian::WritableDatabase& db, const std::string& prefix) {
  std::vector<std::string> stale;
  for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
    stale.push_back(*key);
  }
  for (const std::string& key : stale) db.set_metadata(key, "");
}

// Files `line` under the prefixed name keys of `word`.
void add_under_keys(std::map<std::string, std::set<std::string>>& lines_by_key,
                    const std::string& prefix, const AliasWord& word, const std::string& line) {
  for (const std::string* key : word.forms.name_keys.both()) {
    if (!key->empty()) lines_by_key[prefix + *key].insert(line);
  }
}

void store_lines(Xapian::WritableDatabase& db,
                 const std::map<std::string, std::set<std::string>>& lines_by_key) {
  for (const auto& [key, lines] : lines_by_key) {
    if (key.size() > kMaxKeyBytes) continue;
    std::string text;
    for (const std::string& line : lines) text += line + "\n";
    db.set_metadata(key, text);
  }
}

}  // namespace

void store_alias_table(Xapian::WritableDatabase& db, const Gazetteer& gazetteer,
                       const std::string& gazetteer_hash, const std::string& analyzer_fingerprint) {
  const std::string analysed_key(schema::kMetaGazetteerAnalysed);
  const std::string analysed_stamp =
      schema::analysed_gazetteer_stamp(gazetteer_hash, analyzer_fingerprint);
  if (!db.get_metadata(analysed_key).starts_with(analysed_stamp + "\n")) {
    db.set_metadata(analysed_key, gazetteer.analysed(analysed_stamp));
  }
  const std::string table_hash_key(schema::kMetaAliasTableHash);
  const std::string stamp = schema::alias_table_stamp(gazetteer_hash);
  if (db.get_metadata(table_hash_key) == stamp) return;
  const std::string alias_prefix(schema::kMetaAliasPrefix);
  const std::string word_prefix(schema::kMetaAliasWordPrefix);
  clear_metadata_under(db, alias_prefix);
  clear_metadata_under(db, word_prefix);
  const std::string given_name_prefix(schema::kMetaGivenNamePrefix);
  clear_metadata_under(db, given_name_prefix);
  // The scripts each entity has a one-word alias in, as recognition compares them.
  std::vector<std::string> scripts_named_in(gazetteer.entities().size());
  for (const Alias& alias : gazetteer.aliases()) {
    if (alias.words.size() != 1) continue;
    std::string& scripts = scripts_named_in[alias.entity];
    const char letter = script_letter(alias.words.front().forms.script);
    if (scripts.find(letter) == std::string::npos) scripts += letter;
  }
  std::map<std::string, std::set<std::string>> ids_by_key;
  std::map<std::string, std::set<std::string>> words_by_key;
  std::map<std::string, std::set<std::string>> given_names_by_key;
  for (const Alias& alias : gazetteer.aliases()) {
    const std::string& id = gazetteer.entities()[alias.entity].id;
    // A one-word alias that is no acronym is a word to compare spellings with: its line carries
    // its spelling, and it is filed by name key too.
    const bool one_word = alias.words.size() == 1 && !alias.words.front().acronym;
    const AliasWord& first = alias.words.front();
    ids_by_key[alias_prefix + Gazetteer::lookup_key(alias)].insert(encode_row(
        one_word ? AliasRow{id, first.forms.romanized, first.forms.exact} : AliasRow{id, {}, {}}));
    if (gazetteer.is_full_name_of_person(alias)) {
      const AliasWord& given_name = alias.words.front();
      add_under_keys(given_names_by_key, given_name_prefix, given_name,
                     encode_row(GivenNameRow{id, given_name.forms.romanized}));
    }
    if (!one_word) continue;
    add_under_keys(words_by_key, word_prefix, first,
                   encode_row(AliasWordRow{id, first.forms.search, first.forms.romanized,
                                           first.forms.exact, scripts_named_in[alias.entity]}));
  }
  store_lines(db, ids_by_key);
  store_lines(db, words_by_key);
  store_lines(db, given_names_by_key);
  db.set_metadata(table_hash_key, stamp);
}

}  // namespace naviny
