#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/gazetteer.h"
#include "analyzers/script.h"
#include "common/hash.h"

namespace naviny {

// Indexes by string key, built once and then only looked up. Every search process builds these
// for a gazetteer of tens of thousands of aliases before its first look-up, so they hold no
// allocation per key: the keys one after another in one string, and the entries in flat arrays
// ordered by the keys' hashes, which a look-up finds by binary search.
class KeyIndex {
 public:
  void add(std::string_view key, std::size_t value);
  // After the last add, before the first find.
  void sort();
  // The values added under `key`, in the order they were added.
  std::span<const std::size_t> find(std::string_view key) const;

 private:
  struct Entry {
    std::size_t hash;
    std::size_t key_begin;  // in keys_
    std::size_t key_size;
    std::size_t value;
  };
  std::string_view key_of(const Entry& entry) const {
    return std::string_view(keys_).substr(entry.key_begin, entry.key_size);
  }
  std::string keys_;
  std::vector<Entry> entries_;       // once sorted, by hash, then key, then order of adding
  std::vector<std::size_t> values_;  // of entries_, once sorted, for find() to return
};

// Remembers, per word as written and whether it is written as a name, which of an index's aliases
// it may begin: those whose first word it matches, the test every fit of an alias starts with and
// which depends on nothing else. A word written as a name is looked up by its search form, its
// name keys and its first three romanised letters, and meets dozens of aliases that way, most of
// which it does not match; words repeat within an article and across articles, so indexing keeps
// one memo for a whole run (without it, matching candidates was a quarter of indexing time).
// Recognition finds the same mentions with or without one. Not thread-safe: one per thread.
class AliasCandidateMemo {
 public:
  // How many indexes of aliases a word may be looked up in (EntityRecognizer has three).
  static constexpr std::size_t kIndexes = 3;

  // What the memo knows of one word: per index, its candidates, once asked for.
  class Word {
   public:
    // The values `index` (number `index_number`) holds under the keys `keys_of()` returns (in the
    // order of the keys, repeats kept) whose alias the word may begin by `begins`, found once.
    template <typename KeysOf, typename Begins>
    const std::vector<std::size_t>& candidates(std::size_t index_number, const KeyIndex& index,
                                               KeysOf keys_of, Begins begins) {
      std::optional<std::vector<std::size_t>>& known = candidates_[index_number];
      if (!known) {
        std::vector<std::size_t> beginning;
        for (const std::string& key : keys_of()) {
          for (const std::size_t value : index.find(key)) {
            if (begins(value)) beginning.push_back(value);
          }
        }
        known = std::move(beginning);
      }
      return *known;
    }

   private:
    std::array<std::optional<std::vector<std::size_t>>, kIndexes> candidates_;
  };

  // The memo's entry for `word`: one look-up per word of a text, however many indexes it is
  // looked up in. Valid until the next forget_if_full().
  Word& word(const AnalyzedWord& word) {
    StringMap<Word>& words = words_[word.name_like ? 1 : 0];
    if (const auto found = words.find(word.token.word); found != words.end()) return found->second;
    return words.emplace(word.token.word, Word()).first->second;
  }
  // Vocabulary grows with the corpus: past kMaxWords words the memo starts afresh. Called before
  // a text's words are looked up, so that no entry is dropped while in use.
  void forget_if_full() {
    if (words_[0].size() + words_[1].size() >= kMaxWords) {
      for (StringMap<Word>& words : words_) words.clear();
    }
  }

 private:
  static constexpr std::size_t kMaxWords = 500'000;
  std::array<StringMap<Word>, 2> words_;  // by name_like
};

// Mentions per entity (index into Gazetteer::entities()) in one article.
using EntityMentions = std::map<std::size_t, std::size_t>;

// Where one mention was found, for showing why an article was tagged (`naviny analyze
// --entities`).
struct RecognizedMention {
  std::size_t text = 0;        // index into the texts given to recognize()
  std::size_t first_word = 0;  // index into that text's words
  std::size_t words = 0;
  // Null for a name left unresolved: a short form of several entities, or of one with no full
  // mention in the article, or a full alias that several entities share.
  std::optional<std::size_t> entity;
};

// Finds the gazetteer's entities in the words of one article (title and body, in any order).
// At each word the longest alias that matches wins. A short form counts only when the article
// also has a full alias of exactly one of the entities it may name; otherwise it is left
// unresolved rather than guessed (Biden alone, with both Joe and Hunter Biden in the gazetteer).
// Failing that, an organisation's short form counts where the place the article names most is
// the home of exactly one of the organisations it may name (Сенат beside США: the US Senate).
// A short form beside initials ("В. Путин", "Симоньян М. С.", "J. Biden") is a full mention of
// the one person whose given name begins with the first initial. A given name alone ("Hunter",
// "Мелания") names the one person so called whose surname the article also writes, anywhere.
class EntityRecognizer {
 public:
  // Bump whenever a change to the rules changes which mentions they find, or what the indexer
  // stores of them: the next `naviny index` then re-tags every article. 9: entity terms carry the
  // positions of their mentions' words (searches still read an index tagged before, whose
  // snippets cannot mark a mention). 10: a multi-word alias whose later word is a name matches
  // its first word in lower case, and lower-case words begin lower-case aliases in any case form.
  // 11: a one-letter variant keeps its syllables, and a consonant ending follows an alias's final
  // vowels only as an ending of a vowel-final name (same_script_variant). 12: the entities the
  // title mentions have a term of their own (schema::kTitleEntity), for title:NAME. 13: a short
  // form no entity's full mention confirms names the one organisation whose home place the
  // article names (home_places.h); 14: the place the article names most. 15: a name of several
  // words runs over the end of a sentence only where its alias writes a period (AliasWord). 16: a
  // name yields to a longer or full one that begins inside it and runs past it (the House of
  // Lords is no "the House").
  static constexpr int kVersion = 16;

  explicit EntityRecognizer(const Gazetteer& gazetteer);

  // Appends each mention, resolved or not, to `trace` if one is given. `memo`, if given, saves
  // work across calls; it must be used with this recognizer only.
  EntityMentions recognize(const std::vector<const std::vector<AnalyzedWord>*>& texts,
                           std::vector<RecognizedMention>* trace = nullptr,
                           AliasCandidateMemo* memo = nullptr) const;
  const Gazetteer& gazetteer() const { return gazetteer_; }

  // The entities that `words` name when they stand alone, as a query word or phrase does: by the
  // aliases that fit all of them best, under the rules that tag them in an article. A query has no
  // article around it to confirm a short form (Biden) or to supply the full name a surname written
  // alone stands for, so a short form names each of its entities, and a single word that fits no
  // alias names the people whose surname it is a form of (Jinping, of Xi Jinping). The words must
  // be marked name_like where they are written as names.
  std::set<std::size_t> entities_named_by(const std::vector<AnalyzedWord>& words) const;
  // The organisations whose short form `words` are when they name none in full (Kongres, Сенат,
  // Izba Reprezentantów): a reader who types the generic word in free text may mean any of them.
  // entities_named_by() leaves them out, as a filter must.
  std::set<std::size_t> organisations_short_formed_by(const std::vector<AnalyzedWord>& words) const;

 private:
  // One-word aliases made of one part of people's full aliases (the first word: given names; the
  // last: surnames), for finding a part written alone.
  class NameParts {
   public:
    // `memo_index` numbers these parts among the indexes an AliasCandidateMemo knows.
    NameParts(std::size_t entities, std::size_t memo_index)
        : by_entity_(entities), scripts_(entities), memo_index_(memo_index) {}
    void add(std::size_t entity, const AliasWord& part);
    void finish() { by_key_.sort(); }  // after the last add
    // The people one of whose parts words[i] is; `known`: the memo's entry for words[i].
    std::set<std::size_t> people_at(const std::vector<AnalyzedWord>& words, std::size_t i,
                                    AliasCandidateMemo::Word& known) const;
    // Whether one of the entity's parts begins with this romanised letter.
    bool any_begins_with(std::size_t entity, char letter) const;

   private:
    std::vector<Alias> parts_;
    KeyIndex by_key_;
    std::vector<std::vector<std::size_t>> by_entity_;  // indexes into parts_
    // Per entity, the scripts its parts are written in: a word must be a form of the part written
    // in its own script, if there is one, as for one-word aliases.
    std::vector<std::set<Script>> scripts_;
    std::size_t memo_index_;
  };

  // Alias indexes by the search form and name keys of their first word.
  KeyIndex by_first_word_;
  // Per entity, the scripts its one-word aliases are written in.
  std::vector<std::set<Script>> one_word_alias_scripts_;
  NameParts given_name_parts_;
  NameParts surname_parts_;
  // Per organisation with a short form, the places its full aliases name (home_places.h); found
  // on first need, since most searches never ask (7 ms of the recogniser's start).
  const std::vector<std::size_t>& home_places(std::size_t entity) const;
  // The places an article mentions most, in full (ties: all of them): where a generic short form
  // of several countries' organisations (Government, Сенат) belongs. Any place it names would do
  // only if the gazetteer listed the short form for every country's organisation.
  std::set<std::size_t> most_mentioned_places(const EntityMentions& full) const;
  mutable std::once_flag home_places_found_;
  mutable std::vector<std::vector<std::size_t>> home_places_;
  const Gazetteer& gazetteer_;

  using WordPosition = std::pair<std::size_t, std::size_t>;  // text, word
  // Per text, per word, the memo's entry for the word.
  using TextMemo = std::vector<std::vector<AliasCandidateMemo::Word*>>;
  // Where the article writes people's surnames, by person.
  std::multimap<std::size_t, WordPosition> surnames_in(
      const std::vector<const std::vector<AnalyzedWord>*>& texts, const TextMemo& known) const;
  std::optional<std::size_t> named_by_initials(const std::vector<AnalyzedWord>& words,
                                               std::size_t first, std::size_t length,
                                               const std::set<std::size_t>& entities) const;
};

// A mention as `naviny analyze --entities` shows it, for checking a gazetteer edit or finding out
// why an article was tagged.
struct TextMention {
  std::string words;             // as the text writes them
  std::optional<Entity> entity;  // null: a name left unresolved
  std::size_t begin = 0;         // byte offsets of `words` in the text
  std::size_t end = 0;
};

// The mentions in `text`, taken as one article body, of the entities of the gazetteer.
std::vector<TextMention> entities_in_text(std::string_view text, const Gazetteer& gazetteer,
                                          Analyzer& analyzer);

}  // namespace naviny
