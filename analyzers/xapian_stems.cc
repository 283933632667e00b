#include "analyzers/xapian_stems.h"

#include <algorithm>

namespace naviny {
namespace {

class ChainStem : public Xapian::StemImplementation {
 public:
  ChainStem(std::shared_ptr<Analyzer> analyzer, WordForm form, std::shared_ptr<QueryWordKeys> keys,
            std::shared_ptr<const TypedCapitals> capitals)
      : analyzer_(std::move(analyzer)),
        form_(form),
        keys_(std::move(keys)),
        capitals_(std::move(capitals)) {}

  std::string operator()(const std::string& word) override {
    const WordForms& forms = analyzer_->analyze_word(typed(word));
    const std::string& term = form_ == WordForm::search ? forms.search : forms.exact;
    if (keys_) {
      for (const std::string* key : {&forms.key, &forms.alt_key}) {
        if (key->empty()) continue;
        std::vector<std::string>& known = (*keys_)[term];
        if (std::find(known.begin(), known.end(), *key) == known.end()) known.push_back(*key);
      }
    }
    return term;
  }

  std::string get_description() const override {
    return std::string("naviny ") + (form_ == WordForm::search ? "search" : "exact") + " form";
  }

 private:
  const std::string& typed(const std::string& word) const {
    if (!capitals_) return word;
    const auto found = capitals_->find(word);
    return found == capitals_->end() ? word : found->second;
  }

  std::shared_ptr<Analyzer> analyzer_;
  WordForm form_;
  std::shared_ptr<QueryWordKeys> keys_;
  std::shared_ptr<const TypedCapitals> capitals_;
};

}  // namespace

Xapian::Stem make_query_stemmer(std::shared_ptr<Analyzer> analyzer, WordForm form,
                                std::shared_ptr<QueryWordKeys> keys,
                                std::shared_ptr<const TypedCapitals> capitals) {
  return Xapian::Stem(
      new ChainStem(std::move(analyzer), form, std::move(keys), std::move(capitals)));
}

}  // namespace naviny
