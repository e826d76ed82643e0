#!/usr/bin/env bash
# Every test of the workspace: runtime behaviour, compile-fail UI cases, property tests,
# doctests, and the end-to-end tests against the example shops with real clients.
#
# The end-to-end tests drive the `curl` binary and headless Chromium over WebDriver (Debian's
# `chromium` and `chromium-driver`: /usr/bin/chromium, /usr/bin/chromedriver); the OpenAPI tests
# run Python's openapi-spec-validator. They fail, never
# skip, when one is missing, so this script installs what is missing first: with apt-get as
# root; as another user it prints the command to run and stops. A machine that has them all
# installs nothing. Arguments go to `cargo test` (`./test.sh --test e2e_curl`).
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v curl > /dev/null || missing+=(curl)
command -v python3 > /dev/null || missing+=(python3 python3-pip)
command -v chromium > /dev/null || missing+=(chromium)
command -v chromedriver > /dev/null || missing+=(chromium-driver)
if ((${#missing[@]} > 0)); then
    if [[ $(id -u) -ne 0 ]]; then
        echo "the end-to-end tests need ${missing[*]}, which are not installed; install them with:" >&2
        echo "    sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
        echo "then run $0 again" >&2
        exit 1
    fi
    echo "installing ${missing[*]} (the end-to-end tests' clients)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The OpenAPI tests validate documents with openapi-spec-validator 0.9 and jsonschema 4
# (tests/openapi/validate.py): installed with pip where missing (on a Debian-managed Python,
# past its "externally managed" guard: CI's machine is disposable).
if ! python3 -c "import openapi_spec_validator, jsonschema" 2> /dev/null; then
    echo "installing openapi-spec-validator and jsonschema (the OpenAPI tests' validators)"
    packages=("openapi-spec-validator==0.9.0" "jsonschema>=4.26,<5")
    python3 -m pip install --quiet "${packages[@]}" 2> /dev/null \
        || python3 -m pip install --quiet --break-system-packages "${packages[@]}"
fi

# Chromium must start here: no display (headless), as root (no sandbox), and on a closed network
# (no background connections, no component updates). The browser tests pass the same flags
# through chromedriver; this catches a broken install before the build.
chromium_profile=$(mktemp -d)
chromium_dom=$(timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$chromium_profile" --dump-dom 'data:text/html,<p>chromium-ok</p>' \
    2> /dev/null || true)
rm -rf "$chromium_profile"
if [[ $chromium_dom != *chromium-ok* ]]; then
    echo "headless chromium does not start: $(command -v chromium)" >&2
    exit 1
fi

cargo test --workspace "$@"
