#include "common/alias_rows.h"

#include <vector>

#include "common/text.h"

namespace naviny {
namespace {

std::string joined(std::initializer_list<std::string_view> fields) {
  std::string line;
  for (const std::string_view field : fields) {
    if (!line.empty()) line += '\t';
    line += field;
  }
  return line;
}

}  // namespace

std::string encode_row(const AliasRow& row) {
  return row.exact.empty() ? std::string(row.id) : joined({row.id, row.romanized, row.exact});
}

std::string encode_row(const AliasWordRow& row) {
  return joined({row.id, row.search, row.romanized, row.exact, row.scripts});
}

std::string encode_row(const GivenNameRow& row) {
  return joined({row.id, row.romanized});
}

std::optional<AliasRow> decode_alias_row(std::string_view line) {
  const std::vector<std::string_view> fields = split(line, '\t');
  if (fields.size() == 1) return AliasRow{fields[0], {}, {}};
  if (fields.size() == 3) return AliasRow{fields[0], fields[1], fields[2]};
  return std::nullopt;
}

std::optional<AliasWordRow> decode_alias_word_row(std::string_view line) {
  const std::vector<std::string_view> fields = split(line, '\t');
  if (fields.size() == 4) return AliasWordRow{fields[0], fields[1], fields[2], fields[3], {}};
  if (fields.size() == 5)
    return AliasWordRow{fields[0], fields[1], fields[2], fields[3], fields[4]};
  return std::nullopt;
}

std::optional<GivenNameRow> decode_given_name_row(std::string_view line) {
  const std::vector<std::string_view> fields = split(line, '\t');
  if (fields.size() != 2) return std::nullopt;
  return GivenNameRow{fields[0], fields[1]};
}

}  // namespace naviny
