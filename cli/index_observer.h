#pragma once

#include <chrono>
#include <iosfwd>
#include <string>

#include "indexer/indexer.h"

namespace naviny::cli {

// Reports skips and warnings on stderr as they happen, and progress when stderr is a terminal.
// Shared by `naviny index` and `naviny add`.
class CliObserver : public IndexObserver {
 public:
  CliObserver(std::ostream& err, bool show_progress) : err_(err), show_progress_(show_progress) {}
  ~CliObserver() override;
  CliObserver(const CliObserver&) = delete;
  CliObserver& operator=(const CliObserver&) = delete;

  void skipped(const std::string& id, const std::string& reason) override;
  void warned(const std::string& id, const std::string& warning) override;
  void progress(std::size_t done, std::size_t total) override;

 private:
  void clear_progress();

  std::ostream& err_;
  bool show_progress_;
  bool progress_shown_ = false;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_shown_{};
};

}  // namespace naviny::cli
