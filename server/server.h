#pragma once

// `naviny serve`: a read-only HTTP server over an index, with a JSON API (server/api.h) and a
// search page (server/page/), on cpp-httplib (Debian's libcpp-httplib-dev).

#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "searcher/searcher.h"

namespace naviny::server {

struct ListenAddress {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: a free port the kernel picks
};

// "HOST:PORT", "[IPV6]:PORT" or ":PORT" (loopback). Throws UsageError for anything else.
ListenAddress parse_listen_address(const std::string& text);

// For an address other people can reach: a warning that the archive is readable by anyone who
// can reach the port (naviny has no log-in). nullopt for a loopback address.
std::optional<std::string> exposure_warning(const ListenAddress& address);

struct ServerOptions {
  std::vector<std::filesystem::path> dbs;
  MissingShards missing = MissingShards::fail;
  ListenAddress listen;
  std::size_t threads = 8;
  // A client that stalls for this long in the middle of a request, or does not read the
  // answer, is dropped, so that it cannot hold a worker thread (cpp-httplib gives each
  // connection a thread while it lasts).
  std::chrono::seconds read_timeout{5};
  std::chrono::seconds write_timeout{10};
  // How long a connection may wait for its next request (keep-alive) or its first: short, since
  // an idle browser connection holds a worker too.
  std::chrono::seconds idle_timeout{2};
};

class Server {
 public:
  // Opens the index (throws as the Searcher constructor does) and binds the address (throws
  // UsageError if it cannot: in use, or not an address of this machine).
  explicit Server(const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The port bound, also when ListenAddress::port was 0.
  int port() const { return port_; }
  // "http://127.0.0.1:8080/"
  std::string url() const;

  // Answers requests until stop() is called (from another thread).
  void run();
  // Stops run() once the requests being answered are done; safe to call from any thread, also
  // before run() starts.
  void stop();

 private:
  struct Routes;
  std::unique_ptr<Routes> routes_;
  std::string host_;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> running_{false};
};

// SIGTERM and SIGINT, blocked from construction to destruction in the constructing thread and
// in every thread started from it meanwhile, so that no thread but serve_until_received's takes
// them (a thread that did not block them would, and where the shell set SIGINT to be ignored,
// as for a command started with &, would drop it). Construct before anything starts a thread.
class TerminationSignals {
 public:
  TerminationSignals();
  ~TerminationSignals();
  TerminationSignals(const TerminationSignals&) = delete;
  TerminationSignals& operator=(const TerminationSignals&) = delete;

  // Runs `server` until the process gets SIGTERM or SIGINT, then stops it and returns.
  void serve_until_received(Server& server);

 private:
  sigset_t signals_;
  sigset_t previous_;
};

}  // namespace naviny::server
