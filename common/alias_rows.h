#pragma once

// The rows of the alias tables an index keeps in its metadata, so that a search resolves a name
// with one look-up: written by indexer/alias_table.cc, read by searcher/entity_filter.cc, only
// through this codec. One row per line, its fields separated by tabs.

#include <optional>
#include <string>
#include <string_view>

namespace naviny {

// Under schema::kMetaAliasPrefix + a lookup key (Gazetteer::lookup_key) or a search form.
struct AliasRow {
  std::string_view id;
  // The spelling of a one-word alias that is no acronym (its exact form is never empty); both
  // empty for the others.
  std::string_view romanized;
  std::string_view exact;
};

// Under schema::kMetaAliasWordPrefix + a name key: a one-word alias, to compare spellings with.
struct AliasWordRow {
  std::string_view id;
  std::string_view search;
  std::string_view romanized;
  std::string_view exact;
  // The scripts the entity has one-word aliases in, a letter each (script_letter); empty in
  // tables written before 2026-12-07, which do not say.
  std::string_view scripts;
};

// Under schema::kMetaGivenNamePrefix + a name key: the first word of a person's full alias.
struct GivenNameRow {
  std::string_view id;
  std::string_view romanized;
};

std::string encode_row(const AliasRow& row);
std::string encode_row(const AliasWordRow& row);
std::string encode_row(const GivenNameRow& row);

// Nothing for a line of another form (an index written by another version). The fields point
// into `line`.
std::optional<AliasRow> decode_alias_row(std::string_view line);
std::optional<AliasWordRow> decode_alias_word_row(std::string_view line);
std::optional<GivenNameRow> decode_given_name_row(std::string_view line);

}  // namespace naviny
