"""Reward functions that ask a running `proofcheck serve` for the reward of a model's answer.

Standard library only. One HTTP call grades one answer (POST /v1/grade) or many (POST /v1/grade/batch);
the adapters at the bottom have the signatures TRL, verl and OpenRLHF call.

Settings come from the environment so a trainer's launcher can set them:
  PROOFCHECK_URL      the service (default http://127.0.0.1:8477)
  PROOFCHECK_TOKEN    the bearer token, when the service was started with --token-file
  PROOFCHECK_TARGETS  comma-separated targets to check (default: the service's default, coq and smt)
  PROOFCHECK_REWARD   binary (default) or partial
"""

import json
import os
import time
import urllib.error
import urllib.request

URL = os.environ.get("PROOFCHECK_URL", "http://127.0.0.1:8477")
TOKEN = os.environ.get("PROOFCHECK_TOKEN")
TARGETS = [t for t in os.environ.get("PROOFCHECK_TARGETS", "").split(",") if t] or None
REWARD = os.environ.get("PROOFCHECK_REWARD", "binary")


class GradingError(RuntimeError):
    """The service refused the request (bad input, a checker it cannot run): a bug to fix, not a reward."""


def _post(path, body, url=None, token=None, retries=8):
    data = json.dumps(body).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    if token or TOKEN:
        headers["Authorization"] = "Bearer " + (token or TOKEN)
    for attempt in range(retries + 1):
        request = urllib.request.Request((url or URL).rstrip("/") + path, data=data, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=600) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as e:
            text = e.read().decode("utf-8", "replace")
            # A full queue says when to come back; anything else is an error in the request.
            if e.code == 503 and e.headers.get("Retry-After") and attempt < retries:
                time.sleep(float(e.headers["Retry-After"]))
                continue
            raise GradingError(f"{e.code} from {path}: {text}") from None
    raise GradingError("the grading queue stayed full")


def request_for(completion, problem=None, statement=None, targets=None, reward=None, finish_reason=None, id=None):
    """The JSON body of one grade; send `problem` (an id from GET /v1/problems) or `statement`."""
    body = {"completion": completion, "reward": reward or REWARD}
    if problem is not None:
        body["problem"] = problem
    if statement is not None:
        body["statement"] = statement
    if targets or TARGETS:
        body["targets"] = targets or TARGETS
    if finish_reason is not None:
        body["finishReason"] = finish_reason
    if id is not None:
        body["id"] = id
    return body


def grade(completion, problem=None, **options):
    """The whole grade of one answer: reward, reason, verdicts, and the full report per target."""
    url, token = options.pop("url", None), options.pop("token", None)
    return _post("/v1/grade", request_for(completion, problem, **options), url, token)


def grade_many(requests, url=None, token=None, chunk=64):
    """Grades for many request bodies (see request_for), in order, a batch request per `chunk`."""
    results = []
    for start in range(0, len(requests), chunk):
        results.extend(_post("/v1/grade/batch", {"items": requests[start:start + chunk]}, url, token)["results"])
    return results


def _text(completion):
    # TRL passes plain strings, or for chat datasets a list of messages whose last one is the answer.
    if isinstance(completion, list):
        return completion[-1]["content"] if completion else ""
    return completion


# --- TRL (GRPOTrainer(reward_funcs=trl_reward, ...)); the dataset has a "problem" column with the problem id.
def trl_reward(completions, problem, **kwargs):
    requests = [request_for(_text(c), p) for c, p in zip(completions, problem)]
    return [r["reward"] for r in grade_many(requests)]


# --- verl (custom_reward_function.path=proofcheck_reward.py custom_reward_function.name=verl_compute_score);
# the dataset's reward_model.ground_truth holds the problem id.
def verl_compute_score(data_source, solution_str, ground_truth, extra_info=None, **kwargs):
    return grade(solution_str, ground_truth)["reward"]


# --- OpenRLHF (--remote_rm_url proofcheck_reward.py --label_key problem): queries are prompt + answer.
def reward_func(queries, prompts, labels):
    completions = [q[len(p):] if q.startswith(p) else q for q, p in zip(queries, prompts)]
    results = grade_many([request_for(c, label) for c, label in zip(completions, labels)])
    rewards = [r["reward"] for r in results]
    try:
        import torch  # OpenRLHF expects tensors; without torch (as in the play trainer) plain lists are returned.
        rewards = torch.tensor(rewards, dtype=torch.float)
    except ImportError:
        pass
    return {"rewards": rewards, "scores": rewards, "extra_logs": {}}
