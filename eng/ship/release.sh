#!/usr/bin/env bash
# Publishes a release of the repository: what .github/workflows/release.yml runs on a v* tag, and what
# tests/AgentOps.Tests/Release/ReleaseScriptTests runs against a local bare repository as origin.
#
#   eng/ship/release.sh [--remote origin] [--tag vX.Y.Z] [--runtimes "linux-x64 ..."] [--skip-tests]
#                       [--nuget-source URL|folder] [--no-github] [--out artifacts/release] [--max-mb 60]
#
# Steps, each stopping the release on failure (nothing is pushed before every check and build passed):
#   1. version: AgentOpsVersion (Directory.Build.props) is the one version of the SDK, the tool, the template
#      and the marketplace; the tag must be v<that>. Each plugin's version lives in its .agentplugin only.
#   2. CHANGELOG.md has "## [<version>]", and each plugin's CHANGELOG.md has "## [<its version>]".
#   3. build and test (Release).
#   4. pack: the marketplace with native builds of the tool for the "marketplace" runtimes of
#      eng/ship/runtimes.txt (no portable dll: users need no .NET), each as tool/<rid>.tar.gz that the
#      launcher unpacks on first use, the NuGet packages; then the other runtimes as release archives.
#      The packed marketplace must stay within --max-mb.
#   5. smoke: the packed launcher runs --version and validate on the packed marketplace (this machine's runtime).
#   6. release assets in --out: the marketplace zip, agentops-<version>-<rid>.tar.gz per runtime, the
#      .nupkg files, SHA256SUMS.
#   7. publish: the packed marketplace as a new commit on the remote's `marketplace` branch (parent: its
#      previous tip, so old releases stay reachable; `claude plugin marketplace add <owner>/<repo>#marketplace`),
#      the source tag v<version>, plugin tags {name}--v{version} on that marketplace commit (Claude Code's
#      form, as `claude plugin tag` makes them; an existing tag is left alone), the GitHub release (gh, when
#      GH_TOKEN or GITHUB_TOKEN is set), and `dotnet nuget push` of the three packages (NUGET_API_KEY from a
#      secret; a local folder as --nuget-source needs none).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

remote=origin tag="" runtimes="" skip_tests=0 github=1 out="$repo/artifacts/release" max_mb=60
nuget_source="${NUGET_SOURCE:-https://api.nuget.org/v3/index.json}"
while [ $# -gt 0 ]; do
  case "$1" in
    --remote) remote="$2"; shift 2 ;;
    --tag) tag="$2"; shift 2 ;;
    --runtimes) runtimes="$2"; shift 2 ;;
    --skip-tests) skip_tests=1; shift ;;
    --nuget-source) nuget_source="$2"; shift 2 ;;
    --no-github) github=0; shift ;;
    --out) out="$2"; shift 2 ;;
    --max-mb) max_mb="$2"; shift 2 ;;
    -h | --help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "release: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

step() { echo; echo "== release: $*"; }
die() { echo "release: error: $*" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# ---- 1. one version ----
step "version"
version="$(dotnet msbuild build.proj -nologo -getProperty:AgentOpsVersion)"
[ -n "$version" ] || die "no AgentOpsVersion in Directory.Build.props"
if [ -z "$tag" ] && [ "${GITHUB_REF_TYPE:-}" = tag ]; then tag="${GITHUB_REF_NAME:-}"; fi
tag="${tag:-v$version}"
[ "$tag" = "v$version" ] || die "tag $tag does not match the version v$version (AgentOpsVersion in Directory.Build.props)"
source_commit="$(git rev-parse HEAD)"
if git rev-parse -q --verify "refs/tags/$tag" >/dev/null; then
  [ "$(git rev-parse "$tag^{commit}")" = "$source_commit" ] || die "tag $tag exists and is not HEAD ($source_commit)"
fi
echo "version $version, tag $tag, source $source_commit"

# The native runtimes: eng/ship/runtimes.txt, or --runtimes (all of them go into the marketplace then).
declare -a market_rids=() release_rids=()
if [ -n "$runtimes" ]; then
  read -r -a market_rids <<<"$runtimes"
else
  while read -r rid where _; do
    case "$rid" in '' | '#'*) continue ;; esac
    case "$where" in
      marketplace) market_rids+=("$rid") ;;
      release) release_rids+=("$rid") ;;
      *) die "eng/ship/runtimes.txt: '$rid' has '$where' (marketplace or release)" ;;
    esac
  done <eng/ship/runtimes.txt
fi
[ ${#market_rids[@]} -gt 0 ] || die "no runtime to ship in the marketplace"
echo "marketplace runtimes: ${market_rids[*]}; release-only: ${release_rids[*]:-none}"

# ---- 2. changelogs ----
step "changelogs"
grep -Eq "^## \[$version\]" CHANGELOG.md || die "CHANGELOG.md has no '## [$version]' entry"

# ---- 3. build and test ----
step "build"
dotnet build build.proj -c Release -nologo
declare -a plugin_names=() plugin_versions=()
for project in plugins/*/*.agentplugin; do
  name="$(dotnet msbuild "$project" -nologo -getProperty:PluginName)"
  pversion="$(dotnet msbuild "$project" -nologo -getProperty:PluginVersion)"
  changelog="$(dirname "$project")/CHANGELOG.md"
  [ -f "$changelog" ] || die "$changelog is missing (plugin $name $pversion)"
  grep -Eq "^## \[$pversion\]" "$changelog" || die "$changelog has no '## [$pversion]' entry"
  plugin_names+=("$name"); plugin_versions+=("$pversion")
done
echo "plugins: $(for i in "${!plugin_names[@]}"; do printf '%s %s; ' "${plugin_names[$i]}" "${plugin_versions[$i]}"; done)"
if [ "$skip_tests" -eq 0 ]; then
  step "test"
  dotnet test tests/AgentOps.Tests -c Release -nologo
fi

# ---- 4. pack ----
step "pack (native tool for: ${market_rids[*]})"
rids_property="$(IFS=';'; echo "${market_rids[*]}")"
dotnet pack build.proj -c Release -nologo "-p:PluginToolRuntimeIdentifiers=\"$rids_property\"" -p:PluginToolPortable=false
packed="$repo/artifacts/marketplace"
zip_file="$repo/artifacts/agentops-marketplace-$version.zip"
[ -f "$packed/.claude-plugin/marketplace.json" ] && [ -f "$zip_file" ] || die "dotnet pack did not write $packed and $zip_file"
tool_dir="$packed/plugins/agentops-meta-orchestrator/tool"
for rid in "${market_rids[@]}"; do
  [ -f "$tool_dir/$rid/agentops" ] || [ -f "$tool_dir/$rid/agentops.exe" ] || die "no native tool for $rid in $tool_dir"
done
# Each native folder becomes tool/<rid>.tar.gz (the launcher unpacks it on first use): three platforms
# fit the size limit only packed. The zip dotnet pack wrote is made again from the final folder.
command -v zip >/dev/null 2>&1 || die "zip is needed to write $zip_file"
exclude_listed() { # <folder>: what eng/ship/marketplace-exclude.txt says never ships (the SDK applies it too)
  local glob
  while read -r glob; do
    case "$glob" in '' | '#'*) continue ;; esac
    find "$1" -name "$glob" -type f -delete
  done <eng/ship/marketplace-exclude.txt
}
for rid in "${market_rids[@]}"; do
  exclude_listed "$tool_dir/$rid"
  tar -C "$tool_dir/$rid" -czf "$tool_dir/$rid.tar.gz" . && rm -rf "${tool_dir:?}/$rid"
done
rm -f "$zip_file" && (cd "$packed" && zip -qrX "$zip_file" .)
size_kb="$(du -sk "$packed" | cut -f1)"
echo "packed marketplace: $((size_kb / 1024)) MB ($size_kb KB) on disk, zip $(($(wc -c <"$zip_file") / 1024)) KB"
[ "$size_kb" -le $((max_mb * 1024)) ] || die "the packed marketplace is $((size_kb / 1024)) MB, over the ${max_mb} MB limit: move a runtime to 'release' in eng/ship/runtimes.txt"

rm -rf "$out"; mkdir -p "$out/tool"
for rid in "${release_rids[@]}"; do
  step "native tool for $rid (release archive only)"
  dotnet publish AgentOps.Cli/AgentOps.Cli.csproj -c Release -nologo -r "$rid" -p:PluginToolNative=true \
    -p:CopyOutputSymbolsToPublishDirectory=false -o "$out/tool/$rid" --artifacts-path "$repo/artifacts/obj/tool-builds/$rid"
  exclude_listed "$out/tool/$rid"
done

# ---- 5. smoke test of what users get ----
step "smoke test"
# On a copy: the launcher's first run unpacks tool/<rid>.tar.gz, which must not end up in the branch.
smoke="$(mktemp -d)"
cp -a "$packed" "$smoke/marketplace"
host_launcher="$smoke/marketplace/plugins/agentops-meta-orchestrator/bin/agentops"
printed="$("$host_launcher" --version 2>&1)" || die "the packed launcher failed: $printed"
case "$printed" in "$version"*) ;; *) die "the packed launcher printed '$printed', not version $version" ;; esac
"$host_launcher" validate "$packed" || die "agentops validate failed on the packed marketplace"
rm -rf "$smoke"

# ---- 6. release assets ----
step "release assets in $out"
cp "$zip_file" "$out/"
for rid in "${market_rids[@]}"; do cp "$tool_dir/$rid.tar.gz" "$out/agentops-$version-$rid.tar.gz"; done
for rid in "${release_rids[@]}"; do tar -C "$out/tool/$rid" -czf "$out/agentops-$version-$rid.tar.gz" .; done
rm -rf "$out/tool"
declare -a packages=()
for id in AgentOps.Marketplace.Sdk AgentOps.Cli AgentOps.Templates; do
  pkg="$repo/artifacts/packages/$id.$version.nupkg"
  [ -f "$pkg" ] || die "missing NuGet package $pkg"
  packages+=("$pkg"); cp "$pkg" "$out/"
done
(cd "$out" && sha256sum -- * >SHA256SUMS)
cat "$out/SHA256SUMS"

# ---- 7. publish ----
: "${GIT_AUTHOR_NAME:=$(git config user.name || echo 'AgentOps release')}"
: "${GIT_AUTHOR_EMAIL:=$(git config user.email || echo 'release@agentops.invalid')}"
export GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME="${GIT_COMMITTER_NAME:-$GIT_AUTHOR_NAME}" GIT_COMMITTER_EMAIL="${GIT_COMMITTER_EMAIL:-$GIT_AUTHOR_EMAIL}"

step "marketplace branch on $remote"
parent=""
if git ls-remote --exit-code "$remote" refs/heads/marketplace >/dev/null 2>&1; then
  git fetch -q "$remote" "+refs/heads/marketplace:refs/remotes/$remote/marketplace"
  parent="$(git rev-parse "refs/remotes/$remote/marketplace")"
fi
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
# The packed folder becomes the tree as it is on disk (executable bits included), without a checkout.
git_dir="$(git rev-parse --absolute-git-dir)"
(cd "$packed" && GIT_DIR="$git_dir" GIT_WORK_TREE="$packed" GIT_INDEX_FILE="$scratch/index" git add -A -f .)
tree="$(GIT_INDEX_FILE="$scratch/index" git write-tree)"
if [ -n "$parent" ] && [ "$(git rev-parse "$parent^{tree}")" = "$tree" ]; then
  marketplace_commit="$parent"
  echo "the marketplace branch already holds this content ($parent)"
else
  marketplace_commit="$(git commit-tree "$tree" ${parent:+-p "$parent"} -m "agentops-marketplace $version" \
    -m "Packed from $source_commit ($tag) by eng/ship/release.sh.")"
  git push -q "$remote" "$marketplace_commit:refs/heads/marketplace"
  echo "pushed $marketplace_commit to $remote marketplace"
fi

step "tags"
remote_has_tag() { git ls-remote --exit-code --tags "$remote" "refs/tags/$1" >/dev/null 2>&1; }
if ! remote_has_tag "$tag"; then
  git rev-parse -q --verify "refs/tags/$tag" >/dev/null || git tag -a "$tag" -m "AgentOps Marketplace $version" "$source_commit"
  git push -q "$remote" "refs/tags/$tag"
fi
for i in "${!plugin_names[@]}"; do
  plugin_tag="${plugin_names[$i]}--v${plugin_versions[$i]}"
  if remote_has_tag "$plugin_tag"; then echo "$plugin_tag: already released, left alone"; continue; fi
  git rev-parse -q --verify "refs/tags/$plugin_tag" >/dev/null ||
    git tag -a "$plugin_tag" -m "${plugin_names[$i]} ${plugin_versions[$i]}" "$marketplace_commit"
  git push -q "$remote" "refs/tags/$plugin_tag"
  echo "$plugin_tag -> $marketplace_commit"
done

step "GitHub release"
if [ "$github" -eq 1 ] && command -v gh >/dev/null 2>&1 && [ -n "${GH_TOKEN:-${GITHUB_TOKEN:-}}" ]; then
  notes="$scratch/notes.md"
  awk -v v="$version" '$0 ~ "^## \\[" v "\\]" {on=1; next} on && /^## \[/ {exit} on {print}' CHANGELOG.md >"$notes"
  gh release view "$tag" >/dev/null 2>&1 || gh release create "$tag" --title "AgentOps Marketplace $version" --notes-file "$notes" "$out"/*
else
  echo "skipped (needs gh and GH_TOKEN; --no-github skips it); assets are in $out"
fi

step "NuGet ($nuget_source)"
if [ -d "$nuget_source" ] || [ -n "${NUGET_API_KEY:-}" ]; then
  for pkg in "${packages[@]}"; do
    dotnet nuget push "$pkg" --source "$nuget_source" ${NUGET_API_KEY:+--api-key "$NUGET_API_KEY"} --skip-duplicate
  done
else
  echo "skipped: NUGET_API_KEY is not set"
fi
echo
echo "release $version done: marketplace $marketplace_commit on $remote, assets in $out"
