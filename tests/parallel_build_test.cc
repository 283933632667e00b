// A full build in parallel parts (`naviny index --jobs N` of a new index, or `--rebuild`) holds,
// article by article, what one writer indexing the corpus in order holds: the same terms,
// positions, values (near-duplicate groups among them) and stored data, the same spelling counts
// and metadata, and searches return the same results.

#include <gtest/gtest.h>
#include <xapian.h>

#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "common/schema.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

namespace fs = std::filesystem;

// The seed corpus, the mini fixtures, generated articles, and copies of one agency text at the
// start, the middle and the end of the corpus, so that the copies fall into different parts.
void write_corpus(const fs::path& corpus) {
  testing::copy_folder(testing::seed_corpus(), corpus);
  testing::copy_folder(testing::mini_corpus(), corpus / "mini");
  testing::write_generated_corpus(corpus / "generated", 60);
  testing::write_file(corpus / "a-wire.txt",
                      std::string("Potash exports stop\n\n") + testing::kAgencyText);
  testing::write_file(corpus / "generated/000030-site.txt",
                      std::string("Belaruskali halts Klaipeda exports\n\nBy our correspondent.\n") +
                          testing::kAgencyText + "\nShare this article.");
  testing::write_file(corpus / "zz-reprint.txt", std::string("Klaipeda route closed\n\n") +
                                                     testing::kAgencyText + "\nReprinted.");
}

std::map<std::string, Xapian::doccount> spellings(const fs::path& db) {
  std::map<std::string, Xapian::doccount> words;
  const Xapian::Database database(db.string());
  for (auto word = database.spellings_begin(); word != database.spellings_end(); ++word) {
    words[*word] = word.get_termfreq();
  }
  return words;
}

// Every metadata key but the time of the last update and of compaction (a parallel build ends
// compacted, a single writer does not).
std::map<std::string, std::string> metadata(const fs::path& db) {
  std::map<std::string, std::string> entries;
  const Xapian::Database database(db.string());
  for (auto key = database.metadata_keys_begin(); key != database.metadata_keys_end(); ++key) {
    if (*key == schema::kMetaLastUpdate || *key == schema::kMetaCompacted) continue;
    entries[*key] = database.get_metadata(*key);
  }
  return entries;
}

const std::vector<std::vector<std::string>> kQueries = {
    {"potash"},
    {"Minsk"},
    {"Klaipeda exports"},
    {"\"potash producer\""},
    {"sanctions"},
    {"Лукашенко"},
    {"Belaruskali"},
    {"potash", "--exact"},
    {"potash", "--sort", "date"},
};

struct BuildCase {
  const char* name;
  std::vector<std::string> layout;  // extra arguments of every run
  std::string jobs;                 // of the parallel build
  bool rebuild_with_added;          // `naviny add` an article, then --rebuild
};

const BuildCase kCases[] = {
    {"new index, two parts", {}, "2", false},
    {"new index, five parts", {}, "5", false},
    // Parts hold spelling counts over batches: none may be lost or counted twice.
    {"two parts in batches of seven", {"--batch-size", "7"}, "2", false},
    {"three shards from three parts", {"--shards", "3"}, "3", false},
    {"rebuild keeps an added article", {}, "2", true},
    {"rebuild into two shards", {"--shards", "2"}, "2", true},
    {"shard one of two from two parts", {"--shard", "1/2"}, "2", false},
};

void PrintTo(const BuildCase& build_case, std::ostream* out) {
  *out << build_case.name;
}

class ParallelBuild : public ::testing::TestWithParam<BuildCase> {
 protected:
  // Indexes the corpus into `db` with `jobs` threads, as the case says.
  void build(const fs::path& db, const std::string& jobs) {
    const BuildCase& build_case = GetParam();
    std::vector<std::string> arguments{"index", "--db", db.string()};
    arguments.insert(arguments.end(), build_case.layout.begin(), build_case.layout.end());
    if (build_case.rebuild_with_added) {
      std::vector<std::string> first = arguments;
      first.insert(first.end(), {"--jobs", "1", corpus().string()});
      const testing::CliResult indexed = testing::run_cli(first);
      ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
      const testing::CliResult added = testing::run_cli(
          {"add", "--db", db.string(), "--id", "added-copy.txt", "-"},
          std::string("Wire copy\n\n") + testing::kAgencyText + "\nAdded by hand.");
      ASSERT_EQ(added.exit_code, 0) << added.err;
      arguments.push_back("--rebuild");
    }
    arguments.insert(arguments.end(), {"--jobs", jobs, corpus().string()});
    const testing::CliResult result = testing::run_cli(arguments);
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  fs::path corpus() const { return dir_ / "corpus"; }
  testing::TempDir dir_;
};

TEST_P(ParallelBuild, HoldsWhatASingleWriterWrites) {
  write_corpus(corpus());
  const fs::path single = dir_ / "single";
  const fs::path parallel = dir_ / "parallel";
  build(single, "1");
  build(parallel, GetParam().jobs);

  const testing::IndexSnapshot expected = testing::index_snapshot(single);
  const testing::IndexSnapshot built = testing::index_snapshot(parallel);
  ASSERT_EQ(built.size(), expected.size());
  for (const auto& [id, contents] : expected) {
    const auto found = built.find(id);
    ASSERT_NE(found, built.end()) << id << " is missing";
    EXPECT_EQ(found->second, contents) << id;
  }
  EXPECT_EQ(spellings(parallel), spellings(single));
  EXPECT_EQ(metadata(parallel), metadata(single));
  for (const std::vector<std::string>& query : kQueries) {
    const std::vector<std::string> extra(query.begin() + 1, query.end());
    EXPECT_EQ(testing::search_ids(parallel, query[0], extra),
              testing::search_ids(single, query[0], extra))
        << query[0];
  }
  // The copies of the agency text are one group, whichever part each was written by (groups
  // are found within a shard, so in a sharded index only copies in one shard are).
  if (GetParam().layout.empty()) {
    EXPECT_EQ(testing::search_ids(parallel, "Klaipeda").size(), 1u);
  }
  EXPECT_FALSE(fs::exists(fs::path(parallel.string() + ".parts"))) << "left its parts behind";
  EXPECT_FALSE(fs::exists(fs::path(parallel.string() + ".rebuild")));
}

std::string case_name(const ::testing::TestParamInfo<BuildCase>& param) {
  std::string name;
  for (const char c : std::string(param.param.name)) {
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Layouts, ParallelBuild, ::testing::ValuesIn(kCases), case_name);

}  // namespace
}  // namespace naviny
