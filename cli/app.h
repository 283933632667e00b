#pragma once

#include <iosfwd>
#include <string>

namespace naviny::cli {

// What the CLI needs from the process around it; tests fill it in by hand.
struct Environment {
  std::string naviny_db;      // $NAVINY_DB
  std::string xdg_data_home;  // $XDG_DATA_HOME
  std::string home;           // $HOME
  bool stdout_is_terminal = false;
  bool stderr_is_terminal = false;
  std::istream* standard_input = nullptr;  // for `naviny add -`; null: there is none

  static Environment from_process();
};

// Runs the naviny command line and returns the process exit code (see common/errors.h).
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
        const Environment& env);

}  // namespace naviny::cli
