// naviny_gen_corpus: writes a deterministic synthetic news corpus for benchmarks.
//
// Words are drawn from real text read at run time (the seed articles, and if given the SlavicNER
// and Vaswani collections under eval-data), ranked by frequency and sampled with Zipf's law over
// that ranking, per language. Articles mention gazetteer entities in the script of the article
// (sometimes in another one) under their varied aliases, so `naviny index` tags them and
// cross-script queries have something to find. The same seed and sources give the same bytes.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <numbers>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

namespace fs = std::filesystem;

// splitmix64: tiny, fast and fully specified, so output does not depend on the standard
// library's distributions (whose algorithms differ between implementations).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(uniform() * double(n)); }
  std::size_t between(std::size_t low, std::size_t high) { return low + below(high - low + 1); }
  bool chance(double p) { return uniform() < p; }
  double normal() {  // Box-Muller
    const double u = 1.0 - uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * uniform());
  }

 private:
  std::uint64_t state_;
};

// Samples index r (0-based rank) with probability proportional to 1 / (r + 1)^exponent.
class ZipfSampler {
 public:
  ZipfSampler(std::size_t size, double exponent) : cumulative_(size) {
    double total = 0;
    for (std::size_t r = 0; r < size; ++r) {
      total += 1.0 / std::pow(double(r + 1), exponent);
      cumulative_[r] = total;
    }
  }
  std::size_t sample(Random& random) const {
    const double target = random.uniform() * cumulative_.back();
    return static_cast<std::size_t>(
        std::upper_bound(cumulative_.begin(), cumulative_.end(), target) - cumulative_.begin());
  }
  bool empty() const { return cumulative_.empty(); }

 private:
  std::vector<double> cumulative_;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Files below `root` whose name ends in `suffix`, sorted, so the order (and the output) does not
// depend on the order the file system lists them in.
std::vector<fs::path> files_below(const fs::path& root, std::string_view suffix) {
  std::vector<fs::path> files;
  std::error_code error;
  if (!fs::is_directory(root, error)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(root, error)) {
    if (entry.is_regular_file() && entry.path().string().ends_with(suffix)) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool is_punctuation_byte(unsigned char c) {
  return c < 0x80 && !std::isalnum(c);
}

// Strips ASCII punctuation and the common typographic quotes and dashes around a word.
std::string_view trimmed_word(std::string_view word) {
  static constexpr std::array<std::string_view, 8> kMarks{"«", "»", "„", "“", "”", "—", "–", "’"};
  for (bool changed = true; changed && !word.empty();) {
    changed = false;
    while (!word.empty() && is_punctuation_byte(static_cast<unsigned char>(word.front()))) {
      word.remove_prefix(1);
      changed = true;
    }
    while (!word.empty() && is_punctuation_byte(static_cast<unsigned char>(word.back()))) {
      word.remove_suffix(1);
      changed = true;
    }
    for (const std::string_view mark : kMarks) {
      if (word.starts_with(mark)) word.remove_prefix(mark.size()), changed = true;
      if (word.ends_with(mark)) word.remove_suffix(mark.size()), changed = true;
    }
  }
  return word;
}

bool has_letter(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || std::isalpha(byte);
  });
}

bool has_cyrillic(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0xD0 || byte == 0xD1) return true;  // lead bytes of U+0400..U+047F
  }
  return false;
}

// A language's vocabulary: distinct words, most frequent first, sampled by Zipf's law.
struct Vocabulary {
  std::vector<std::string> words;
  std::optional<ZipfSampler> sampler;  // set by finish()

  void add_text(std::string_view text, std::unordered_map<std::string, std::size_t>& counts,
                std::size_t weight = 1) {
    std::size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
      const std::size_t start = i;
      while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
      const std::string_view word = trimmed_word(text.substr(start, i - start));
      if (!word.empty() && word.size() < 40 && has_letter(word)) {
        counts[std::string(word)] += weight;
      }
    }
  }

  void finish(std::unordered_map<std::string, std::size_t>& counts) {
    std::vector<std::pair<std::string, std::size_t>> ranked(counts.begin(), counts.end());
    // Ties broken by the word, so the ranking does not depend on hash order.
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    for (auto& entry : ranked) words.push_back(std::move(entry.first));
    // Exponent 1 is the classic Zipf's law for natural-language word frequencies.
    sampler.emplace(words.size(), 1.0);
  }

  const std::string& sample(Random& random) const { return words[sampler->sample(random)]; }
};

struct Language {
  std::string code;
  bool cyrillic;
  double share;  // of all articles
  Vocabulary vocabulary;
};

struct GazetteerEntity {
  int type;  // 0 person, 1 org, 2 place
  std::vector<std::string> latin_aliases;
  std::vector<std::string> cyrillic_aliases;
};

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

std::vector<GazetteerEntity> read_gazetteer(const std::string& tsv) {
  std::vector<GazetteerEntity> entities;
  std::istringstream lines(tsv);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> columns = split(line, '\t');
    if (columns.size() < 4) continue;
    GazetteerEntity entity;
    entity.type = columns[1] == "person" ? 0 : columns[1] == "org" ? 1 : 2;
    for (std::string& alias : split(columns[3], '|')) {
      if (alias.empty()) continue;
      (has_cyrillic(alias) ? entity.cyrillic_aliases : entity.latin_aliases)
          .push_back(std::move(alias));
    }
    if (!entity.latin_aliases.empty() || !entity.cyrillic_aliases.empty()) {
      entities.push_back(std::move(entity));
    }
  }
  return entities;
}

// Upper-cases the first letter of `word` when it is ASCII or basic Cyrillic (а-я, ѐ-џ).
std::string capitalized(const std::string& word) {
  std::string out = word;
  if (out.empty()) return out;
  const auto first = static_cast<unsigned char>(out[0]);
  if (first >= 'a' && first <= 'z') {
    out[0] = static_cast<char>(first - 'a' + 'A');
  } else if (out.size() >= 2) {
    const auto second = static_cast<unsigned char>(out[1]);
    const unsigned code = ((first & 0x1Fu) << 6) | (second & 0x3Fu);
    unsigned upper = code;
    if (first >= 0xD0 && first <= 0xD1 && code >= 0x430 && code <= 0x44F) upper = code - 0x20;
    if (first >= 0xD0 && first <= 0xD1 && code >= 0x450 && code <= 0x45F) upper = code - 0x50;
    if (upper != code) {
      out[0] = static_cast<char>(0xC0 | (upper >> 6));
      out[1] = static_cast<char>(0x80 | (upper & 0x3F));
    }
  }
  return out;
}

class CorpusGenerator {
 public:
  CorpusGenerator(std::vector<Language> languages, std::vector<GazetteerEntity> entities,
                  std::uint64_t seed)
      : languages_(std::move(languages)), entities_(std::move(entities)), random_(seed) {
    for (int type = 0; type < 3; ++type) {
      for (std::size_t i = 0; i < entities_.size(); ++i) {
        if (entities_[i].type == type) by_type_[type].push_back(i);
      }
      // Popularity in gazetteer order: the main figures are listed first.
      type_sampler_[type] = std::make_unique<ZipfSampler>(by_type_[type].size(), 1.0);
    }
  }

  // The text of article `number`.
  std::string article(std::size_t number) {
    const Language& language = pick_language();
    std::vector<std::size_t> topics;
    const std::size_t topic_count = random_.between(1, 6);
    for (std::size_t i = 0; i < topic_count; ++i) {
      if (const auto entity = pick_entity()) topics.push_back(*entity);
    }
    // Lengths are log-normal around 600 words, kept within 300-1,500 as news articles are.
    const double length = 600.0 * std::exp(0.45 * random_.normal());
    const std::size_t words = std::clamp<std::size_t>(std::size_t(length), 300, 1500);

    std::string title = capitalized(language.vocabulary.sample(random_));
    const std::size_t title_words = random_.between(4, 10);
    for (std::size_t i = 1; i < title_words; ++i) {
      title += ' ';
      title += !topics.empty() && random_.chance(0.12)
                   ? alias(topics[random_.below(topics.size())], language.cyrillic)
                   : language.vocabulary.sample(random_);
    }

    std::string text;
    text.reserve(words * 8 + 256);
    if (random_.chance(0.8)) {
      text += "---\ntitle: " + title + "\n";
      if (random_.chance(0.95)) text += "date: " + date() + "\n";
      text += "lang: " + language.code + "\nsource: Generated Wire " + std::to_string(number % 17) +
              "\n---\n";
    } else {
      text += title + "\n\n";
    }
    std::size_t written = 0;
    std::size_t sentences_in_paragraph = 0;
    const std::size_t paragraph_length = random_.between(3, 6);
    while (written < words) {
      const std::size_t sentence = random_.between(8, 24);
      for (std::size_t i = 0; i < sentence && written < words; ++i, ++written) {
        const bool mention = !topics.empty() && random_.chance(0.025);
        std::string word = mention ? alias(topics[random_.below(topics.size())], language.cyrillic)
                                   : language.vocabulary.sample(random_);
        if (i == 0) {
          text += capitalized(word);
        } else {
          text += ' ';
          text += word;
          if (i + 1 < sentence && random_.chance(0.06)) text += ',';
        }
      }
      text += '.';
      if (++sentences_in_paragraph == paragraph_length) {
        text += "\n\n";
        sentences_in_paragraph = 0;
      } else {
        text += ' ';
      }
    }
    text += '\n';
    return text;
  }

 private:
  const Language& pick_language() {
    double target = random_.uniform();
    for (const Language& language : languages_) {
      if ((target -= language.share) < 0) return language;
    }
    return languages_.front();
  }

  std::optional<std::size_t> pick_entity() {
    // People are what news is mostly about, then places, then organisations.
    const double roll = random_.uniform();
    const int type = roll < 0.5 ? 0 : roll < 0.85 ? 2 : 1;
    if (by_type_[type].empty()) return std::nullopt;
    return by_type_[type][type_sampler_[type]->sample(random_)];
  }

  // One of the entity's aliases, mostly in the article's script. The first alias (the canonical
  // spelling) is the most common, as in real press.
  const std::string& alias(std::size_t entity_index, bool cyrillic_article) {
    const GazetteerEntity& entity = entities_[entity_index];
    const bool use_cyrillic = random_.chance(0.9) == cyrillic_article;
    const std::vector<std::string>* aliases =
        use_cyrillic ? &entity.cyrillic_aliases : &entity.latin_aliases;
    if (aliases->empty()) aliases = use_cyrillic ? &entity.latin_aliases : &entity.cyrillic_aliases;
    if (random_.chance(0.5)) return aliases->front();
    return (*aliases)[random_.below(aliases->size())];
  }

  std::string date() {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04zu-%02zu-%02zu", random_.between(2014, 2024),
                  random_.between(1, 12), random_.between(1, 28));
    return buffer;
  }

  std::vector<Language> languages_;
  std::vector<GazetteerEntity> entities_;
  Random random_;
  std::array<std::vector<std::size_t>, 3> by_type_;
  std::array<std::unique_ptr<ZipfSampler>, 3> type_sampler_;
};

constexpr std::size_t kSeedWordWeight = 50;

// Reads the real text every language's vocabulary comes from.
std::vector<Language> read_languages(const fs::path& seed_corpus, const fs::path& eval_data) {
  // Shares of all articles: about a quarter Cyrillic, some Latin-script Slavic, the rest English.
  std::vector<Language> languages{{"en", false, 0.64, {}}, {"ru", true, 0.16, {}},
                                  {"uk", true, 0.05, {}},  {"bg", true, 0.03, {}},
                                  {"pl", false, 0.05, {}}, {"cs", false, 0.04, {}},
                                  {"sl", false, 0.03, {}}};
  for (Language& language : languages) {
    std::unordered_map<std::string, std::size_t> counts;
    if (language.code == "en") {
      for (const fs::path& file : files_below(seed_corpus, ".txt")) {
        // The seed articles are news about Belarus and Russia; Vaswani is physics abstracts. The
        // weight keeps news words (sanctions, regime, elections) among the frequent ones.
        language.vocabulary.add_text(read_file(file), counts, kSeedWordWeight);
      }
      const fs::path vaswani = eval_data / "vaswani" / "doc-text.trec";
      if (fs::is_regular_file(vaswani)) {
        std::string text = read_file(vaswani);
        for (const std::string_view tag : {"<DOC>", "</DOC>", "<DOCNO>", "</DOCNO>"}) {
          for (std::size_t at = text.find(tag); at != std::string::npos; at = text.find(tag, at)) {
            text.replace(at, tag.size(), std::string(tag.size(), ' '));
          }
        }
        language.vocabulary.add_text(text, counts);
      }
    } else {
      const fs::path raw = eval_data / "slavicner" / "raw";
      std::error_code error;
      if (fs::is_directory(raw, error)) {
        std::vector<fs::path> topics;
        for (const auto& entry : fs::directory_iterator(raw)) topics.push_back(entry.path());
        std::sort(topics.begin(), topics.end());
        for (const fs::path& topic : topics) {
          for (const fs::path& file : files_below(topic / language.code, ".txt")) {
            language.vocabulary.add_text(read_file(file), counts);
          }
        }
      }
    }
    language.vocabulary.finish(counts);
  }
  // Without the eval data only English (from the seed articles) has words: give it every share.
  std::erase_if(languages, [](const Language& l) { return l.vocabulary.words.empty(); });
  double total = 0;
  for (const Language& language : languages) total += language.share;
  for (Language& language : languages) language.share /= total;
  return languages;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Writes a deterministic synthetic news corpus (naviny's corpus format) for benchmarks"};
  std::size_t articles = 10'000;
  std::uint64_t seed = 1;
  fs::path out;
  fs::path seed_corpus = NAVINY_CORPUS_DIR;
  fs::path eval_data = NAVINY_EVAL_DATA_DIR;
  app.add_option("-n,--articles", articles, "number of articles")->check(CLI::Range(1, 10'000'000));
  app.add_option("--seed", seed, "random seed: the same seed writes the same bytes");
  app.add_option("-o,--out", out, "output folder (created; existing articles are overwritten)")
      ->required();
  app.add_option("--seed-corpus", seed_corpus,
                 "folder with the seed articles and entities.tsv (default: the repo's corpus/)");
  app.add_option("--eval-data", eval_data,
                 "eval-data folder with slavicner/ and vaswani/ (missing: English seed words "
                 "only)");
  CLI11_PARSE(app, argc, argv);

  try {
    const std::string gazetteer_tsv = read_file(seed_corpus / "entities.tsv");
    std::vector<Language> languages = read_languages(seed_corpus, eval_data);
    if (languages.empty()) {
      std::cerr << "naviny_gen_corpus: no source text found in " << seed_corpus << " or "
                << eval_data << "\n";
      return 1;
    }
    CorpusGenerator generator(std::move(languages), read_gazetteer(gazetteer_tsv), seed);
    fs::create_directories(out);
    std::ofstream(out / "entities.tsv", std::ios::binary) << gazetteer_tsv;
    // 1,000 files per folder keeps directories small at a million articles.
    for (std::size_t i = 0; i < articles; ++i) {
      char relative[64];
      std::snprintf(relative, sizeof relative, "%04zu/%07zu.txt", i / 1000, i);
      const fs::path path = out / relative;
      if (i % 1000 == 0) fs::create_directories(path.parent_path());
      const std::string text = generator.article(i);
      std::FILE* file = std::fopen(path.c_str(), "wb");
      if (file == nullptr || std::fwrite(text.data(), 1, text.size(), file) != text.size() ||
          std::fclose(file) != 0) {
        std::cerr << "naviny_gen_corpus: cannot write " << path << "\n";
        return 1;
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "naviny_gen_corpus: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
