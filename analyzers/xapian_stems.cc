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
    const std::string& as_typed = typed(word);
    const WordForms& forms = analyzer_->analyze_word(as_typed);
    const std::string& term = form_ == WordForm::search ? forms.search : forms.exact;
    if (keys_) note_query_word((*keys_)[term], forms, as_typed);
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

template <typename Form>
void add_once(std::vector<Form>& known, const Form& form) {
  if (std::find(known.begin(), known.end(), form) == known.end()) known.push_back(form);
}

}  // namespace

void note_query_word(QueryWordNames& seen, const WordForms& forms, const std::string& typed) {
  for (const std::string* key : forms.name_keys.both()) {
    if (!key->empty()) add_once(seen.keys, *key);
  }
  if (!forms.romanized.empty()) {
    add_once(seen.spellings, {forms.romanized, dominant_script(forms.exact)});
  }
  add_once(seen.typed, typed);
}

Xapian::Stem make_query_stemmer(std::shared_ptr<Analyzer> analyzer, WordForm form,
                                std::shared_ptr<QueryWordKeys> keys,
                                std::shared_ptr<const TypedCapitals> capitals) {
  return Xapian::Stem(
      new ChainStem(std::move(analyzer), form, std::move(keys), std::move(capitals)));
}

}  // namespace naviny
