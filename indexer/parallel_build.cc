#include "indexer/parallel_build.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

#include "common/errors.h"
#include "common/hash.h"
#include "common/index_access.h"
#include "common/schema.h"
#include "common/shards.h"
#include "indexer/article.h"
#include "indexer/near_duplicates.h"

namespace naviny {
namespace {

namespace fs = std::filesystem;

// A part commits after at most this many articles, fewer than a single writer's batch: Xapian
// holds a batch's postings in ordered maps that grow slower to update as they grow, and a part
// needs no whole batches to survive a kill (parallel_build.h). With its spelling counts held
// over batches (ArticleWriter::write_as_part), 300 took 8–13 % less CPU than 1,000 on 20,000
// generated articles (bench/README.md).
constexpr std::size_t kPartBatchArticles = 300;

// An article stored in a part, as the near-duplicate groups need it.
struct StoredArticle {
  std::size_t shard;
  Xapian::docid docid;  // in the part's database of that shard
  std::string id;
  std::optional<std::uint64_t> simhash;
};

// What one part did, replayed to the caller's observer once every part is done, in part order
// (corpus order), so that output does not depend on how the threads interleaved.
class PartRecord : public IndexObserver {
 public:
  void skipped(const std::string& id, const std::string& reason) override {
    events_.push_back({true, id, reason});
    ++skip_count;
  }
  void warned(const std::string& id, const std::string& warning) override {
    events_.push_back({false, id, warning});
  }
  void replay(IndexObserver& observer) const {
    for (const Event& event : events_) {
      if (event.skip) {
        observer.skipped(event.id, event.text);
      } else {
        observer.warned(event.id, event.text);
      }
    }
  }

  std::vector<StoredArticle> stored;
  std::size_t skip_count = 0;
  std::exception_ptr failure;

 private:
  struct Event {
    bool skip;
    std::string id;
    std::string text;
  };
  std::vector<Event> events_;
};

// Progress over all parts, reported from whichever thread finished an article.
class SharedProgress {
 public:
  SharedProgress(IndexObserver& observer, std::size_t total) : observer_(observer), total_(total) {}
  void advance() {
    const std::lock_guard lock(mutex_);
    observer_.progress(++done_, total_);
  }

 private:
  std::mutex mutex_;
  IndexObserver& observer_;
  std::size_t done_ = 0;
  std::size_t total_;
};

// The databases of one part, one per shard, and the writers (with their own analysis chain:
// ICU's objects are for one thread) that fill them.
class Part {
 public:
  Part(const std::vector<fs::path>& databases, const PartsBuild& build, PartRecord& record)
      : record_(record) {
    const auto analyzer = std::make_shared<Analyzer>();
    for (const fs::path& path : databases) {
      writers_.push_back(std::make_unique<ArticleWriter>(
          Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OVERWRITE), analyzer,
          std::min(build.batch_size, kPartBatchArticles), record, build.settings));
      writers_.back()->write_as_part();
    }
  }

  // Builds the article with its shard's writer, stores it, and records it for the groups.
  void store(const std::string& id,
             const std::function<BuiltArticle(ArticleWriter&)>& build_article) {
    const std::size_t shard = shard_of(id, writers_.size());
    ArticleWriter& writer = *writers_[shard];
    BuiltArticle built = build_article(writer);
    const auto simhash = parse_hash_value(built.document.get_value(schema::kSimhashSlot.slot));
    const Xapian::docid docid = writer.write(id_term(id), std::move(built));
    record_.stored.push_back({shard, docid, id, simhash});
  }

  // Only the first part's databases carry the settings and alias table: compaction keeps the
  // first source's value of each metadata key.
  void finish(bool with_settings) {
    for (auto& writer : writers_) {
      if (with_settings) {
        writer->finish();
      } else {
        writer->commit();
      }
    }
  }

 private:
  PartRecord& record_;
  std::vector<std::unique_ptr<ArticleWriter>> writers_;
};

void build_corpus_part(const std::vector<CorpusFile>& files, std::size_t begin, std::size_t end,
                       const std::vector<fs::path>& databases, const PartsBuild& build, bool first,
                       PartRecord& record, SharedProgress& progress) {
  try {
    Part part(databases, build, record);
    for (std::size_t i = begin; i < end; ++i) {
      const CorpusFile& file = files[i];
      try {
        const std::string bytes = read_article_file(file.path);
        const std::string hash = to_hex(fnv1a64(bytes));
        part.store(file.id, [&](ArticleWriter& writer) {
          return writer.build(file.id, bytes, hash, ArticleOrigin::corpus);
        });
      } catch (const BadInputError& e) {
        record.skipped(file.id, e.what());
      }
      progress.advance();
    }
    part.finish(first);
  } catch (...) {
    record.failure = std::current_exception();
  }
}

// Articles that `naviny add` put into the old index, as CorpusSync::carry_over_added takes them.
void build_carried_over_part(const Xapian::Database& old_index,
                             const std::vector<CorpusFile>& files,
                             const std::vector<fs::path>& databases, const PartsBuild& build,
                             PartRecord& record) {
  std::unordered_set<std::string> present;
  for (const CorpusFile& file : files) present.insert(id_term(file.id));
  Part part(databases, build, record);
  for_each_added_article(
      old_index,
      [&](Article article, const std::string& hash) {
        if (present.contains(id_term(article.id))) return;
        const std::string id = article.id;
        part.store(id, [&](ArticleWriter& writer) {
          return writer.build(std::move(article), hash, ArticleOrigin::added);
        });
      },
      [&](const std::string& what, const std::string& reason) { record.skipped(what, reason); });
  part.finish(false);
}

// Contiguous ranges of files of about equal bytes, one per part: contiguous, so that the
// merged index numbers its documents in corpus order as a single writer does.
std::vector<std::size_t> part_boundaries(const std::vector<CorpusFile>& files, std::size_t parts) {
  std::vector<std::uintmax_t> sizes;
  std::uintmax_t total = 0;
  for (const CorpusFile& file : files) {
    std::error_code error;
    const std::uintmax_t size = fs::file_size(file.path, error);
    sizes.push_back(error ? 0 : size);
    total += sizes.back();
  }
  std::vector<std::size_t> boundaries{0};
  std::uintmax_t seen = 0;
  for (std::size_t i = 0; i < files.size() && boundaries.size() < parts; ++i) {
    seen += sizes[i];
    if (seen * parts >= total * boundaries.size()) boundaries.push_back(i + 1);
  }
  while (boundaries.size() <= parts) boundaries.push_back(files.size());
  return boundaries;
}

// Gives each article the group a single writer would have: the writer looks among the articles
// stored before it in its shard, which here are those of earlier parts and earlier in its own.
// Then sets the group of every article that is a copy of another in its part's database.
void assign_duplicate_groups(const std::vector<PartRecord>& records,
                             const std::vector<std::vector<fs::path>>& databases,
                             std::size_t shards) {
  std::vector<DuplicateGroups> groups(shards);
  std::vector<Xapian::docid> stored_so_far(shards, 0);
  for (std::size_t part = 0; part < records.size(); ++part) {
    std::vector<std::vector<std::pair<Xapian::docid, std::string>>> copies(shards);
    for (const StoredArticle& article : records[part].stored) {
      std::string group = article.simhash
                              ? groups[article.shard].group_of(*article.simhash, 0, article.id)
                              : article.id;
      if (group != article.id) copies[article.shard].emplace_back(article.docid, group);
      groups[article.shard].stored(++stored_so_far[article.shard], article.simhash,
                                   std::move(group));
    }
    for (std::size_t shard = 0; shard < shards; ++shard) {
      if (copies[shard].empty()) continue;
      Xapian::WritableDatabase db(databases[part][shard].string(), Xapian::DB_OPEN);
      for (const auto& [docid, group] : copies[shard]) {
        Xapian::Document document = db.get_document(docid);
        document.add_value(schema::kDuplicateGroupSlot.slot, group);
        db.replace_document(docid, document);
      }
      db.commit();
    }
  }
}

// Removes the parts folder when the build ends, also when it throws.
class PartsFolder {
 public:
  explicit PartsFolder(fs::path path) : path_(std::move(path)) {
    fs::remove_all(path_);  // left over from a killed build: the caller holds the index's lock
    fs::create_directories(path_);
  }
  ~PartsFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  PartsFolder(const PartsFolder&) = delete;
  PartsFolder& operator=(const PartsFolder&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

IndexSummary build_in_parts(const PartsBuild& build, const std::vector<CorpusFile>& files,
                            const std::vector<std::pair<std::string, std::string>>& scan_problems,
                            const Xapian::Database* carry_over_from, IndexObserver& observer) {
  const PartsFolder parts_folder(build.parts);
  const std::size_t shards = std::max<std::size_t>(build.shards, 1);
  const std::size_t jobs =
      std::clamp<std::size_t>(build.jobs, 1, std::max<std::size_t>(files.size(), 1));
  const std::size_t parts = jobs + (carry_over_from ? 1 : 0);
  std::vector<std::vector<fs::path>> databases(parts);
  for (std::size_t part = 0; part < parts; ++part) {
    for (std::size_t shard = 0; shard < shards; ++shard) {
      databases[part].push_back(parts_folder.path() /
                                (std::to_string(part) + "-" + std::to_string(shard)));
    }
  }

  std::vector<PartRecord> records(parts);
  {
    SharedProgress progress(observer, files.size());
    const std::vector<std::size_t> boundaries = part_boundaries(files, jobs);
    std::vector<std::jthread> threads;
    for (std::size_t part = 0; part < jobs; ++part) {
      threads.emplace_back([&, part] {
        build_corpus_part(files, boundaries[part], boundaries[part + 1], databases[part], build,
                          part == 0, records[part], progress);
      });
    }
  }
  for (const PartRecord& record : records) {
    if (record.failure) std::rethrow_exception(record.failure);
  }
  if (carry_over_from) {
    build_carried_over_part(*carry_over_from, files, databases.back(), build, records.back());
  }
  assign_duplicate_groups(records, databases, shards);

  IndexSummary summary;
  for (const auto& [id, reason] : scan_problems) observer.skipped(id, reason);
  summary.skipped = scan_problems.size();
  for (const PartRecord& record : records) {
    record.replay(observer);
    summary.added += record.stored.size();
    summary.skipped += record.skip_count;
  }

  if (shards > 1) fs::create_directory(build.target);
  const std::vector<fs::path> targets = shard_paths(build.target, shards);
  for (std::size_t shard = 0; shard < shards; ++shard) {
    Xapian::Database sources;
    for (std::size_t part = 0; part < parts; ++part) {
      sources.add_database(Xapian::Database(databases[part][shard].string()));
    }
    sources.compact(targets[shard].string(), Xapian::Compactor::FULL | Xapian::DBCOMPACT_MULTIPASS);
    Xapian::WritableDatabase merged(targets[shard].string(), Xapian::DB_OPEN);
    // As claim_part: a database of one part of a split corpus says which; shards of a --shards
    // folder are known by their place in it.
    if (build.part) merged.set_metadata(std::string(schema::kMetaShardPart), build.part->text());
    merged.set_metadata(std::string(schema::kMetaCompacted), utc_timestamp());
    merged.commit();
    summary.total_articles += merged.get_doccount();
  }
  if (shards > 1) write_file_durably(build.target / kShardStubName, shard_stub_text(shards));
  return summary;
}

}  // namespace naviny
