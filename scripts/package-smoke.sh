#!/usr/bin/env bash
# The package as a user gets it: `npm pack` of the built dist/, installed into an empty project in
# a temporary directory, then imported from ESM and from CommonJS, type-checked as a TypeScript
# consumer (ESM and CommonJS, node16 resolution, the package's .d.ts checked too) and its bin run.
# Also lints the tarball with publint and @arethetypeswrong/cli. Expects `npm run build` first;
# nothing is written into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
work=$(mktemp -d "${TMPDIR:-/tmp}/stimulansmedel-package.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Non-breaking and thin spaces in amounts read as plain spaces, so the greps below match either.
plain() { sed -e 's/\xc2\xa0/ /g' -e 's/\xe2\x80\xaf/ /g' -e 's/\xe2\x80\x89/ /g'; }
expect() { # expect <label> <text> <output>
  if ! grep -qF -- "$2" <<<"$3"; then
    printf 'package smoke: %s: expected "%s" in:\n%s\n' "$1" "$2" "$3" >&2
    exit 1
  fi
}

echo "-- npm pack"
# dist/ is already built; --ignore-scripts keeps `prepare` from building it a second time.
tarball=$(npm pack --ignore-scripts --silent --pack-destination "$work" | tail -1)
tarball="$work/$tarball"
ls -l "$tarball"

echo "-- publint, @arethetypeswrong/cli"
npx --no-install publint run --strict "$tarball"
npx --no-install attw "$tarball"

echo "-- install the tarball into an empty project"
mkdir "$work/consumer"
cd "$work/consumer"
printf '{ "name": "consumer", "private": true, "version": "0.0.0" }\n' >package.json
types_node=$(node -p "require('$repo/node_modules/@types/node/package.json').version")
npm install --no-audit --no-fund --prefer-offline --silent "$tarball" "@types/node@$types_node"

echo "-- import from ESM"
cat >esm.mjs <<'EOF'
import { allocate, formatKronor, selectAllocation, StimulansmedelError } from "stimulansmedel";
import { loadBundledAgreement, loadBundledPopulation, StimulansmedelError as NodeError } from "stimulansmedel/node";
const report = selectAllocation(allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01")), { county: "20" });
const total = report.lines.reduce((s, l) => s + l.amount, 0n);
const region = report.totals.find((t) => t.name === "Region Dalarna");
let code = "none";
try { loadBundledAgreement("1999"); } catch (e) { code = e instanceof StimulansmedelError ? e.code : `not a StimulansmedelError: ${e}`; }
console.log(`esm total=${total} region=${region?.amount} same-class=${StimulansmedelError === NodeError} error=${code} format=${formatKronor(1309672n)}`);
EOF
out=$(node esm.mjs | plain)
echo "$out"
expect "ESM" "esm total=46299727 region=21314347 same-class=true error=" "$out"
expect "ESM" " format=1 309 672 kr" "$out"
if grep -q "not a StimulansmedelError\|error=none" <<<"$out"; then echo "package smoke: ESM: wrong error" >&2; exit 1; fi

echo "-- require from CommonJS"
cat >cjs.cjs <<'EOF'
const { allocate, selectAllocation, StimulansmedelError } = require("stimulansmedel");
const { loadBundledAgreement, loadBundledPopulation, StimulansmedelError: NodeError } = require("stimulansmedel/node");
const report = selectAllocation(allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01")), { county: "20" });
const total = report.lines.reduce((s, l) => s + l.amount, 0n);
let code = "none";
try { loadBundledAgreement("1999"); } catch (e) { code = e instanceof StimulansmedelError ? e.code : `not a StimulansmedelError: ${e}`; }
console.log(`cjs total=${total} same-class=${StimulansmedelError === NodeError} error=${code}`);
EOF
out=$(node cjs.cjs)
echo "$out"
expect "CommonJS" "cjs total=46299727 same-class=true error=" "$out"
if grep -q "not a StimulansmedelError\|error=none" <<<"$out"; then echo "package smoke: CommonJS: wrong error" >&2; exit 1; fi

echo "-- type-check a TypeScript consumer (ESM and CommonJS)"
cat >tsconfig.json <<'EOF'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "Node16",
    "moduleResolution": "Node16",
    "strict": true,
    "noEmit": true,
    "skipLibCheck": false,
    "types": ["node"]
  },
  "include": ["consumer.mts", "consumer.cts"]
}
EOF
cat >consumer.mts <<'EOF'
import { allocate, selectAllocation, StimulansmedelError, type Allocation } from "stimulansmedel";
import { loadBundledAgreement, loadBundledPopulation } from "stimulansmedel/node";
const result: Allocation = allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01"));
const amounts: bigint[] = selectAllocation(result, { county: "20" }).lines.map((l) => l.amount);
const total: bigint = amounts.reduce((s, a) => s + a, 0n);
export const checked = (e: unknown): string | undefined => (e instanceof StimulansmedelError ? e.code : undefined);
// @ts-expect-error amounts are bigint kronor, never numbers
export const wrong: number = total;
EOF
cat >consumer.cts <<'EOF'
import stimulansmedel = require("stimulansmedel");
import node = require("stimulansmedel/node");
const result: stimulansmedel.Allocation = stimulansmedel.allocate(node.loadBundledAgreement("2025"), node.loadBundledPopulation("2024-11-01"));
export const total: bigint = stimulansmedel.selectAllocation(result, { county: "20" }).lines.reduce((s, l) => s + l.amount, 0n);
EOF
"$repo/node_modules/.bin/tsc" -p tsconfig.json
echo "types ok"

echo "-- bin: npx stimulansmedel allocate --agreement 2025 --county 20"
out=$(npx --no-install stimulansmedel allocate --agreement 2025 --county 20 | plain)
echo "$out" | head -12
expect "bin" "13 524 332" "$out"
expect "bin" "1 309 672" "$out"

echo "package smoke ok"
