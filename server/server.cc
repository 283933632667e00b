#include "server/server.h"

#include <httplib.h>
#include <pthread.h>
#include <sys/socket.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <thread>

#include "common/errors.h"
#include "server/api.h"
#include "server/page_assets.h"
#include "server/searcher_pool.h"

namespace naviny::server {
namespace {

// Data reaches the page only through the JSON API and is put into the page with textContent,
// never as markup; this policy is the second line: no script but the page's own file runs, and
// the page talks to no other site.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// cpp-httplib's default is 5, which makes a busy client reconnect every fifth request.
constexpr std::size_t kMaxRequestsPerConnection = 100;

// Requests are GETs; nothing should come with a body.
constexpr std::size_t kMaxPayloadBytes = 64 * 1024;

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

void answer_json(httplib::Response& response, const ApiResponse& answer) {
  response.status = answer.status;
  response.set_content(answer.json, "application/json; charset=utf-8");
}

}  // namespace

ListenAddress parse_listen_address(const std::string& text) {
  const auto bad = [&text](const std::string& why) {
    return UsageError("--listen " + text + ": " + why +
                      "; write HOST:PORT, e.g. 127.0.0.1:8080, [::1]:8080 or 0.0.0.0:8080");
  };
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos) throw bad("no port");
  ListenAddress address;
  address.host = text.substr(0, colon);
  if (address.host.empty()) address.host = "127.0.0.1";
  if (address.host.size() >= 2 && address.host.front() == '[' && address.host.back() == ']') {
    address.host = address.host.substr(1, address.host.size() - 2);
  } else if (address.host.find(':') != std::string::npos) {
    throw bad("an IPv6 address goes in brackets");
  }
  const std::string port = text.substr(colon + 1);
  int number = 0;
  const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), number);
  if (port.empty() || error != std::errc() || end != port.data() + port.size() || number < 0 ||
      number > 65535) {
    throw bad("the port must be a number from 0 to 65535");
  }
  address.port = number;
  return address;
}

std::optional<std::string> exposure_warning(const ListenAddress& address) {
  if (is_loopback(address.host)) return std::nullopt;
  return "listening on " + address.host + " (not only this machine): anyone who can reach port " +
         std::to_string(address.port) +
         " can read the whole archive, since naviny serve has no log-in; use 127.0.0.1 unless "
         "you mean that";
}

struct Server::Routes {
  explicit Routes(const ServerOptions& options) : pool(options.dbs, options.missing) {}
  SearcherPool pool;
  httplib::Server http;
};

Server::Server(const ServerOptions& options)
    : routes_(std::make_unique<Routes>(options)), host_(options.listen.host) {
  httplib::Server& http = routes_->http;
  SearcherPool& pool = routes_->pool;
  const std::size_t threads = options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_read_timeout(options.read_timeout);
  http.set_write_timeout(options.write_timeout);
  http.set_keep_alive_timeout(options.idle_timeout.count());
  http.set_keep_alive_max_count(kMaxRequestsPerConnection);
  http.set_payload_max_length(kMaxPayloadBytes);
  // cpp-httplib writes the headers and the body apart; with Nagle's algorithm the body then
  // waits for the client's delayed ACK, 40 ms on Linux, on every answer.
  http.set_tcp_nodelay(true);
  // cpp-httplib sets SO_REUSEPORT, which lets a second server bind the same port and take half
  // the requests; SO_REUSEADDR alone still lets a restarted server bind at once.
  http.set_socket_options([](int socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"Content-Security-Policy", kContentSecurityPolicy},
                            {"Referrer-Policy", "no-referrer"},
                            {"Cache-Control", "no-store"}});

  const auto api = [&pool](auto route) {
    return [&pool, route](const httplib::Request& request, httplib::Response& response) {
      const ApiResponse answer = [&] {
        try {
          auto searcher = pool.borrow();
          return route(*searcher, request);
        } catch (const Error& e) {  // opening a Searcher failed (a shard down, say)
          const int status = http_status(e.code());
          return ApiResponse{status, error_json(e.what(), status)};
        }
      }();
      answer_json(response, answer);
    };
  };
  http.Get("/api/search", api([](Searcher& searcher, const httplib::Request& request) {
             return api_search(searcher, request.params);
           }));
  http.Get(R"(/api/show/(.+))", api([](Searcher& searcher, const httplib::Request& request) {
             return api_show(searcher, request.matches[1]);
           }));
  http.Get(R"(/api/similar/(.+))", api([](Searcher& searcher, const httplib::Request& request) {
             return api_similar(searcher, request.matches[1], request.params);
           }));
  http.Get("/api/entities", api([](Searcher& searcher, const httplib::Request& request) {
             return api_entities(searcher, request.params);
           }));
  http.Get("/api/stats",
           api([](Searcher& searcher, const httplib::Request&) { return api_stats(searcher); }));
  http.Get("/api/timeline", api([](Searcher& searcher, const httplib::Request& request) {
             return api_timeline(searcher, request.params);
           }));

  const auto asset = [](std::string_view body, const char* type) {
    return [body, type](const httplib::Request&, httplib::Response& response) {
      response.set_content(body.data(), body.size(), type);
    };
  };
  // The page reads what to show from its URL: / with ?q=…, or /show/ID.
  http.Get("/", asset(page_html(), "text/html; charset=utf-8"));
  http.Get(R"(/show/(.+))", asset(page_html(), "text/html; charset=utf-8"));
  http.Get("/naviny.css", asset(page_css(), "text/css; charset=utf-8"));
  http.Get("/naviny.js", asset(page_js(), "text/javascript; charset=utf-8"));
  http.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    const std::string message =
        response.status == 404
            ? "nothing at " + request.path + "; the API is under /api/ (see README)"
            : "the request could not be answered (HTTP " + std::to_string(response.status) + ")";
    response.set_content(error_json(message, response.status), "application/json; charset=utf-8");
  });

  if (options.listen.port == 0) {
    port_ = http.bind_to_any_port(options.listen.host);
  } else {
    port_ = http.bind_to_port(options.listen.host, options.listen.port) ? options.listen.port : -1;
  }
  if (port_ <= 0) {
    throw UsageError("cannot listen on " + options.listen.host + ":" +
                     std::to_string(options.listen.port) + " (" + std::strerror(errno) +
                     "); pick another port with --listen, or stop what is using it");
  }
}

Server::~Server() {
  stop();
}

std::string Server::url() const {
  const std::string host = host_.find(':') != std::string::npos ? "[" + host_ + "]" : host_;
  return "http://" + host + ":" + std::to_string(port_) + "/";
}

void Server::run() {
  running_ = true;
  if (!stopping_) routes_->http.listen_after_bind();
  running_ = false;
}

void Server::stop() {
  stopping_ = true;
  // listen_after_bind() may not have started listening yet, and then ignores stop().
  while (running_) {
    routes_->http.stop();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

TerminationSignals::TerminationSignals() {
  sigemptyset(&signals_);
  sigaddset(&signals_, SIGTERM);
  sigaddset(&signals_, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals_, &previous_);
}

TerminationSignals::~TerminationSignals() {
  pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

void TerminationSignals::serve_until_received(Server& server) {
  std::atomic<bool> done{false};
  std::thread waiter([&] {
    const timespec tick{0, 100'000'000};
    while (!done) {
      if (sigtimedwait(&signals_, nullptr, &tick) > 0) {
        server.stop();
        return;
      }
    }
  });
  server.run();
  done = true;
  waiter.join();
}

}  // namespace naviny::server
