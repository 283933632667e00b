#include "common/article_data.h"

#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "common/schema.h"

namespace naviny {
namespace {

std::string key(const schema::DataField& field) {
  return std::string(field.key);
}

std::string text(const nlohmann::json& data, const schema::DataField& field) {
  const auto found = data.find(field.key);
  return found != data.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace

std::string encode_article_data(const ArticleData& article) {
  nlohmann::json data{{key(schema::kIdField), article.id},
                      {key(schema::kTitleField), article.title},
                      {key(schema::kBodyField), article.body}};
  const auto add_if_known = [&](const schema::DataField& field, const std::string& value) {
    if (!value.empty()) data[key(field)] = value;
  };
  add_if_known(schema::kDateField, article.date);
  add_if_known(schema::kSourceField, article.source);
  add_if_known(schema::kUrlField, article.url);
  add_if_known(schema::kLangField, article.lang);
  if (!article.entities.empty()) {
    nlohmann::json entities = nlohmann::json::array();
    for (const ArticleData::Mentioned& entity : article.entities) {
      entities.push_back({{"id", entity.id}, {"mentions", entity.mentions}});
    }
    data[key(schema::kEntitiesField)] = std::move(entities);
  }
  return data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

ArticleData decode_article_data(std::string_view data) {
  const nlohmann::json json = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains(schema::kIdField.key) ||
      !json.contains(schema::kTitleField.key) || !json.contains(schema::kBodyField.key)) {
    throw BadInputError("its stored text is not in the form this naviny reads");
  }
  ArticleData article{.id = text(json, schema::kIdField),
                      .title = text(json, schema::kTitleField),
                      .date = text(json, schema::kDateField),
                      .source = text(json, schema::kSourceField),
                      .url = text(json, schema::kUrlField),
                      .lang = text(json, schema::kLangField),
                      .body = text(json, schema::kBodyField),
                      .entities = {}};
  if (const auto entities = json.find(schema::kEntitiesField.key);
      entities != json.end() && entities->is_array()) {
    for (const nlohmann::json& entity : *entities) {
      if (!entity.is_object()) continue;
      article.entities.push_back(
          {entity.value("id", std::string()), entity.value("mentions", std::size_t{0})});
    }
  }
  return article;
}

}  // namespace naviny
