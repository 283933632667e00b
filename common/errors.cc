#include "common/errors.h"

#include <unicode/utypes.h>

namespace naviny {

void check_icu(int icu_error_code, const char* what) {
  const auto status = static_cast<UErrorCode>(icu_error_code);
  if (U_FAILURE(status)) {
    throw InternalError(std::string("ICU failed in ") + what + ": " + u_errorName(status) +
                        "; please report this as a naviny bug.");
  }
}

}  // namespace naviny
