#include "markup.hpp"

#include <cmath>
#include <cstdio>

namespace almpsim::report {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string decimal(double x, int decimals) {
  if (std::isnan(x)) return "\u2013";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  // "-0.0" reads as a sign that is not there.
  std::string s = buf;
  if (s.front() == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

}  // namespace almpsim::report
