// libFuzzer target: the article parser on arbitrary file contents. BadInputError (an empty,
// binary or non-UTF-8 file) is an expected outcome; whatever is accepted must be whole UTF-8.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/errors.h"
#include "common/utf8.h"
#include "indexer/article.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    const naviny::Article article = naviny::parse_article(bytes, "fuzz.txt");
    // The input was checked to be UTF-8, so every field cut from it must be too.
    for (const std::string* field : {&article.title, &article.body, &article.date, &article.source,
                                     &article.url, &article.lang}) {
      if (naviny::first_invalid_utf8(*field)) __builtin_trap();
    }
  } catch (const naviny::BadInputError&) {
    // Reported to the user and skipped.
  }
  return 0;
}
