#include "indexer/article_writer.h"

#include "common/hash.h"
#include "common/index_access.h"
#include "common/schema.h"
#include "indexer/alias_table.h"
#include "indexer/bundled_gazetteer.h"

namespace naviny {
namespace {

// Distinct words whose spelling counts a part's writer holds before it writes them out: about
// 80 bytes each in memory.
constexpr std::size_t kPartSpellingWords = 500'000;

bool has_term(const Xapian::Document& document, const std::string& term) {
  Xapian::TermIterator found = document.termlist_begin();
  found.skip_to(term);
  return found != document.termlist_end() && *found == term;
}

ArticleOrigin origin_of(const Xapian::Document& document) {
  return has_term(document, added_origin_term()) ? ArticleOrigin::added : ArticleOrigin::corpus;
}

CorpusSettings stored_settings(const Xapian::Database& db) {
  return {db.get_metadata(std::string(schema::kMetaGazetteer)),
          db.get_metadata(std::string(schema::kMetaBoilerplate)),
          db.get_metadata(std::string(schema::kMetaRecognizer)),
          db.get_metadata(std::string(schema::kMetaTitleRules))};
}

// The settings `naviny add` tags with: those stored in the index, or for an index it is about to
// create, the bundled gazetteer, as `naviny index` would use for a corpus without one.
CorpusSettings settings_to_add_with(const Xapian::Database& db) {
  if (db.get_metadata(std::string(schema::kMetaSchemaVersion)).empty()) {
    return {std::string(bundled_gazetteer()), std::string(bundled_boilerplate())};
  }
  return stored_settings(db);
}

}  // namespace

ArticleWriter::ArticleWriter(Xapian::WritableDatabase db, std::shared_ptr<Analyzer> analyzer,
                             std::size_t batch_size, IndexObserver& observer,
                             const std::optional<CorpusSettings>& settings)
    : observer_(observer),
      batch_size_(batch_size == 0 ? 1 : batch_size),
      analyzer_(std::move(analyzer)),
      db_(std::move(db)),
      settings_(settings ? *settings : settings_to_add_with(db_)),
      gazetteer_(Gazetteer::parse(settings_.gazetteer, "the entity gazetteer", *analyzer_)),
      recognizer_(gazetteer_),
      boilerplate_(BoilerplateFilter::parse(settings_.boilerplate, "the boilerplate rules")),
      settings_changed_(db_.get_doccount() > 0 && stored_settings(db_) != settings_) {}

ArticleWriter::Outcome ArticleWriter::put(const std::string& id, const std::string& bytes,
                                          ArticleOrigin origin) {
  const std::string term = id_term(id);
  const std::string hash = to_hex(fnv1a64(bytes));
  const std::optional<bool> known = needs_indexing(term, hash, origin);
  if (!known) return Outcome::unchanged;
  write(term, build(id, bytes, hash, origin));
  return *known ? Outcome::updated : Outcome::added;
}

std::optional<bool> ArticleWriter::needs_indexing(const std::string& term, const std::string& hash,
                                                  ArticleOrigin origin) {
  const Xapian::PostingIterator existing = db_.postlist_begin(term);
  const bool known = existing != db_.postlist_end(term);
  if (known) {
    const Xapian::Document document = db_.get_document(*existing);
    if (!settings_changed_ && document.get_value(schema::kContentHashSlot.slot) == hash &&
        origin_of(document) == origin) {
      return std::nullopt;
    }
  }
  return known;
}

BuiltArticle ArticleWriter::build(Article article, const std::string& hash, ArticleOrigin origin) {
  boilerplate_.clean(article);
  BuiltArticle built;
  built.id = article.id;
  built.warnings = std::move(article.warnings);
  built.document =
      build_document(article, *analyzer_, hash, origin, gazetteer_.empty() ? nullptr : &recognizer_,
                     &built.spelling_words, &alias_memo_);
  return built;
}

Xapian::docid ArticleWriter::write(const std::string& term, BuiltArticle built) {
  for (const std::string& warning : built.warnings) observer_.warned(built.id, warning);
  // Xapian's spelling table feeds "did you mean"; romanized forms let a query in one script
  // be corrected towards the spelling the corpus uses in another. Counted here and written
  // with the batch's commit: one add_spelling per occurrence cost ~15 % of indexing time.
  for (std::string& word : built.spelling_words) ++spelling_counts_[std::move(word)];
  Xapian::Document& document = built.document;
  const auto simhash = parse_hash_value(document.get_value(schema::kSimhashSlot.slot));
  std::string group = built.id;
  if (as_part_) {
    // Stays the article's own id unless parallel_build.cc finds it a copy of another.
  } else if (simhash && groups_) {
    const Xapian::PostingIterator own = db_.postlist_begin(term);
    group = groups_->group_of(*simhash, own == db_.postlist_end(term) ? 0 : *own, built.id);
  } else if (simhash) {
    group = duplicate_group(db_, *simhash, term, built.id);
  }
  document.add_value(schema::kDuplicateGroupSlot.slot, group);
  const Xapian::docid docid = db_.replace_document(term, document);
  if (groups_) groups_->stored(docid, simhash, std::move(group));
  count_change();
  return docid;
}

bool ArticleWriter::remove(const std::string& term) {
  const Xapian::PostingIterator existing = db_.postlist_begin(term);
  if (existing == db_.postlist_end(term)) return false;
  if (groups_) groups_->removed(*existing);
  db_.delete_document(term);
  count_change();
  return true;
}

void ArticleWriter::write_spellings() {
  for (const auto& [word, count] : spelling_counts_) db_.add_spelling(word, count);
  spelling_counts_.clear();
}

void ArticleWriter::commit_batch() {
  if (!as_part_ || spelling_counts_.size() >= kPartSpellingWords) write_spellings();
  stamp_index(db_, analyzer_->fingerprint(), pending_ > 0);
  db_.commit();
  pending_ = 0;
}

void ArticleWriter::commit() {
  write_spellings();
  commit_batch();
}

void ArticleWriter::finish() {
  db_.set_metadata(std::string(schema::kMetaGazetteer), settings_.gazetteer);
  db_.set_metadata(std::string(schema::kMetaBoilerplate), settings_.boilerplate);
  db_.set_metadata(std::string(schema::kMetaRecognizer), settings_.recognizer);
  db_.set_metadata(std::string(schema::kMetaTitleRules), settings_.title_rules);
  const std::string gazetteer_hash = to_hex(fnv1a64(settings_.gazetteer));
  db_.set_metadata(std::string(schema::kMetaGazetteerHash), gazetteer_hash);
  store_alias_table(db_, gazetteer_, gazetteer_hash, analyzer_->fingerprint());
  commit();
}

IndexWriter::IndexWriter(const std::filesystem::path& db, std::size_t shard_count,
                         std::size_t batch_size, IndexObserver& observer,
                         const std::optional<CorpusSettings>& settings) {
  const auto analyzer = std::make_shared<Analyzer>();
  for (Xapian::WritableDatabase& shard :
       open_shards_for_writing(db, shard_count, analyzer->fingerprint())) {
    shards_.push_back(std::make_unique<ArticleWriter>(std::move(shard), analyzer, batch_size,
                                                      observer, settings));
  }
}

}  // namespace naviny
