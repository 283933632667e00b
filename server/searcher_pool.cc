#include "server/searcher_pool.h"

namespace naviny::server {

SearcherPool::SearcherPool(std::vector<std::filesystem::path> dbs, MissingShards missing)
    : dbs_(std::move(dbs)), missing_(missing) {
  idle_.push_back(std::make_unique<Searcher>(dbs_, missing_));
}

SearcherPool::Lease SearcherPool::borrow() {
  {
    const std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Searcher> searcher = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(searcher));
    }
  }
  // Outside the lock: opening an index takes a while, and other requests need not wait for it.
  return Lease(*this, std::make_unique<Searcher>(dbs_, missing_));
}

void SearcherPool::give_back(std::unique_ptr<Searcher> searcher) {
  if (!searcher) return;
  const std::lock_guard lock(mutex_);
  idle_.push_back(std::move(searcher));
}

}  // namespace naviny::server
