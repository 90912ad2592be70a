// An upload: the query names the file (?name=…), the body is anything. The type is sniffed from the first bytes and
// a zip's entries (libzip), the name is checked by the shared text rule and made safe to store and send back.
// Input: name \n body.
#include <cstdint>

#include "documents/rules.h"
#include "documents/service.h"
#include "fuzz_input.h"
#include "infra/http/message.h"
#include "infra/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto f = sz::fuzz::fields(data, size, 2);
  const std::string& path = sz::fuzz::scratch_file(reinterpret_cast<const uint8_t*>(f[1].data()), f[1].size());
  std::string head;
  std::vector<std::string> entries;
  sz::documents::peek(path, &head, &entries);
  auto type = sz::documents::detect(head, entries);
  if (!type || sz::text::hidden_problem(f[0], false)) return 0;
  std::string name = sz::documents::sanitize_name(f[0], *type);
  // What is stored and sent back in Content-Disposition: valid UTF-8, no path, at most 100 characters (+ extension).
  if (name.empty() || !sz::text::valid_utf8(name) || name.find_first_of("/\\") != std::string::npos ||
      sz::text::utf8_length(name) > 100 + sz::text::utf8_length(type->extension))
    __builtin_trap();
  (void)sz::http::percent_encode(name);
  return 0;
}
