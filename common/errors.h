#pragma once

#include <stdexcept>
#include <string>

namespace naviny {

// Process exit codes, documented in docs/commands.md ("Exit codes and errors"). Scripts depend on
// them.
enum class ExitCode : int {
  ok = 0,
  failure = 1,       // unexpected internal or I/O failure
  usage = 2,         // bad command-line arguments
  not_found = 3,     // no index, or no corpus folder, at the given path
  bad_query = 4,     // empty or unparsable query
  locked = 5,        // another naviny process is writing the index
  incompatible = 6,  // index built by a different schema or analyzer: rebuild it
  bad_input = 7,     // an article given on the command line could not be read or parsed
  unavailable = 8,   // a remote shard cannot be reached (and --allow-partial was not given)
};

// The one exception hierarchy of naviny. Every message is a complete sentence that says what
// happened and what to do; the CLI prints it as is, on one line.
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const noexcept { return code_; }

 private:
  ExitCode code_;
};

class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message) : Error(ExitCode::usage, message) {}
};

class NotFoundError : public Error {
 public:
  explicit NotFoundError(const std::string& message) : Error(ExitCode::not_found, message) {}
};

class QueryError : public Error {
 public:
  explicit QueryError(const std::string& message) : Error(ExitCode::bad_query, message) {}
};

class IndexLockedError : public Error {
 public:
  explicit IndexLockedError(const std::string& message) : Error(ExitCode::locked, message) {}
};

class IncompatibleIndexError : public Error {
 public:
  explicit IncompatibleIndexError(const std::string& message)
      : Error(ExitCode::incompatible, message) {}
};

class BadInputError : public Error {
 public:
  explicit BadInputError(const std::string& message) : Error(ExitCode::bad_input, message) {}
};

class ShardUnavailableError : public Error {
 public:
  explicit ShardUnavailableError(const std::string& message)
      : Error(ExitCode::unavailable, message) {}
};

// Unexpected failures inside a library we call (ICU, Xapian, the file system).
class InternalError : public Error {
 public:
  explicit InternalError(const std::string& message) : Error(ExitCode::failure, message) {}
};

// Throws InternalError naming `what` when an ICU call failed.
void check_icu(int icu_error_code, const char* what);

}  // namespace naviny
