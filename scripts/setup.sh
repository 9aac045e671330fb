#!/usr/bin/env bash
# Installs what almpsim needs to build, test and run its notebooks, from Debian's packages.
# With arguments, installs those packages instead (scripts/fuzz.sh and CI use it for clang).
set -euo pipefail
packages=(
  cmake ninja-build g++ pkg-config
  libboost-dev libeigen3-dev libtomlplusplus-dev libhdf5-dev catch2 libcli11-dev nlohmann-json3-dev librandom123-dev libnlopt-cxx-dev
  libopenmpi-dev openmpi-bin openssh-client
  python3 python3-numpy python3-h5py python3-matplotlib python3-nbclient python3-nbformat python3-ipykernel
  python3-pandas python3-xarray python3-scipy python3-pytest python3-dev pybind11-dev python3-nbconvert
  chromium chromium-driver python3-selenium libcpp-httplib-dev curl ca-certificates openssl
)
[ $# -gt 0 ] && packages=("$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "installing: ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The teaching page's chart library (npm registry), with the packages above.
[ $# -gt 0 ] || bash scripts/fetch_chart_library.sh
