#include "indexer/document_builder.h"

#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "common/hash.h"
#include "common/schema.h"

namespace naviny {
namespace {

// Xapian refuses terms longer than 245 bytes; very long ids are hashed instead.
constexpr std::size_t kMaxIdTermBytes = 240;

std::string prefixed(const schema::Prefix& prefix, const std::string& value) {
  return std::string(prefix.prefix) + value;
}

std::string fold_ascii(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// Indexes the words of `text` starting at `position`; title words also go under the title
// prefix and count kTitleWeight times in the body-and-title terms.
void index_words(Xapian::Document& document, Analyzer& analyzer, const std::string& text,
                 Xapian::termpos position, bool is_title) {
  const Xapian::termcount weight = is_title ? kTitleWeight : 1;
  analyzer.analyze_text(text, [&](const Token&, const WordForms& forms) {
    document.add_posting(prefixed(schema::kBody, forms.search), position, weight);
    document.add_posting(prefixed(schema::kExact, forms.exact), position);
    if (is_title) document.add_posting(prefixed(schema::kTitle, forms.search), position);
    if (forms.capitalized) {
      if (!forms.key.empty()) document.add_posting(prefixed(schema::kNameKey, forms.key), position);
      if (!forms.alt_key.empty()) {
        document.add_posting(prefixed(schema::kNameKey, forms.alt_key), position);
      }
    }
    ++position;
  });
}

std::string document_data(const Article& article) {
  nlohmann::json data{{"id", article.id}, {"title", article.title}, {"body", article.body}};
  if (!article.date.empty()) data["date"] = article.date;
  if (!article.source.empty()) data["source"] = article.source;
  if (!article.url.empty()) data["url"] = article.url;
  if (!article.lang.empty()) data["lang"] = article.lang;
  return data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string string_field(const nlohmann::json& data, const char* key) {
  const auto found = data.find(key);
  return found != data.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace

Article article_from_document_data(const std::string& data) {
  const nlohmann::json json = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("id") || !json.contains("title") ||
      !json.contains("body")) {
    throw BadInputError("its stored text is not in the form this naviny reads");
  }
  Article article;
  article.id = string_field(json, "id");
  article.title = string_field(json, "title");
  article.body = string_field(json, "body");
  article.date = string_field(json, "date");
  article.source = string_field(json, "source");
  article.url = string_field(json, "url");
  article.lang = string_field(json, "lang");
  return article;
}

std::string id_term(const std::string& article_id) {
  if (schema::kId.prefix.size() + article_id.size() <= kMaxIdTermBytes) {
    return prefixed(schema::kId, article_id);
  }
  return prefixed(schema::kId, "#" + to_hex(fnv1a64(article_id)));
}

std::string added_origin_term() {
  return std::string(schema::kOrigin.prefix) + std::string(schema::kOriginAdded);
}

Xapian::Document build_document(const Article& article, Analyzer& analyzer,
                                const std::string& content_hash, ArticleOrigin origin) {
  Xapian::Document document;
  index_words(document, analyzer, article.title, 1, true);
  index_words(document, analyzer, article.body, schema::kBodyFirstPosition, false);
  document.add_boolean_term(id_term(article.id));
  if (origin == ArticleOrigin::added) document.add_boolean_term(added_origin_term());
  if (!article.lang.empty())
    document.add_boolean_term(prefixed(schema::kLang, fold_ascii(article.lang)));
  if (!article.source.empty()) {
    document.add_boolean_term(prefixed(schema::kSource, fold_ascii(article.source)));
  }
  if (!article.date.empty()) {
    std::string yyyymmdd = article.date;
    std::erase(yyyymmdd, '-');
    document.add_value(schema::kDateSlot.slot, yyyymmdd);
  }
  document.add_value(schema::kContentHashSlot.slot, content_hash);
  document.set_data(document_data(article));
  return document;
}

}  // namespace naviny
