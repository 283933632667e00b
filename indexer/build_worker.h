#pragma once

// Indexing spends about a third of its time analysing articles and the rest in Xapian writing
// them, and Xapian's WritableDatabase is for one thread. So `naviny index` builds documents on a
// second thread while the first writes the ones already built: up to twice the throughput on
// two cores.

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <stop_token>
#include <thread>
#include <utility>

namespace naviny {

// Runs tasks on one worker thread, one at a time, in the order they were submitted. Each task's
// result, or the exception it threw, comes back through its future. Destroying the worker
// finishes the task running and drops those not started.
template <typename Result>
class BuildWorker {
 public:
  BuildWorker() : thread_([this](std::stop_token stop) { run(stop); }) {}
  BuildWorker(const BuildWorker&) = delete;
  BuildWorker& operator=(const BuildWorker&) = delete;

  template <typename Task>
  std::future<Result> submit(Task&& task) {
    std::packaged_task<Result()> packaged(std::forward<Task>(task));
    std::future<Result> result = packaged.get_future();
    {
      const std::lock_guard lock(mutex_);
      tasks_.push_back(std::move(packaged));
    }
    ready_.notify_one();
    return result;
  }

 private:
  void run(std::stop_token stop) {
    for (;;) {
      std::packaged_task<Result()> task;
      {
        std::unique_lock lock(mutex_);
        if (!ready_.wait(lock, stop, [this] { return !tasks_.empty(); }) || stop.stop_requested()) {
          return;
        }
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
    }
  }

  std::mutex mutex_;
  std::condition_variable_any ready_;
  std::deque<std::packaged_task<Result()>> tasks_;
  // Last: destroyed first, so the thread is stopped and joined before what it uses goes away.
  std::jthread thread_;
};

}  // namespace naviny
