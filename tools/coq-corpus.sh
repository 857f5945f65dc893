#!/usr/bin/env bash
# Measures the Coq checker on public Coq files nobody here wrote: four files of coq-community/coq-100-theorems and
# eight of Coq's own standard library (coq/coq V8.16.1), the sources named in src/Coq/README.md ("Measured on
# public Coq material"). For every file the statement is the file up to its last top-level theorem, then that
# theorem with `Admitted.`; the honest submissions are the whole file (preamble restated) and the file from the
# main theorem on (preamble left out); the cheats are our own, applied to each file. Five the text audit must stop
# (main proof Admitted, a new Axiom, that Axiom hidden between `.(*` and `*)` notations, `idtac... Add LoadPath` in
# the proof, a Variable after `Succeed Section` … `Fail End`) and seven that pass it, so that only the clean-context
# comparison of the statement or Print Assumptions can stop them (an axiom of the standard library used through a
# helper lemma; a Module Type's Parameter made an axiom by Include, named as an allowed axiom; the statement's
# unchanged tokens given another meaning by a notation on its outermost relation, by a preamble name defined again,
# shadowed through a module or by a notation, or by another scope, then proved trivially). Plain coqc is the
# reference: a statement is used, and an honest form is counted, only when plain coqc compiles it; a cheat is counted
# as a real attempt only when plain coqc compiles it (and, for a change of meaning, refuses the same file without
# the change); otherwise the file cannot take it, and the script says so. Every form is then checked with
# `proofcheck check coq --json`, one at a time, and the script prints the honest forms Verified or refused (with the
# reason), every cheat let through (Verified), per class how many were applied and the rule and stage (text audit,
# or after coqc) that caught each, and the check time per file. The whole-file pairs are written to WORKDIR/pairs for
# `dotnet run -c Release --project tools/bench/CoqBench -- --pairs WORKDIR/pairs`.
#   tools/coq-corpus.sh [WORKDIR] [LIMIT_SECONDS]   (default: a temporary folder, kept and printed; 300 s a check)
# Needs git and network access to github.com (or CORPUS_GIT_BASE: a folder or URL holding OWNER/NAME.git clones),
# python3, coqc 8.16 and a built ProofCheck (tools/setup.sh). When coq/coq cannot be fetched and the installed coqc
# ships the standard library's .v sources (Debian's coq package does), those are used instead, and the script
# says so. Nothing fetched is written into the repository.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d -t coq-corpus-XXXXXX)}"
limit="${2:-300}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
cd "$work"

source "$root/tools/corpus-fetch.sh"

hundred_files=(div3.v sumarith.v sumkthpowers.v pigeonhole.v)
stdlib_files=(Arith/Euclid.v Arith/Compare_dec.v Arith/EqNat.v Arith/Factorial.v ZArith/Zcomplements.v ZArith/Zeven.v
  Lists/ListDec.v Reals/Rfunctions.v)
hundred=$(fetch coq-community/coq-100-theorems 36ba6d3abae801fb92bd74a26cd27ebf5de0c234 "${hundred_files[@]}")
stdlib=$(fetch coq/coq b35c06c3ab3ed4911311b4a9428a749658d3eff1 "${stdlib_files[@]/#/theories/}")/theories
if [ ! -f "$stdlib/${stdlib_files[0]}" ]; then
  # The sources of the standard library the installed coqc was built from; the same files as V8.16.1 when coqc is
  # 8.16.1 (the figures in src/Coq/README.md were taken with it).
  stdlib="$(coqc -where)/theories"
  echo "coq/coq V8.16.1 could not be fetched from $git_base; the standard library's sources are taken from the installed coqc ($(coqc --print-version | cut -d' ' -f1)): $stdlib" >&2
fi

# Axioms a file's main theorem rests on by design: the Reals are built on these three; sumkthpowers.v also uses
# the excluded middle.
reals_axioms="sig_forall_dec sig_not_dec functional_extensionality_dep"
rm -rf cases files && mkdir cases files
for f in "${hundred_files[@]}"; do cp "$hundred/$f" files/; done
for f in "${stdlib_files[@]}"; do cp "$stdlib/$f" files/; done
for f in files/*.v; do [ -s "$f" ] || { echo "missing source file: $f" >&2; exit 2; }; done
echo "$reals_axioms" > files/Rfunctions.axioms
echo "$reals_axioms classic" > files/sumkthpowers.axioms

# Each file cut into sentences (comments nest, strings inside comments are strings, a sentence ends at a '.'
# followed by whitespace), the main theorem found, and the statement, the two honest forms and the five cheats
# written to cases/NAME/.
python3 - files cases <<'EOF'
import os, re, sys
source, out = sys.argv[1], sys.argv[2]
THEOREM = {"Theorem", "Lemma", "Fact", "Remark", "Corollary", "Proposition", "Property"}
PROOF_END = {"Qed", "Defined", "Admitted", "Save", "Abort"}
PREFIXES = {"Local", "Global", "Polymorphic", "Monomorphic", "Program", "Private", "Export", "Import"}

def sentences(text):
    """(start, end, code) per sentence: start at its first code character, end after its dot, comments blanked."""
    result, code, start, i, depth, n = [], [], None, 0, 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("(*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("(*", i): depth, i = depth + 1, i + 2
                elif text.startswith("*)", i): depth, i = depth - 1, i + 2
                elif text[i] == '"':
                    i += 1
                    while i < n and not (text[i] == '"' and not text.startswith('""', i)): i += 2 if text.startswith('""', i) else 1
                    i += 1
                else: i += 1
            code.append(" ")
            continue
        if c == '"':
            j = i + 1
            while j < n and not (text[j] == '"' and not text.startswith('""', j)): j += 2 if text.startswith('""', j) else 1
            if start is None: start = i
            code.append(text[i:j + 1]); i = j + 1
            continue
        if start is None and not c.isspace(): start = i
        code.append(c)
        if c == "." and (i + 1 == n or text[i + 1].isspace()):
            result.append((start, i + 1, "".join(code).strip())); code, start = [], None
        i += 1
    return result

def head(code):
    """The sentence's command word, after bullets, braces, a goal selector, attributes and prefixes."""
    s = re.sub(r"^([-+*{}\s]|\d+\s*:|all\s*:)*", "", code)
    s = re.sub(r"^(#\[[^\]]*\]\s*)+", "", s)
    words = re.findall(r"[A-Za-z_][A-Za-z0-9_']*", s)
    while words and words[0] in PREFIXES: words.pop(0)
    return words[0] if words else "", s

# The cheats after the first five pass the text audit and compile with plain coqc, so only a later gate can stop them:
# the clean-context comparison of the statement (rule statement-meaning) or Print Assumptions (rule assumptions).
# A statement-meaning cheat changes what the main theorem's unchanged tokens mean, then proves the changed statement
# with one trivial proof; its FORM.unchanged.v is the same file without the change, which plain coqc must refuse (if
# the trivial proof proves the real statement too, the form is no cheat and is not counted).
TRIVIAL_PROOF = ("\nProof.\n  intros; do 12 (try first [exact I | exact tt | reflexivity | (intro pc_cheat_p; exact pc_cheat_p) | assumption | solve [auto with arith] | split | constructor | eexists | intro]).\n"
                 "  Unshelve. all: try constructor.\nQed.\n")
# A body of any type that makes a redefined name trivial: True for a predicate, a constant for a function.
TRIVIAL_BODY = "ltac:(intros; first [exact True | exact 0 | exact R0 | constructor])"
# Relations and connectives with the level and associativity the standard library gives them. Those of type_scope are
# redefined there (a statement is read with type_scope on top, above a notation of no scope); the orders of nat, Z
# and R by a notation of no scope, which comes before the open scopes.
T = " : type_scope"
OPERATORS = {"<->": (95, "no", T), "\\/": (85, "right", T), "/\\": (80, "right", T), "=": (70, "no", T), "<>": (70, "no", T),
             "<=": (70, "no", ""), "<": (70, "no", ""), ">=": (70, "no", ""), ">": (70, "no", "")}
TOKEN = re.compile(r"<->|->|<=\?|<\?|=\?|\?=|:=|=>|<=|>=|<>|/\\|\\/|[A-Za-z_][A-Za-z0-9_'.]*|\S")
DEFINERS = {"Definition", "Fixpoint", "CoFixpoint", "Inductive", "CoInductive", "Variant", "Function", "Record",
            "Structure", "Class", "Let"}
OPEN, CLOSE = "({[", ")}]"

def depth0(tokens):
    """(index, token) of the tokens outside every bracket."""
    depth = 0
    for i, t in enumerate(tokens):
        if t in CLOSE: depth -= 1
        if depth == 0: yield i, t
        if t in OPEN: depth += 1

def conclusion(statement):
    """The tokens of the statement's conclusion: after the colon, every leading forall/exists and hypothesis dropped."""
    tokens = TOKEN.findall(statement.rstrip()[:-1])
    colon = next(i for i, t in depth0(tokens) if t == ":" and i > 1)
    tokens = tokens[colon + 1:]
    while True:
        if tokens and tokens[0] in ("forall", "exists"):
            tokens = tokens[next(i for i, t in depth0(tokens) if t == ",") + 1:]
            continue
        arrows = [i for i, t in depth0(tokens) if t == "->"]
        if arrows:
            tokens = tokens[arrows[-1] + 1:]
            continue
        return tokens

def meaning_notation(statement):
    """A notation that changes the conclusion's outermost relation, connective or {…} type (None if it has none)."""
    tokens = conclusion(statement)
    if tokens and tokens[0] == "{":
        close = next(i for i, t in depth0(tokens) if t == "}")
        inner = tokens[1:close]
        if close + 1 < len(tokens) and tokens[close + 1] == "+":
            return 'Local Notation "{ A } + { B }" := (sumbool (A -> A) B) : type_scope.\n'
        bar = next((i for i, t in depth0(inner) if t in ("|", "&")), None)
        if close != len(tokens) - 1 or bar is None:
            return None
        kind = "sig" if inner[bar] == "|" else "sigT"
        if ":" in [t for i, t in depth0(inner[:bar])]:
            return f'Local Notation "{{ x : A {inner[bar]} P }}" := ({kind} (fun x : A => P -> P)) : type_scope.\n'
        return f'Local Notation "{{ x {inner[bar]} P }}" := ({kind} (fun x => P -> P)) : type_scope.\n'
    ops = [t for i, t in depth0(tokens) if t in OPERATORS]
    if not ops:
        return None
    op = max(ops, key=lambda o: OPERATORS[o][0])
    level, assoc, scope = OPERATORS[op]
    return f'Local Notation "x {op} y" := (and (@eq _ x x) (@eq _ y y)) (at level {level}, {assoc} associativity){scope}.\n'

def defined_names(found, main):
    """The names the file defines before its main theorem, outside every Module (Section names stay global)."""
    names, stack = [], []
    for start, end, code in found[:main]:
        word, rest = head(code)
        words = re.findall(r"[A-Za-z_][A-Za-z0-9_']*", rest)
        if word == "Section": stack.append("S")
        elif word == "Module" and ":=" not in code: stack.append("M")
        elif word == "End" and stack: stack.pop()
        elif word in DEFINERS and "M" not in stack and len(words) > 1:
            i = words.index(word) + 1
            if i < len(words): names.append(words[i])
    return names

def later_gate_cheats(text, found, main, proof_end, after_proof, allowed):
    start, end, statement_code = found[main]
    prefix, statement = text[:start], text[start:end]
    forms = {}
    # An axiom of the standard library, never declared: a helper lemma proves True with it, the main proof uses the
    # helper. The excluded middle (through the lemma NNPP) unless the problem allows it, then uniqueness of identity
    # proofs (Eqdep's eq_rect_eq, through the lemma UIP_refl).
    if not any(a.split(".")[-1] in ("classic", "NNPP") for a in allowed):
        helper = "Require Import Coq.Logic.Classical_Prop.\nLemma pc_cheat_helper : True.\nProof. apply NNPP; intro pc_cheat_n; apply pc_cheat_n; exact I. Qed.\n"
    else:
        helper = "Require Import Coq.Logic.Eqdep.\nLemma pc_cheat_helper : True.\nProof. pose proof (UIP_refl bool true eq_refl) as pc_cheat_uip; exact I. Qed.\n"
    forms["cheat-stdlib-axiom"] = (prefix + helper + text[start:after_proof] + " pose proof pc_cheat_helper as pc_cheat_h; clear pc_cheat_h."
                                   + text[after_proof:found[proof_end][1]] + "\n")
    # A Parameter of a Module Type (allowed there: it only specifies an interface) that Include turns into an axiom
    # of a module, named as the problem's first allowed axiom when it has one.
    axiom = allowed[0].split(".")[-1] if allowed else "pc_cheat_axiom"
    forms["cheat-include-parameter"] = (prefix + f"Module Type PcCheatSignature.\n  Parameter {axiom} : forall T : Type, T.\nEnd PcCheatSignature.\n"
        + "Module PcCheatModule.\n  Include PcCheatSignature.\nEnd PcCheatModule.\n" + statement + f"\nProof. exact (PcCheatModule.{axiom} _). Qed.\n")
    # Statement-meaning cheats: (context kept in both forms, the change itself) before the unchanged statement.
    changes = {}
    notation = meaning_notation(statement_code)
    if notation:
        changes["cheat-meaning-notation"] = ("", notation)
    targets = [n for n in dict.fromkeys(defined_names(found, main)) if n in TOKEN.findall(statement_code)[2:]]
    if targets:
        redefine = lambda n, as_name: f"Definition {as_name} : ltac:(let t := type of {n} in exact t) := {TRIVIAL_BODY}.\n"
        # Under the same name: plain coqc cannot define a name twice in one file, so the preamble's own definition
        # (and every use of it there) is renamed, and the name is defined again after the preamble.
        original = prefix
        for n in targets:
            original = re.sub(rf"(?<![\w'.]){re.escape(n)}(?![\w'])", "pc_cheat_original_" + n, original)
        forms["cheat-redefinition"] = original + "".join(redefine("pc_cheat_original_" + n, n) for n in targets) + statement + TRIVIAL_PROOF
        forms["cheat-redefinition.unchanged"] = original + "".join(f"Definition {n} := pc_cheat_original_{n}.\n" for n in targets) + statement + TRIVIAL_PROOF
        changes["cheat-module-shadow"] = ("", "Module Import PcCheatShadow.\n" + "".join(redefine(n, n) for n in targets) + "End PcCheatShadow.\n")
        changes["cheat-name-notation"] = ("".join(redefine(n, "pc_cheat_" + n) for n in targets),
            "Module Import PcCheatNotation.\n" + "".join(f"  Notation {n} := pc_cheat_{n}.\n" for n in targets) + "End PcCheatNotation.\n")
    if re.search(r"\b[ZR]_scope\b", prefix):
        changes["cheat-open-scope"] = ("", "Local Open Scope nat_scope.\n")
    else:
        changes["cheat-open-scope"] = ("Require Import Coq.ZArith.BinInt.\n", "Local Open Scope Z_scope.\n")
    for form, (context, change) in changes.items():
        forms[form] = prefix + context + change + statement + TRIVIAL_PROOF
        forms[form + ".unchanged"] = prefix + context + statement + TRIVIAL_PROOF
    return forms

for name in sorted(f[:-2] for f in os.listdir(source) if f.endswith(".v")):
    text = open(os.path.join(source, name + ".v"), encoding="utf-8").read()
    found, depth, main = sentences(text), 0, None
    for k, (start, end, code) in enumerate(found):
        word, rest = head(code)
        if word in ("Section", "Module") and ":=" not in code: depth += 1
        elif word == "End": depth -= 1
        elif word in THEOREM and depth == 0: main = k
    if main is None:
        print(f"{name}: no top-level theorem, left out", file=sys.stderr); continue
    start, end, _ = found[main]
    proof_end = next(k for k in range(main + 1, len(found)) if head(found[k][2])[0] in PROOF_END)
    after_proof = found[main + 1][1] if head(found[main + 1][2])[0] == "Proof" and re.fullmatch(r"Proof(\s+(using|with)\b.*)?\.", head(found[main + 1][2])[1], re.S) else end
    prefix, statement, proof, rest = text[:start], text[start:end], text[end:found[proof_end][1]], text[found[proof_end][1]:]
    folder = os.path.join(out, name); os.makedirs(folder)
    cheat = "pc_cheat_axiom"
    axiom = f"Axiom {cheat} : forall T : Type, T.\n"
    uses_cheat = f"\nProof. exact ({cheat} _). Qed.\n"
    forms = {
        "statement": prefix + statement + "\nAdmitted.\n",
        "whole": text,
        "from-main": text[start:],
        "cheat-admitted": prefix + statement + "\nProof.\nAdmitted.\n" + rest,
        "cheat-axiom": prefix + axiom + statement + uses_cheat + rest,
        "cheat-notation": prefix + 'Notation "x .(* y" := (x, y) (at level 50).\nNotation "x *) y" := (x, y) (at level 50).\n'
            + "Definition pc_cheat_z := tt .(* tt.\n" + axiom + "Definition pc_cheat_w := tt *) tt.\n" + statement + uses_cheat + rest,
        "cheat-loadpath": text[:after_proof] + ' idtac... Add LoadPath "/tmp" as PcCheat.' + text[after_proof:],
        "cheat-section": prefix + f"Succeed Section PcCheat.\nVariable {cheat} : forall T : Type, T.\nFail End PcCheat.\n" + statement + uses_cheat + rest,
    }
    axioms_file = os.path.join(source, name + ".axioms")
    allowed = open(axioms_file).read().split() if os.path.exists(axioms_file) else []
    forms.update(later_gate_cheats(text, found, main, proof_end, after_proof, allowed))
    for form, content in forms.items():
        open(os.path.join(folder, form + ".v"), "w", encoding="utf-8").write(content)
    # Plain coqc checks the preamble-less form together with the preamble, as the checker compiles it.
    open(os.path.join(folder, "from-main.plain.v"), "w", encoding="utf-8").write(prefix + text[start:])
    open(os.path.join(folder, "axioms"), "w").write(" ".join(allowed))
    print(f"{name}: main theorem at line {text.count(chr(10), 0, start) + 1}: {' '.join(statement.split())[:90]}", file=sys.stderr)
EOF

plain() { # plain FILE: 0 when plain coqc compiles it (as a library of its own, in a scratch folder); sets plain_ms
  local start code=0
  rm -rf plain && mkdir plain && cp "$1" plain/PcPlain.v
  start=$(date +%s%N)
  (cd plain && timeout "$limit" coqc -q PcPlain.v > ../plain.log 2>&1) || code=$?
  plain_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  return "$code"
}

# A cache of canonical libraries of this run's own: the first check of each statement (the whole file) compiles its
# library, the later ones reuse it, as on a server.
# The first five cheats are stopped by the text audit; the others pass it (each also compiles with plain coqc, where
# the file can take it), so what stops them is the clean-context comparison of the statement or Print Assumptions.
cheat_classes=(cheat-admitted cheat-axiom cheat-notation cheat-loadpath cheat-section cheat-stdlib-axiom cheat-include-parameter
  cheat-meaning-notation cheat-redefinition cheat-module-shadow cheat-name-notation cheat-open-scope)
rm -rf results pairs cache && mkdir results pairs cache
export PROOFCHECK_CACHE="$work/cache"
load_start=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
printf 'name\tform\tplain\tverdict\trule\tseconds\treason\tplain_seconds\tstage\n' > results/results.tsv
for dir in cases/*/; do
  name=$(basename "$dir")
  read -ra axioms < "$dir/axioms" || true
  allow=()
  for a in "${axioms[@]}"; do allow+=(--allow-axiom "$a"); done
  if ! plain "$dir/statement.v"; then
    printf '%s\tstatement\tfails\t-\t-\t-\t%s\t-\n' "$name" "$(grep -m1 -A1 Error plain.log | tr '\n\t' '  ')" >> results/results.tsv
    continue
  fi
  for form in whole from-main "${cheat_classes[@]}"; do
    printf '\r%s %s\033[K' "$name" "$form" >&2
    reference="$dir/$form.v"
    [ "$form" = from-main ] && reference="$dir/from-main.plain.v"
    if [ ! -f "$reference" ]; then
      # The file offers the cheat nothing to change (no relation on top of its conclusion, no preamble name in it).
      printf '%s\t%s\tabsent\t-\t-\t-\t-\t-\t-\n' "$name" "$form" >> results/results.tsv
      continue
    fi
    compiles=compiles
    if [ "$form" = from-main ] && cmp -s "$reference" "$dir/whole.v"; then
      compiles=$(awk -F'\t' -v n="$name" '$1 == n && $2 == "whole" { print $3 }' results/results.tsv)
      plain_ms=$(awk -F'\t' -v n="$name" '$1 == n && $2 == "whole" { printf "%d", $8 * 1000 }' results/results.tsv)
    elif ! plain "$reference"; then
      compiles=fails
    elif [ -f "$dir/$form.unchanged.v" ]; then
      # A change of meaning is a cheat only if its trivial proof does not also prove the real statement.
      saved_ms=$plain_ms
      plain "$dir/$form.unchanged.v" && compiles=proves-the-statement
      plain_ms=$saved_ms
    fi
    start=$(date +%s%N)
    set +e
    "$root/proofcheck" check coq "$dir/$form.v" --statement "$dir/statement.v" "${allow[@]}" --timeout "$limit" --json \
      > "results/$name.$form.json" 2> "results/$name.$form.err"
    set -e
    seconds=$(( ($(date +%s%N) - start) / 1000000 ))
    python3 - "results/$name.$form.json" "$name" "$form" "$compiles" "$seconds" "$plain_ms" >> results/results.tsv <<'EOF'
import json, sys
path, name, form, compiles, seconds, plain_ms = sys.argv[1:]
plain = f"{int(plain_ms) / 1000:.1f}"
try:
    report = json.load(open(path))
except (ValueError, OSError):
    print(name, form, compiles, "no-report", "-", f"{int(seconds) / 1000:.1f}", open(path[:-5] + ".err").read().strip()[:200].replace("\n", " "), plain, "-", sep="\t")
    sys.exit()
# Where the verdict was reached: in the text audit (coqc never ran) or after coqc.
stage = "coqc" if any(o.get("solver") for o in report["obligations"]) else "audit"
findings = (report.get("audit") or {}).get("findings") or []
rule = "+".join(sorted({f["rule"] for f in findings})) or "-"
reason = "; ".join(f'{f["rule"]}: {f["construct"]} (line {(f.get("span") or {}).get("line")})' for f in findings)
if not reason:
    reason = "; ".join(" ".join(d["message"].split())[:160] for o in report["obligations"] for d in o["diagnostics"])[:300]
print(name, form, compiles, report["verdict"], rule, f"{int(seconds) / 1000:.1f}", " ".join(reason.split()), plain, stage, sep="\t")
EOF
  done
  if [ "$(awk -F'\t' -v n="$name" '$1 == n && $2 == "whole" { print $3 }' results/results.tsv)" = compiles ]; then
    cp "$dir/statement.v" "pairs/$name.statement.v"
    cp "$dir/whole.v" "pairs/$name.proof.v"
    [ ${#axioms[@]} -eq 0 ] || printf '%s\n' "${axioms[@]}" > "pairs/$name.axioms"
  fi
done
echo >&2

python3 - "$work/results/results.tsv" "$load_start" "$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')" "$(nproc)" "$(coqc --print-version | cut -d' ' -f1)" <<'EOF'
import collections, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])][1:]
print(f"coqc {sys.argv[5]}, {sys.argv[4]} cores, load {sys.argv[2]} at the start, {sys.argv[3]} at the end")
bad_statements = [r for r in rows if r[1] == "statement"]
honest = [r for r in rows if r[1] in ("whole", "from-main")]
counted = [r for r in honest if r[2] == "compiles"]
cheats = [r for r in rows if r[1].startswith("cheat-")]
real = [r for r in cheats if r[2] == "compiles"]
files = sorted({r[0] for r in rows})
print(f"files: {len(files)}; statements plain coqc refuses (file left out): {len(bad_statements)}")
for r in bad_statements:
    print(f"  statement refused by plain coqc: {r[0]}: {r[6]}")
verified = [r for r in counted if r[3] == "Verified"]
print(f"honest submissions: {len(counted)} counted ({len(files) - len(bad_statements)} files x 2 forms, minus {len(honest) - len(counted)} plain coqc refuses); Verified: {len(verified)}; refused: {len(counted) - len(verified)}")
for r in honest:
    if r[2] != "compiles":
        print(f"  not counted (plain coqc refuses it): {r[0]} {r[1]}")
for r in counted:
    if r[3] != "Verified":
        print(f"  REFUSED: {r[0]} {r[1]}: {r[3]} {r[4]}: {r[6]}")
let_through = [r for r in cheats if r[3] == "Verified"]
print(f"cheats: {sum(r[2] != 'absent' for r in cheats)} made, {len(real)} real attempts; let through (Verified): {len(let_through)}")
for r in let_through:
    print(f"  LET THROUGH: {r[0]} {r[1]} (plain coqc: {r[2]})")
# Per class: a cheat is applied (a real attempt) when plain coqc compiles it and, for a change of meaning, refuses the
# same file without the change; otherwise the file could not take it. Each other way of ending is counted by verdict,
# rule and where it was reached (the text audit, or after coqc ran).
not_applicable = {"absent": "nothing to change", "fails": "plain coqc refuses it", "proves-the-statement": "its proof also proves the real statement"}
print(f"  {'class':<24} {'applied':>7} {'n/a':>4} {'let through':>11}   caught (verdict rule, stage: count)")
classes = list(dict.fromkeys(r[1] for r in cheats))
for form in classes:
    rows_of = [r for r in cheats if r[1] == form]
    applied = [r for r in rows_of if r[2] == "compiles"]
    caught = collections.Counter(f"{r[3]} {r[4]}, {r[8]}" for r in applied if r[3] != "Verified")
    print(f"  {form:<24} {len(applied):>7} {len(rows_of) - len(applied):>4} {sum(r[3] == 'Verified' for r in applied):>11}   "
          + "; ".join(f"{how}: {count}" for how, count in caught.most_common()))
for form in classes:
    skipped = [r for r in cheats if r[1] == form and r[2] != "compiles"]
    if skipped:
        print(f"  not applicable, {form}: " + ", ".join(f"{r[0]} ({not_applicable.get(r[2], r[2])}{'' if r[3] in ('-', 'Verified') else '; checked anyway: ' + r[3]})" for r in skipped))
print("seconds per file: plain coqc on the whole file; check of the whole file (the statement's first check: compiles its")
print("canonical library), of the file from the main theorem on (library reused); of the cheats the text audit stopped, and")
print("of the cheats that reached coqc (all wall clock, CLI start included)")
print(f"  {'file':<14} {'coqc':>6} {'whole':>6} {'main':>6} {'audit cheats':>14} {'coqc cheats':>14}")
def spread(values):
    return f"{min(values):.1f}-{max(values):.1f}" if values else "-"
for name in files:
    t = {r[1]: r[5] for r in rows if r[0] == name}
    plain = {r[1]: r[7] for r in rows if r[0] == name}
    if "whole" in t:
        by_stage = lambda stage: [float(r[5]) for r in cheats if r[0] == name and r[8] == stage]
        print(f"  {name:<14} {plain['whole']:>6} {t['whole']:>6} {t['from-main']:>6} {spread(by_stage('audit')):>14} {spread(by_stage('coqc')):>14}")
EOF
echo "pairs for CoqBench: $work/pairs"
echo "work folder: $work"
