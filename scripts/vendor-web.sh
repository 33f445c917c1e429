#!/usr/bin/env bash
# Vendors the web client's third-party browser libraries from npm into
# web/vendor: each package pinned to a version and to its tarball's sha512
# (npm's "integrity"), only the files the client loads copied, with the
# package's license. Node.js and npm are needed by this script alone, never
# to build or run Hearth: the files are committed and compiled in.
#
#   scripts/vendor-web.sh           fetch, verify, copy; rewrite SHA256SUMS
#   scripts/vendor-web.sh --check   verify the committed files against
#                                   SHA256SUMS, offline (the test command)
set -euo pipefail
cd "$(dirname "$0")/.."
vendor=web/vendor

# folder name version integrity license files (source:destination)
packages=(
    "marked marked 15.0.12 sha512-8dD6FusOQSrpv9Z1rdNMdlSgQOIP880DHqnohobOmYLElGEqAL/JvxvuxZO16r4HtjTlfPRDC1hbvxC9dPN2nA== LICENSE.md lib/marked.esm.js:marked.esm.js"
    "dompurify dompurify 3.2.6 sha512-/2GogDQlohXPZe6D6NOgQvXLPSYBqIWMnZ8zzOhn09REE4eyAzb+Hed3jhoM9OkuaJ8P6ZGTTVWQKAi8ieIzfQ== LICENSE dist/purify.es.mjs:purify.es.mjs"
    "highlight @highlightjs/cdn-assets 11.11.1 sha512-VEPdHzwelZ12hEX18BHduqxMZGolcUsrbeokHYxOUIm8X2+M7nx5QPtPeQgRxR9XjhdLv4/7DD5BWOlSrJ3k7Q== LICENSE es/highlight.min.js:highlight.min.js styles/github.min.css:github.min.css styles/github-dark.min.css:github-dark.min.css"
    "katex katex 0.16.22 sha512-XCHRdUw4lf3SKBaJe4EvgqIuWwkPSo9XoeO8GjQW94Bp7TWv9hNhzZjZ+OH9yf1UmLygb7DIT5GSFQiyt16zYg== LICENSE dist/katex.min.js:katex.min.js dist/katex.min.css:katex.min.css dist/fonts/*.woff2:fonts/"
)

if [[ ${1:-} == --check ]]; then
    cd "$vendor"
    sha256sum --quiet --strict -c SHA256SUMS
    # Nothing unlisted either: every file is one the script put there.
    listed=$(awk '{print $2}' SHA256SUMS | sed 's/^\*//' | sort)
    present=$(find . -type f ! -name SHA256SUMS ! -name README.md | sed 's|^\./||' | sort)
    if [[ $listed != "$present" ]]; then
        echo "web/vendor holds files SHA256SUMS does not list (or lacks listed ones):" >&2
        diff <(echo "$listed") <(echo "$present") >&2 || true
        exit 1
    fi
    echo "web/vendor: every file matches SHA256SUMS"
    exit 0
fi

command -v npm >/dev/null || { echo "vendor-web.sh needs npm (apt install npm)" >&2; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
rm -rf "$vendor" && mkdir -p "$vendor"
table="| package | version | license | npm integrity |\n|---|---|---|---|\n"
for entry in "${packages[@]}"; do
    read -r folder name version integrity license files <<<"$entry"
    (cd "$scratch" && npm pack "$name@$version" --silent >/dev/null)
    tarball=$(ls "$scratch"/*.tgz)
    actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
    if [[ $actual != "$integrity" ]]; then
        echo "$name@$version: the tarball's sha512 is $actual, not the pinned $integrity" >&2
        exit 1
    fi
    unpacked=$scratch/unpacked && mkdir -p "$unpacked"
    tar xzf "$tarball" -C "$unpacked"
    target=$vendor/$folder
    mkdir -p "$target"
    cp "$unpacked/package/$license" "$target/"
    for file in $files; do
        source=${file%%:*} destination=${file#*:}
        if [[ $destination == */ ]]; then
            mkdir -p "$target/$destination"
        else
            mkdir -p "$target/$(dirname "$destination")"
        fi
        # shellcheck disable=SC2086 # the source may be a glob
        cp $unpacked/package/$source "$target/$destination"
    done
    spdx=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["license"])' \
        "$unpacked/package/package.json")
    table+="| \`$name\` | $version | $spdx (\`$folder/$license\`) | \`${integrity:0:24}…\` |\n"
    rm -rf "$unpacked" "$tarball"
done
(cd "$vendor" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | sort | xargs sha256sum >SHA256SUMS)
{
    echo "# Third-party browser libraries"
    echo
    echo "Written by \`scripts/vendor-web.sh\`; do not edit. Each package is pinned"
    echo "to a version and its npm tarball's sha512; \`SHA256SUMS\` lists every file"
    echo "copied, and the test command checks them (\`vendor-web.sh --check\`)."
    echo
    printf '%b' "$table"
} >"$vendor/README.md"
echo "vendored ${#packages[@]} packages into $vendor"
