#include "cli/index_observer.h"

#include <ostream>

namespace naviny::cli {

CliObserver::~CliObserver() {
  if (progress_shown_) err_ << "\r\x1b[K" << std::flush;
}

void CliObserver::skipped(const std::string& id, const std::string& reason) {
  clear_progress();
  err_ << "naviny: skipped " << id << ": " << reason << "\n";
}

void CliObserver::warned(const std::string& id, const std::string& warning) {
  clear_progress();
  err_ << "naviny: warning: " << id << ": " << warning << "\n";
}

void CliObserver::progress(std::size_t done, std::size_t total) {
  if (!show_progress_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_shown_ < std::chrono::milliseconds(200) && done != total) return;
  last_shown_ = now;
  const double seconds = std::chrono::duration<double>(now - started_).count();
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  const double left = rate > 0 ? static_cast<double>(total - done) / rate : 0;
  err_ << "\r\x1b[K" << done << "/" << total << " articles, " << static_cast<long>(rate) << "/s, "
       << static_cast<long>(left) << " s left" << std::flush;
  progress_shown_ = true;
}

void CliObserver::clear_progress() {
  if (progress_shown_) err_ << "\r\x1b[K";
}

}  // namespace naviny::cli
