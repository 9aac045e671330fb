#pragma once
// The one place the tests reach Catch2 (v2.13 as Debian ships it).
#pragma GCC system_header
#include <catch2/catch.hpp>
