#pragma once

// The search page's files (server/page/), embedded by cmake/embed_file.cmake.

#include <string_view>

namespace naviny {

std::string_view page_html();
std::string_view page_css();
std::string_view page_js();

}  // namespace naviny
