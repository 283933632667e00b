#include <iostream>

#include "cli/app.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return naviny::cli::run(argc, argv, std::cout, std::cerr,
                          naviny::cli::Environment::from_process());
}
