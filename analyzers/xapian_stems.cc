#include "analyzers/xapian_stems.h"

namespace naviny {
namespace {

class ChainStem : public Xapian::StemImplementation {
 public:
  ChainStem(std::shared_ptr<Analyzer> analyzer, WordForm form)
      : analyzer_(std::move(analyzer)), form_(form) {}

  std::string operator()(const std::string& word) override {
    const WordForms& forms = analyzer_->analyze_word(word);
    return form_ == WordForm::search ? forms.search : forms.exact;
  }

  std::string get_description() const override {
    return std::string("naviny ") + (form_ == WordForm::search ? "search" : "exact") + " form";
  }

 private:
  std::shared_ptr<Analyzer> analyzer_;
  WordForm form_;
};

}  // namespace

Xapian::Stem make_query_stemmer(std::shared_ptr<Analyzer> analyzer, WordForm form) {
  return Xapian::Stem(new ChainStem(std::move(analyzer), form));
}

}  // namespace naviny
