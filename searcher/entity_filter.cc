#include "searcher/entity_filter.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "analyzers/qualified_names.h"
#include "common/alias_rows.h"
#include "common/errors.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/base_forms.h"

namespace naviny {
namespace {

constexpr std::size_t kSuggestions = 5;

std::string described(const Gazetteer& gazetteer, const std::vector<std::size_t>& entities) {
  std::string list;
  for (const std::size_t index : entities) {
    const Entity& entity = gazetteer.entities()[index];
    list += (list.empty() ? "" : ", ") + entity.name + " (" + entity.id + ")";
  }
  return list;
}

// Calls `on_row` with each row, as `decode` reads it, of the alias tables stored under `prefix`
// and each of the non-empty name `keys`; rows of another form are skipped.
template <typename Decode, typename OnRow>
void for_each_row_under_keys(const Xapian::Database& db, std::string_view prefix,
                             const std::vector<std::string>& keys, Decode decode, OnRow on_row) {
  for (const std::string& key : keys) {
    if (key.empty()) continue;
    for_each_line(db.get_metadata(std::string(prefix) + key), [&](std::string_view line) {
      if (const auto row = decode(line)) on_row(*row);
    });
  }
}

void add_once(std::vector<std::string>& ids, std::string_view id) {
  if (std::ranges::find(ids, id) == ids.end()) ids.emplace_back(id);
}

}  // namespace

const EntityLabel* IndexGazetteer::label(const std::string& id) {
  if (!labels_) {
    // The index stores only a gazetteer that Gazetteer::parse accepted when it was tagged, so
    // the rows are well formed; a row that is not is skipped here and its id shown bare.
    labels_.emplace();
    const std::string tsv = db_.get_metadata(std::string(schema::kMetaGazetteer));
    for_each_line(tsv, [&](std::string_view line) {
      const std::optional<std::vector<std::string_view>> columns = gazetteer_columns(line);
      if (!columns || columns->size() < 3) return;
      const std::optional<EntityType> type = parse_type((*columns)[1]);
      if (!type || (*columns)[0].empty()) return;
      labels_->emplace(std::string((*columns)[0]), EntityLabel{*type, std::string((*columns)[2])});
    });
  }
  const auto found = labels_->find(id);
  return found == labels_->end() ? nullptr : &found->second;
}

bool IndexGazetteer::alias_tables_current() const {
  const std::string gazetteer_hash = db_.get_metadata(std::string(schema::kMetaGazetteerHash));
  if (gazetteer_hash.empty()) return false;
  // An index written before aliases carried spellings still names entities, only without telling
  // names an s apart, until the next `naviny index` rewrites its tables.
  const std::string stamp = db_.get_metadata(std::string(schema::kMetaAliasTableHash));
  return stamp == schema::alias_table_stamp(gazetteer_hash) ||
         stamp == schema::alias_table_stamp_without_scripts(gazetteer_hash) ||
         stamp == schema::alias_table_stamp_without_spellings(gazetteer_hash);
}

std::optional<std::vector<std::string>> IndexGazetteer::ids_by_lookup_key(const std::string& key) {
  if (!alias_tables_current()) return std::nullopt;
  std::vector<std::string> ids;
  for_each_row_under_keys(db_, schema::kMetaAliasPrefix, {key}, decode_alias_row,
                          [&](const AliasRow& row) { add_once(ids, row.id); });
  return ids;
}

template <typename OnAlias>
void IndexGazetteer::for_each_alias_of_search_form(
    const std::string& search, const std::vector<QueryWordNames::Spelling>& spellings,
    OnAlias on_alias) {
  // An alias counts where recognition would take the word for it with no sentence around
  // (shared_stem_suffices): not if it is a name an s apart, and for a short stem only if spelt
  // alike (Кенни and Кения both stem to "ken"). One of several words and an acronym (lines
  // without a spelling) always count.
  for_each_row_under_keys(
      db_, schema::kMetaAliasPrefix, {search}, decode_alias_row, [&](const AliasRow& row) {
        if (row.exact.empty()) return on_alias(row.id, std::string_view());
        AliasWord alias_word;
        alias_word.forms.search = search;
        alias_word.forms.romanized = row.romanized;
        alias_word.forms.exact = row.exact;
        alias_word.forms.script = dominant_script(row.exact);
        if (spellings.empty() || std::ranges::all_of(spellings, [&](const auto& spelling) {
              AnalyzedWord word;
              word.forms.search = search;
              word.forms.romanized = spelling.romanized;
              word.forms.script = spelling.script;
              return shared_stem_suffices(word, alias_word);
            })) {
          on_alias(row.id, row.romanized);
        }
      });
}

std::optional<std::vector<std::string>> IndexGazetteer::ids_by_search_form(
    const std::string& search, const std::vector<QueryWordNames::Spelling>& spellings) {
  if (!alias_tables_current()) return std::nullopt;
  std::vector<std::string> ids;
  for_each_alias_of_search_form(search, spellings,
                                [&](std::string_view id, std::string_view) { add_once(ids, id); });
  return ids;
}

bool IndexGazetteer::is_acronym_alias(std::string_view exact) {
  return std::ranges::any_of(get().aliases(), [&](const Alias& alias) {
    return alias.words.size() == 1 && alias.words.front().acronym &&
           alias.words.front().forms.exact == exact;
  });
}

std::vector<std::string> IndexGazetteer::ids_by_alias_spelling(const WordForms& word) {
  std::vector<std::string> ids;
  if (!alias_tables_current()) return ids;
  for_each_row_under_keys(db_, schema::kMetaAliasPrefix, {word.search}, decode_alias_row,
                          [&](const AliasRow& row) {
                            if (!row.exact.empty() && row.exact == word.exact) {
                              add_once(ids, row.id);
                            }
                          });
  return ids;
}

std::optional<WordNaming> IndexGazetteer::entities_named_by_word(const WordForms& word) {
  if (!alias_tables_current()) return std::nullopt;
  WordNaming naming;
  const auto add = [&](std::string_view id, std::string_view alias_romanized) {
    add_once(naming.ids, id);
    naming.edits_to_alias =
        std::min(naming.edits_to_alias,
                 alias_romanized.empty() ? 0 : edit_distance(word.romanized, alias_romanized));
  };
  for_each_alias_of_search_form(word.search, {{word.romanized, dominant_script(word.exact)}}, add);
  // As in recognition, a match by search form beats one by name key: Литвы is Литва (Lithuania),
  // though it shares a key with Латвия and is spelt close to it.
  if (!naming.ids.empty()) return naming;
  naming.by_likeness = true;
  const char word_script = script_letter(word.script);
  for_each_row_under_keys(db_, schema::kMetaAliasWordPrefix,
                          {word.name_keys.primary, word.name_keys.alternate}, decode_alias_word_row,
                          [&](const AliasWordRow& row) {
                            AliasWord alias_word;
                            alias_word.forms.search = row.search;
                            alias_word.forms.romanized = row.romanized;
                            alias_word.forms.exact = row.exact;
                            // Recognition compares scripts, kept beside the forms.
                            alias_word.forms.script = dominant_script(row.exact);
                            // As in recognition: where the entity has a one-word alias in the
                            // word's own script, the word must be a form of that one (Кенни is no
                            // Kenya, whose Cyrillic name is Кения).
                            if (alias_word.forms.script != word.script &&
                                row.scripts.find(word_script) != std::string_view::npos) {
                              return;
                            }
                            if (spelt_alike(word, alias_word)) add(row.id, row.romanized);
                          });
  return naming;
}

bool IndexGazetteer::is_given_name(std::string_view romanized, const std::vector<std::string>& keys,
                                   bool spelt_exactly) {
  if (romanized.empty() || !alias_tables_current()) return false;
  bool given_name = false;
  for_each_row_under_keys(
      db_, schema::kMetaGivenNamePrefix, keys, decode_given_name_row, [&](const GivenNameRow& row) {
        given_name = given_name || (spelt_exactly ? romanized == row.romanized
                                                  : same_script_variant(romanized, row.romanized));
      });
  return given_name;
}

std::vector<IndexGazetteer::AliasSpelling> IndexGazetteer::one_word_aliases() {
  std::vector<AliasSpelling> aliases;
  if (!alias_tables_current()) return aliases;
  const std::string prefix(schema::kMetaAliasWordPrefix);
  for (auto key = db_.metadata_keys_begin(prefix); key != db_.metadata_keys_end(prefix); ++key) {
    for_each_line(db_.get_metadata(*key), [&](std::string_view line) {
      if (const auto row = decode_alias_word_row(line)) {
        aliases.push_back(
            {std::string(row->id), std::string(row->romanized), std::string(row->exact)});
      }
    });
  }
  return aliases;
}

std::optional<std::vector<std::string>> IndexGazetteer::quick_resolve(
    const std::string& name, std::optional<EntityType> type) {
  const std::string key = Gazetteer::lookup_key(name, *analyzer_);
  std::optional<std::vector<std::string>> ids = ids_by_lookup_key(key);
  if (!ids) return std::nullopt;
  const auto wanted = [&](const std::string& id) {
    const EntityLabel* entity = label(id);
    return entity != nullptr && (!type || entity->type == *type);
  };
  if (const std::string id(trim(name)); wanted(id)) return std::vector<std::string>{id};
  std::erase_if(*ids, [&](const std::string& id) { return !wanted(id); });
  return named_by_display_name(std::move(*ids), key, [&](const std::string& id) {
    return Gazetteer::lookup_key(label(id)->name, *analyzer_);
  });
}

const Gazetteer& IndexGazetteer::get() {
  if (!gazetteer_) {
    // A search never needs the gazetteer's text, whose reading is a fifth of the cost of get().
    gazetteer_ = Gazetteer::from_analysed(
        db_.get_metadata(std::string(schema::kMetaGazetteerAnalysed)),
        schema::analysed_gazetteer_stamp(db_.get_metadata(std::string(schema::kMetaGazetteerHash)),
                                         analyzer_->fingerprint()),
        "");
    // An index written before the analysed gazetteer was stored, or by another chain.
    if (!gazetteer_) {
      gazetteer_ = Gazetteer::parse(db_.get_metadata(std::string(schema::kMetaGazetteer)),
                                    "the gazetteer stored in the index", *analyzer_);
    }
  }
  return *gazetteer_;
}

const EntityRecognizer& IndexGazetteer::recognizer() {
  if (!recognizer_) recognizer_.emplace(get());
  return *recognizer_;
}

std::vector<AnalyzedWord> IndexGazetteer::query_words(const std::vector<std::string>& typed,
                                                      const std::vector<bool>& name_like) {
  std::vector<AnalyzedWord> words;
  for (std::size_t i = 0; i < typed.size(); ++i) {
    const Token token{0, typed[i].size(), typed[i]};
    words.push_back({token, analyzer_->analyze_word(typed[i]), false, name_like[i], false});
  }
  return words;
}

std::vector<std::string> IndexGazetteer::ids_of(const std::set<std::size_t>& entities) {
  std::vector<std::string> ids;
  for (const std::size_t entity : entities) ids.push_back(get().entities()[entity].id);
  return ids;
}

std::vector<std::string> IndexGazetteer::ids_named_by(const std::vector<std::string>& typed,
                                                      const std::vector<bool>& name_like) {
  return ids_of(recognizer().entities_named_by(query_words(typed, name_like)));
}

std::vector<std::string> IndexGazetteer::ids_named_with_qualifiers(
    const std::vector<std::string>& typed, const std::vector<bool>& name_like) {
  return ids_of(
      entities_named_with_qualifiers(recognizer(), *analyzer_, query_words(typed, name_like)));
}

std::vector<std::string> IndexGazetteer::ids_short_formed_by(const std::vector<std::string>& typed,
                                                             const std::vector<bool>& name_like) {
  return ids_of(recognizer().organisations_short_formed_by(query_words(typed, name_like)));
}

std::vector<std::size_t> IndexGazetteer::entities_named_by_name(std::string_view name,
                                                                std::optional<EntityType> type) {
  // A name given on purpose is a name however it is written: "person:лукашенкові".
  const auto as_names = [&](std::string_view text) {
    std::vector<AnalyzedWord> words = analyze_words(*analyzer_, text);
    for (AnalyzedWord& word : words) {
      word.name_like = true;
      word.starts_sentence = false;
    }
    return words;
  };
  const std::vector<AnalyzedWord> words = as_names(name);
  std::set<std::size_t> named = recognizer().entities_named_by(words);
  // A case form the recogniser does not tag alone (Varšavo) names what its base form names, as
  // in free text: a base form spelt as an alias, not one merely like it (Orlandia, Irlandia).
  if (named.empty() && words.size() == 1) {
    for (const std::string& base : base_forms_naming_entities(*this, words.front().forms)) {
      named.merge(recognizer().entities_named_by(as_names(with_capital(base))));
    }
  }
  // "Labour Party UK", "CIA Central Intelligence Agency": a name with what tells it apart.
  if (named.empty()) named = entities_named_with_qualifiers(recognizer(), *analyzer_, words);
  std::vector<std::size_t> found;
  for (const std::size_t entity : named) {
    if (!type || get().entities()[entity].type == *type) found.push_back(entity);
  }
  return found;
}

Xapian::Query ranked_by_mentions_if_filters_only(const Xapian::Query& query) {
  // The query fields the schema declares boolean (id:, lang:, source:) filter without weight.
  const auto is_boolean_field_term = [](const std::string& term) {
    return std::ranges::any_of(schema::kPrefixes, [&](const schema::Prefix& prefix) {
      return prefix.kind == schema::TermKind::boolean && term.starts_with(prefix.prefix);
    });
  };
  std::vector<std::string> entities;
  for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term) {
    const std::string& text = *term;
    if (text.starts_with(schema::kEntity.prefix)) {
      entities.push_back(text);
    } else if (!is_boolean_field_term(text)) {
      return query;
    }
  }
  if (entities.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(Xapian::Query::OP_OR, entities.begin(), entities.end()));
}

Xapian::Query EntityFieldProcessor::operator()(const std::string& name) {
  try {
    return resolve(name);
  } catch (const Error& e) {
    if (!*problem_) *problem_ = e.what();
    return Xapian::Query::MatchNothing;
  }
}

Xapian::Query EntityFieldProcessor::resolve(const std::string& name) {
  // The common case, one entity, needs no parsed gazetteer; errors are worded from the whole one.
  if (const auto ids = gazetteer_->quick_resolve(name, type_); ids && ids->size() == 1) {
    return Xapian::Query(std::string(schema::kEntity.prefix) + ids->front());
  }
  const Gazetteer& gazetteer = gazetteer_->get();
  if (gazetteer.empty()) {
    throw QueryError("the index has no entities, so " + field_ +
                     ": cannot filter; index the corpus with a gazetteer (corpus/entities.tsv, "
                     "see corpus/README.md)");
  }
  std::vector<std::size_t> found = gazetteer.resolve(name, type_, gazetteer_->analyzer());
  // Else any form the recogniser would tag in an article: Лукашенкові, Ціханоўскай, Єврокомісії.
  if (found.empty()) found = gazetteer_->entities_named_by_name(name, type_);
  if (found.empty()) {
    const auto closest = gazetteer.closest(name, type_, gazetteer_->analyzer(), kSuggestions);
    throw QueryError("no " + (type_ ? std::string(type_name(*type_)) : std::string("entity")) +
                     " called '" + name + "' in the gazetteer; closest: " +
                     described(gazetteer, closest) + "; `naviny entities` lists them all");
  }
  if (found.size() > 1) {
    throw QueryError(field_ + ":" + name + " could be " + described(gazetteer, found) +
                     "; write the full name in quotes, e.g. " + field_ + ":\"" +
                     gazetteer.entities()[found.front()].name + "\", or the id");
  }
  return Xapian::Query(std::string(schema::kEntity.prefix) +
                       gazetteer.entities()[found.front()].id);
}

EntityFacetSpy::EntityFacetSpy(bool remote) : remote_(remote), lists_(schema::kEntitiesSlot.slot) {}

Xapian::MatchSpy* EntityFacetSpy::spy() {
  if (remote_) return &lists_;
  return &ids_;
}

void EntityFacetSpy::IdCounter::operator()(const Xapian::Document& document, double) {
  const std::string ids = document.get_value(schema::kEntitiesSlot.slot);
  for_each_line(ids, [&](std::string_view id) {
    if (const auto found = counts.find(id); found != counts.end()) {
      ++found->second;
    } else {
      counts.emplace(std::string(id), 1);
    }
  });
}

std::map<std::string, std::size_t> EntityFacetSpy::counts() const {
  if (!remote_) return {ids_.counts.begin(), ids_.counts.end()};
  std::map<std::string, std::size_t> counts;
  for (auto value = lists_.values_begin(); value != lists_.values_end(); ++value) {
    const std::string ids = *value;
    const Xapian::doccount articles = value.get_termfreq();
    for_each_line(ids, [&](std::string_view id) { counts[std::string(id)] += articles; });
  }
  return counts;
}

}  // namespace naviny
