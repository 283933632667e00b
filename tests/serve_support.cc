#include "tests/serve_support.h"

#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "tests/test_support.h"

namespace naviny::testing {

void write_serve_corpus(const std::filesystem::path& folder) {
  write_file(folder / "eu-sanctions.txt",
             "---\ntitle: EU weighs new sanctions on Lukashenka\ndate: 2021-06-24\n"
             "source: Fixture Wire\nurl: https://example.org/eu-sanctions\nlang: en\n---\n"
             "Brussels discussed new sanctions after Alexander Lukashenko forced a Ryanair plane "
             "to land in Minsk. Lukashenka said Belarus would answer the European Union.\n");
  write_file(folder / "ru/lukashenko-otvet.txt",
             "---\ntitle: Лукашенко ответил Евросоюзу\ndate: 2021-07-02\nsource: Фикстура\n"
             "lang: ru\n---\n"
             "Александр Лукашенко заявил в Минске, что Беларусь ответит на санкции Евросоюза.\n");
  write_file(folder / "sochi.txt",
             "---\ntitle: Putin and Lukashenka meet in Sochi\ndate: 2020-01-15\nlang: en\n---\n"
             "Vladimir Putin met Alexander Lukashenko in Sochi to talk about oil and gas prices "
             "for Belarus.\n");
  write_file(folder / "potash.txt",
             "Potash and the Belarusian economy\n\nBelaruskali exports potash through "
             "Lithuania; sanctions on potash hit Minsk hard.\n");
  write_file(folder / "hostile.txt",
             std::string("---\ntitle: ") + kHostileTitle +
                 "\ndate: 2021-06-25\nurl: javascript:alert('url')\nlang: en\n---\n"
                 "Lukashenka quoted " +
                 kHostileMarkup +
                 " and </script><script>document.body.dataset.pwned='script'</script> in Minsk.\n");
}

server::ServerOptions serving(const std::filesystem::path& db) {
  server::ServerOptions options;
  options.dbs = {db};
  return options;
}

RunningServer::RunningServer(server::ServerOptions options) {
  options.listen = {"127.0.0.1", 0};
  server_ = std::make_unique<server::Server>(options);
  thread_ = std::thread([this] { server_->run(); });
}

RunningServer::RunningServer(const std::filesystem::path& db) : RunningServer(serving(db)) {}

RunningServer::~RunningServer() {
  server_->stop();
  thread_.join();
}

HttpAnswer http_get(int port, const std::string& target) {
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(std::chrono::seconds(10));
  client.set_read_timeout(std::chrono::seconds(30));
  const httplib::Result result = client.Get(target);
  if (!result) return {};
  return {result->status, result->body, result->get_header_value("Content-Type"),
          result->get_header_value("Content-Security-Policy")};
}

ServeProcess::ServeProcess(const std::vector<std::string>& arguments,
                           const std::filesystem::path& output) {
  pid_ = spawn_naviny(arguments, output);
  // "… at http://HOST:PORT/ …"; std::regex is avoided: GCC 12 warns inside it under the
  // sanitizers (-Wmaybe-uninitialized), which -Werror makes an error.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    std::stringstream text;
    text << std::ifstream(output).rdbuf();
    const std::string said = text.str();
    const std::size_t url = said.find("http://");
    const std::size_t end = url == std::string::npos ? url : said.find('/', url + 7);
    const std::size_t colon = end == std::string::npos ? end : said.rfind(':', end);
    if (colon != std::string::npos && colon > url) {
      port_ = std::stoi(said.substr(colon + 1, end - colon - 1));
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  stop(SIGKILL);
  throw std::runtime_error("naviny serve did not say where it listens within 30 s");
}

ServeProcess::~ServeProcess() {
  if (pid_ > 0) stop(SIGKILL);
}

int ServeProcess::stop(int signal) {
  ::kill(pid_, signal);
  const int code = wait_naviny(pid_);
  pid_ = -1;
  return code;
}

}  // namespace naviny::testing
