// The output of `naviny analyze`: the forms of each word, and the mentions the recogniser tags.

#include <nlohmann/json.hpp>

#include "searcher/render.h"

namespace naviny {
namespace {

std::vector<std::string> name_keys_of(const WordForms& forms) {
  std::vector<std::string> keys;
  if (!forms.name_keys.primary.empty()) keys.push_back(forms.name_keys.primary);
  if (!forms.name_keys.alternate.empty()) keys.push_back(forms.name_keys.alternate);
  return keys;
}

}  // namespace

std::string render_text(const std::vector<AnalyzedWord>& words) {
  std::string out;
  for (const AnalyzedWord& word : words) {
    out += word.token.word + "\texact " + word.forms.exact + "\tsearch " + word.forms.search;
    const std::vector<std::string> keys = name_keys_of(word.forms);
    if (!keys.empty()) {
      out += "\tname keys";
      for (const std::string& key : keys) out += " " + key;
      if (!word.name_like) out += " (query only: not written as a name here)";
    }
    out += "\n";
  }
  return out;
}

std::string render_json(const std::vector<AnalyzedWord>& words) {
  nlohmann::json out = nlohmann::json::array();
  for (const AnalyzedWord& word : words) {
    out.push_back({{"word", word.token.word},
                   {"exact", word.forms.exact},
                   {"search", word.forms.search},
                   {"name_keys", name_keys_of(word.forms)},
                   {"name_like", word.name_like}});
  }
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_text(const std::vector<TextMention>& mentions) {
  std::string out;
  for (const TextMention& mention : mentions) {
    out += mention.words + "\t";
    out += mention.entity ? std::string(type_name(mention.entity->type)) + " " +
                                mention.entity->id + " (" + mention.entity->name + ")"
                          : std::string(
                                "unresolved: several entities, or a short form without a "
                                "full mention");
    out += "\n";
  }
  if (mentions.empty()) out += "no entities found\n";
  return out;
}

std::string render_json(const std::vector<TextMention>& mentions) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const TextMention& mention : mentions) {
    nlohmann::ordered_json shown{
        {"words", mention.words}, {"id", nullptr}, {"type", nullptr}, {"name", nullptr}};
    if (mention.entity) {
      shown["id"] = mention.entity->id;
      shown["type"] = type_name(mention.entity->type);
      shown["name"] = mention.entity->name;
    }
    out.push_back(std::move(shown));
  }
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace naviny
