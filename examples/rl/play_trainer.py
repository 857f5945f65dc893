"""Plays an RL trainer against a running `proofcheck serve`, with no trainer installed: it calls each adapter of
proofcheck_reward.py exactly as TRL, verl and OpenRLHF would, on a group of answers a policy could write for one
problem (honest, broken, cheating, empty, cut off), and checks the rewards rank them as training needs:
honest above every failure, every failure above every cheat.

  python3 play_trainer.py --url http://127.0.0.1:8477 [--problem gauss-sum] [--token TOKEN]

Exit status 0 when every reward is as expected, 1 otherwise (with the reason printed).
"""

import argparse
import json
import os
import sys
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def read(*parts):
    with open(os.path.join(ROOT, *parts), encoding="utf-8") as f:
        return f.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8477")
    parser.add_argument("--token")
    parser.add_argument("--problem", default="gauss-sum")
    args = parser.parse_args()
    os.environ["PROOFCHECK_URL"] = args.url
    os.environ["PROOFCHECK_TARGETS"] = "coq"
    if args.token:
        os.environ["PROOFCHECK_TOKEN"] = args.token
    sys.path.insert(0, HERE)
    import proofcheck_reward as pr

    with urllib.request.urlopen(args.url.rstrip("/") + "/v1/problems", timeout=60) as r:
        problems = {p["id"]: p for p in json.loads(r.read())["problems"]}
    problem = problems[args.problem]
    prompt = f"Prove the following, and give a Coq proof of `{problem['mainTheorem']}`.\n\n{problem['statement']}\n\n```coq\n{problem['coqStatement']}```\n"

    # One GRPO group: the answers a policy might sample for this prompt, and the reward each must get.
    honest = read("examples", "gauss-sum.coq.md")
    group = [
        ("honest", honest, 1.0),
        ("broken", "```coq\n" + read("problems", args.problem, "broken.v") + "```\n", 0.0),
        ("axiom cheat", read("examples", "gauss-sum.cheat.coq.md"), -1.0),
        ("empty", "", 0.0),
        ("no code", "By induction on n; the step adds n + 1 to both sides.", 0.0),
    ]
    ids = [args.problem] * len(group)
    completions = [c for _, c, _ in group]

    failures = []
    trl = pr.trl_reward(completions=[[{"role": "assistant", "content": c}] for c in completions], problem=ids, prompts=[prompt] * len(group))
    verl = [pr.verl_compute_score("proofcheck", c, args.problem, {"index": i}) for i, c in enumerate(completions)]
    openrlhf = pr.reward_func([prompt + c for c in completions], [prompt] * len(group), ids)["rewards"]
    print(f"{'answer':<12} {'expected':>8} {'TRL':>6} {'verl':>6} {'OpenRLHF':>9}")
    for (name, _, expected), a, b, c in zip(group, trl, verl, list(openrlhf)):
        print(f"{name:<12} {expected:>8} {a:>6} {b:>6} {float(c):>9}")
        for trainer, got in (("TRL", a), ("verl", b), ("OpenRLHF", float(c))):
            if abs(got - expected) > 1e-9:
                failures.append(f"{trainer}: {name} scored {got}, expected {expected}")

    # A cut-off answer (the generator hit its token limit) is a failure, not a chance to skip the check.
    cut = pr.grade(honest[: len(honest) // 2], args.problem, finish_reason="length")
    if cut["reward"] != 0 or cut["reason"] != "truncated":
        failures.append(f"a truncated answer got {cut['reward']} ({cut['reason']})")

    for f in failures:
        print("FAIL:", f)
    print("all rewards as expected" if not failures else f"{len(failures)} reward(s) wrong")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
