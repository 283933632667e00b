#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "searcher/searcher.h"

namespace naviny::server {

// Searchers for the server's worker threads: a Searcher is not thread-safe, so each request
// borrows one of its own and gives it back. There are never more than there were requests at
// once (the worker threads), and each keeps itself up to date with the index (Searcher reopens
// after commits and rebuilds).
class SearcherPool {
 public:
  // Opens one Searcher at once, so that a missing or incompatible index is reported before the
  // server starts (the errors of the Searcher constructor).
  SearcherPool(std::vector<std::filesystem::path> dbs, MissingShards missing);

  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher)
        : pool_(pool), searcher_(std::move(searcher)) {}
    ~Lease() { pool_.give_back(std::move(searcher_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Searcher& operator*() const { return *searcher_; }

   private:
    SearcherPool& pool_;
    std::unique_ptr<Searcher> searcher_;
  };

  // An idle Searcher, or a new one. Throws as the Searcher constructor does.
  Lease borrow();

 private:
  void give_back(std::unique_ptr<Searcher> searcher);

  std::vector<std::filesystem::path> dbs_;
  MissingShards missing_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Searcher>> idle_;
};

}  // namespace naviny::server
