#pragma once

// What the tests of `naviny serve` share: a small dated corpus with a hostile article, an
// in-process server on a free loopback port, and the real `naviny serve` as a child process.

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "server/server.h"

namespace naviny::testing {

// Five articles: three about Lukashenka (2020-01-15, 2021-06-24 and, in Russian, 2021-07-02),
// one undated about potash, and hostile.txt, whose title, body and url carry markup and script.
void write_serve_corpus(const std::filesystem::path& folder);

inline constexpr const char* kHostileTitle = "<script>alert('title')</script> Lukashenka news";
inline constexpr const char* kHostileMarkup =
    "<img src=x onerror=\"document.body.dataset.pwned='img'\">";

// Options to serve the index at `db`, the others left at their defaults.
server::ServerOptions serving(const std::filesystem::path& db);

// A naviny server on 127.0.0.1 and a port the kernel picks, answering from a thread of its own
// until destroyed.
class RunningServer {
 public:
  explicit RunningServer(server::ServerOptions options);
  explicit RunningServer(const std::filesystem::path& db);
  ~RunningServer();
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;
  int port() const { return server_->port(); }

 private:
  std::unique_ptr<server::Server> server_;
  std::thread thread_;
};

struct HttpAnswer {
  int status = 0;  // 0: no answer (connection failed)
  std::string body;
  std::string content_type;
  std::string content_security_policy;
};

// GET `target` (path and query, sent as given) from 127.0.0.1:port.
HttpAnswer http_get(int port, const std::string& target);

// `naviny serve` started as a child with these arguments (--listen HOST:0 among them), once it
// says where it listens. SIGKILLed by the destructor if still running.
class ServeProcess {
 public:
  ServeProcess(const std::vector<std::string>& arguments, const std::filesystem::path& output);
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;
  int port() const { return port_; }
  // Sends `signal` and returns the exit code (minus the signal if it killed the process).
  int stop(int signal);

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace naviny::testing
