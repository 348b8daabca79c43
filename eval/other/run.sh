#!/usr/bin/env bash
# Scores chronicler on the other-conflict gold set (eval/other/gold):
#   eval/other/run.sh [--set old|new|held3|held4|held5|held6|held7|held8|held9|held10|held11|held12] [--verbose|--json]     (from the repository root or anywhere)
# --set scores one batch of articles (`held12`: the eight of the twelfth, session 45; `held11`: the eight of the eleventh, session 44; `held10`: the eight of the tenth, session 43; `held9`: the eight of the ninth, session 42; `held8`: the eight of the eighth, session 41; `held7`: the seventh, session 40): `old` (the first six), `new` (the six added
# on 2025-12-02 for the held-out check), `held3` (the eight of the third held-out
# batch, 2026-12-02), `held4` (the eight of the fourth, 2026-12-06), `held5` (the
# eight of the fifth, 2026-12-06, session 38); default
# all (every gold file).
# Uses $CHRONICLER (default: target/release/chronicler, built if missing) and, when
# $CHRONICLER_DICT names a folder, passes it to `ingest --dict` (user dictionaries).
# The real articles are taken from ../shared/data/extraction-eval (their gold
# text, not redistributed here); the written ones from eval/other/articles.
set -euo pipefail
old_set="nypost-taliban-hostage-swap aljazeera-afghanistan-helicopter gaza-hostages-prisoners-exchange sudan-port-sudan-drones congo-rwanda-peace-deal red-sea-houthi-ships"
new_set="taiwan-strait-pla-drills caucasus-armenia-azerbaijan-treaty south-asia-india-pakistan-ceasefire sudan-el-fasher-truce-plan great-lakes-m23-prisoner-exchange gaza-ceasefire-hostages-freed"
held4_set="yemen-icrc-prisoner-exchange serbia-kosovo-brussels-dialogue sahel-ecowas-aes-niamey-talks thailand-cambodia-border-truce colombia-eln-election-ceasefire somalia-al-shabaab-aussom-attack iran-iaea-board-cairo-deal myanmar-junta-asean-cebu"
held5_set="compass-libya-tripoli-truce-extended atlas-haiti-gangs-cabaret-attack compass-western-sahara-geneva-talks ledger-guyana-cuyuni-patrol-fired-on horn-observer-tigray-eritrea-tensions levant-daily-aleppo-sdf-ceasefire hbs-korea-missile-talks-rejected pnn-scarborough-water-cannon"
held6_set="cyprus-geneva-informal-meeting-crossings israel-iran-ceasefire-holds-trump-qatar-iaea mozambique-cabo-delgado-attacks-sadc-rwanda nigeria-kebbi-schoolgirls-freed-air-strikes pkk-fighters-burn-weapons-sulaymaniyah-commission south-sudan-machar-house-arrest-clashes-juba ukraine-russia-uae-pow-swap-geneva-talks venezuela-condemns-us-boat-strikes-region-reacts"
held7_set="armenia-azerbaijan-delimitation-commissions-gabala drc-m23-prisoner-exchange-doha-talks-resume india-china-corps-commander-talks-demchok-grazing mali-jnim-kayes-fuel-convoy-attack mexico-cartel-suspects-transfer-us-trump-strike-threat moldova-transnistria-gas-working-group-bender-talks pakistan-afghanistan-chaman-clash-istanbul-talks philippines-china-ayungin-shoal-water-cannon-resupply"
held10_set="algeria-pardons-sansal-germany azerbaijan-russia-sputnik-detentions benin-foiled-coup-ecowas-deployment ecuador-noboa-convoy-conaie-strike iran-irgc-seizes-tanker-hormuz israel-recognises-somaliland-backlash nepal-genz-protests-karki-interim syria-sweida-truce-holds"
held11_set="france-boracay-tanker-boarding greece-libya-benghazi-migration-standoff guinea-bissau-coup-ecowas-suspension indonesia-protests-prabowo-allowances iraq-kataib-hezbollah-dora-clash peru-jeri-lima-state-of-emergency tajikistan-afghan-border-chinese-workers venezuela-us-prisoner-swap-cecot"
held12_set="gcc-iran-islands-summons georgia-ditsi-villagers-ergneti honduras-libre-march-recount kurram-jirga-truce-extension libya-coastguard-sea-lantern papua-puncak-road-workers sierra-leone-guinea-yenga-border sri-lanka-navy-rameswaram-fishermen"
held9_set="australia-expels-iran-ambassador balochistan-highway-attack-kalat belarus-prisoners-freed-coale colombia-cauca-soldiers-freed finland-tanker-cable-detention nexperia-china-export-ban-talks syria-israel-paris-mechanism tanzania-kenyan-activists-deported"
held8_set="bgd-arakan-army-fishermen-naf bih-rs-referendum-state-court caf-3r-minusca-ndjamena-talks cmr-anglophone-bafut-teachers egy-eth-gerd-flood-releases geo-opposition-arrest-eu-visa jpn-chn-senkaku-coast-guard lt-by-balloon-border-closure"
held3_set="red-sea-tanker-aspides sudan-kordofan-aid-convoy great-lakes-uvira-fighting south-asia-chaman-border-clash caucasus-trump-route-deal gaza-rafah-phase-two taiwan-kinmen-boarding-arms-sale lebanon-naqoura-mechanism-talks"
which=all
score_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --set) which="${2:-}"; shift 2 ;;
    --set=*) which="${1#--set=}"; shift ;;
    *) score_args+=("$1"); shift ;;
  esac
done
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${CHRONICLER_SHARED:-$root/../shared}"
bin="${CHRONICLER:-$root/target/release/chronicler}"
[ -x "$bin" ] || (cd "$root" && cargo build --release --locked --bin chronicler >&2)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/articles"
cp "$here"/articles/*.txt "$here"/articles/*.meta.json "$work/articles/"
python3 - "$shared" "$work/articles" <<'PY'
import json, sys, os
shared, out = sys.argv[1], sys.argv[2]
gt = json.load(open(os.path.join(shared, "data/extraction-eval/scrapinghub-article-extraction-benchmark/ground-truth.json")))
real = {
    "nypost-taliban-hostage-swap": ("a1fca19b884e0e946ad3fbe2a7f5031e5e3b23372702a76db302b6143c77cb31", "2019-11-19", "New York Post"),
    "aljazeera-afghanistan-helicopter": ("7916ecca969ffdd8f6fc32d171fbe0dd63db40fe4c1d2ade02b1dec5929a162f", "2019-11-20", "Al Jazeera"),
}
for stem, (key, day, outlet) in real.items():
    rec = gt[key]
    with open(os.path.join(out, stem + ".txt"), "w") as f:
        f.write(rec["articleBody"].replace("\u00ad", "") + "\n")
    with open(os.path.join(out, stem + ".meta.json"), "w") as f:
        json.dump({"url": rec["url"], "outlet": outlet, "published": day}, f)
PY
dict_args=()
if [ -n "${CHRONICLER_DICT:-}" ]; then dict_args=(--dict "$CHRONICLER_DICT"); fi
"$bin" --db "$work/other.db" ingest ${dict_args[@]+"${dict_args[@]}"} "$work/articles" >&2
"$bin" --db "$work/other.db" export --format jsonl > "$work/events.jsonl"
if [ -n "${KEEP_EVENTS:-}" ]; then cp "$work/events.jsonl" "$KEEP_EVENTS"; fi
case "$which" in
  all) gold=("$here/gold") ;;
  old) gold=(); for s in $old_set; do gold+=("$here/gold/$s.jsonl"); done ;;
  new) gold=(); for s in $new_set; do gold+=("$here/gold/$s.jsonl"); done ;;
  held3) gold=(); for s in $held3_set; do gold+=("$here/gold/$s.jsonl"); done ;;
  held4) gold=(); for s in $held4_set; do gold+=("$here/gold/$s.jsonl"); done ;;
  held5) gold=(); for s in $held5_set; do gold+=("$here/gold/$s.jsonl"); done ;;
  held6) gold=(); for s in $held6_set; do gold+=("$here/gold/$s.jsonl"); done ;;
  held7) gold=(); for s in $held7_set; do gold+=("$here/gold/$s.jsonl"); done ;;
  held8) gold=(); for s in $held8_set; do gold+=("$here/gold/$s.jsonl"); done ;;
  held9) gold=(); for s in $held9_set; do gold+=("$here/gold/$s.jsonl"); done ;;
  held10) gold=(); for s in $held10_set; do gold+=("$here/gold/$s.jsonl"); done ;;
  held11) gold=(); for s in $held11_set; do gold+=("$here/gold/$s.jsonl"); done ;;
  held12) gold=(); for s in $held12_set; do gold+=("$here/gold/$s.jsonl"); done ;;
  *) echo "run.sh: --set takes old, new, held3 to held12 or all (got '$which')" >&2; exit 2 ;;
esac
python3 "$root/eval/score.py" --pred "$work/events.jsonl" --gold "${gold[@]}" ${score_args[@]+"${score_args[@]}"}
