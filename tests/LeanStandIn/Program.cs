// A stand-in for Lean's programs, for tests on machines without Lean. The first argument names the role
// (lean, lake, repl, leanchecker); STANDIN_SCENARIO points to a JSON file of canned answers. Every canned answer
// is written in a test next to a comment naming the real output it reproduces; the defaults below reproduce:
//  - `lean --json` on a clean file: empty stdout, exit 0 (Lean's reportMessages prints nothing for no messages);
//  - `#print axioms X`: one "information" message "'X' depends on axioms: [...]" at the #print line (Elab/Print.lean);
//  - an import whose .olean is not on LEAN_PATH: error "unknown module prefix" at the import line, exit 1 (Util/Path.lean);
//  - `lake env`: NAME=VALUE lines, like env(1) (Lake's help text);
//  - the REPL: a command answered by one pretty-printed JSON value and a blank line, "env" numbering from 0
//    (leanprover-community/repl test fixtures).
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

var role = args.Length > 0 ? args[0] : "lean";
var rest = args.Skip(1).ToArray();
var scenarioPath = Environment.GetEnvironmentVariable("STANDIN_SCENARIO");
var scenario = scenarioPath is not null && File.Exists(scenarioPath) ? JsonNode.Parse(File.ReadAllText(scenarioPath))!.AsObject() : new JsonObject();
Log(role + " " + string.Join(' ', rest));
Console.OutputEncoding = new UTF8Encoding(false);

return role switch
{
    "lean" => Lean(rest),
    "lake" => Lake(rest),
    "repl" => Repl(),
    "leanchecker" => LeanChecker(rest),
    _ => 2,
};

int Lean(string[] a)
{
    if (a.Contains("--version"))
    {
        Console.WriteLine($"Lean (version {Version()}, x86_64-unknown-linux-gnu, commit 0000000000000000000000000000000000000000, Release)");
        return 0;
    }

    var file = a.LastOrDefault(x => x.EndsWith(".lean", StringComparison.Ordinal));
    if (file is null)
    {
        Console.Error.WriteLine("Expected exactly one file name");
        return 1;
    }

    var module = Path.GetFileNameWithoutExtension(file);
    var text = File.ReadAllText(file);
    var oIndex = Array.IndexOf(a, "-o");
    // "writes": {"Module": {"Name": "content"}}: code the module runs while it compiles writes these files next to
    // itself (a cheat trying to replace a later stage's input: the check module, another module's .olean).
    foreach (var (name, content) in scenario["writes"]?[module]?.AsObject() ?? [])
    {
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, name), content!.GetValue<string>());
    }

    if (scenario["modules"]?[module] is JsonObject canned)
    {
        return Canned(canned, () => WriteOlean(a, oIndex));
    }

    var lines = text.Split('\n');
    for (var i = 0; i < lines.Length; i++)
    {
        var m = Regex.Match(lines[i], @"^import\s+(\S+)");
        if (m.Success && !IsImportable(m.Groups[1].Value))
        {
            Emit("error", i + 1, 0, i + 1, lines[i].Length, $"unknown module prefix '{m.Groups[1].Value.Split('.')[0]}'\n\nNo directory '{m.Groups[1].Value.Split('.')[0]}' or file '{m.Groups[1].Value}.olean' in the search path entries:\n{Environment.GetEnvironmentVariable("LEAN_PATH")}", file);
            return 1;
        }
    }

    for (var i = 0; i < lines.Length; i++)
    {
        var m = Regex.Match(lines[i], @"^#print axioms\s+(\S+)");
        if (m.Success)
        {
            // A file may name its own answer ("-- standin:axioms […]"): what a forged check module would print.
            var own = Regex.Match(text, @"-- standin:axioms (\[[^\]]*\])");
            var axioms = own.Success ? own.Groups[1].Value : scenario["axioms"]?.GetValue<string>() ?? "[propext, Classical.choice, Quot.sound]";
            var data = axioms.Length == 0 ? $"'{m.Groups[1].Value}' does not depend on any axioms" : $"'{m.Groups[1].Value}' depends on axioms: {axioms}";
            Emit("information", i + 1, 0, i + 1, 6, data, file);
        }
    }

    WriteOlean(a, oIndex);
    return 0;
}

int Canned(JsonObject canned, Action onSuccess)
{
    if (canned["sleepMs"]?.GetValue<int>() is { } sleep)
    {
        Thread.Sleep(sleep);
    }

    foreach (var line in canned["stdout"]?.AsArray() ?? [])
    {
        Console.WriteLine(line!.GetValue<string>());
    }

    if (canned["stderr"]?.GetValue<string>() is { } err)
    {
        Console.Error.WriteLine(err);
    }

    var exit = canned["exit"]?.GetValue<int>() ?? 0;
    if (exit == 0)
    {
        onSuccess();
    }

    Console.Out.Flush();
    if (exit == 134)
    {
        // SIGABRT, as Lean's abort after "Stack overflow detected. Aborting."
        Environment.FailFast(null);
    }
    else if (exit == 137)
    {
        // SIGKILL, as the OOM killer or an external limit does.
        System.Diagnostics.Process.GetCurrentProcess().Kill();
    }

    return exit;
}

void WriteOlean(string[] a, int oIndex)
{
    if (oIndex >= 0 && oIndex + 1 < a.Length)
    {
        File.WriteAllText(a[oIndex + 1], "olean stand-in");
    }
}

bool IsImportable(string module)
{
    if (module is "Init" || module.StartsWith("Init.", StringComparison.Ordinal) || module is "Lean" or "Std")
    {
        return true;
    }

    var path = Environment.GetEnvironmentVariable("LEAN_PATH") ?? string.Empty;
    var relative = module.Replace('.', '/') + ".olean";
    return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Any(dir => File.Exists(Path.Combine(dir, relative)) || Directory.Exists(Path.Combine(dir, module.Split('.')[0])));
}

string Version() => scenario["version"]?.GetValue<string>() ?? "4.33.0";

bool NewFormat() => !Version().StartsWith("4.1", StringComparison.Ordinal) && !Version().StartsWith("4.2", StringComparison.Ordinal);

// `lean --json` message line: v4.31+ prints keys alphabetically with kind and isSilent; older builds print
// severity,pos,kind,keepFullRange,fileName,endPos,data,caption and (before ≈ v4.19) no isSilent.
void Emit(string severity, int line, int col, int endLine, int endCol, string data, string file)
{
    var pos = new JsonObject { ["column"] = col, ["line"] = line };
    var end = new JsonObject { ["column"] = endCol, ["line"] = endLine };
    JsonObject o = NewFormat()
        ? new JsonObject { ["caption"] = "", ["data"] = data, ["endPos"] = end, ["fileName"] = file, ["isSilent"] = false, ["keepFullRange"] = false, ["kind"] = "[anonymous]", ["pos"] = pos, ["severity"] = severity }
        : new JsonObject { ["severity"] = severity, ["pos"] = new JsonObject { ["line"] = line, ["column"] = col }, ["kind"] = "[anonymous]", ["keepFullRange"] = false, ["fileName"] = file, ["endPos"] = new JsonObject { ["line"] = endLine, ["column"] = endCol }, ["data"] = data, ["caption"] = "" };
    Console.WriteLine(o.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
}

int Lake(string[] a)
{
    if (a.Length == 0 || a[0] != "env")
    {
        Console.Error.WriteLine("error: unknown command");
        return 1;
    }

    var project = Directory.GetCurrentDirectory();
    Console.WriteLine($"LAKE={Environment.ProcessPath}");
    Console.WriteLine($"LEAN_PATH={Path.Combine(project, ".lake", "build", "lib", "lean")}");
    Console.WriteLine($"LEAN_SRC_PATH={project}");
    return 0;
}

int LeanChecker(string[] a)
{
    if (scenario["leanchecker"] is JsonObject canned)
    {
        return Canned(canned, () => { });
    }

    return 0;
}

// The REPL: requests are JSON objects ended by a blank line; each answer is one JSON value, pretty-printed over
// several lines, then a blank line. Markers in a command's text choose canned behaviours:
// "standin:crash" dies like repl issue #3 (no answer, exit 134), "standin:hang" never answers (repl issue #94:
// no timeout of its own), "standin:unsolved" answers with the "unsolved goals" error of test/incomplete.expected.out.
int Repl()
{
    var nextEnv = 0;
    var pending = new StringBuilder();
    string? line;
    var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
    while ((line = stdin.ReadLine()) is not null)
    {
        if (line.Trim().Length > 0)
        {
            pending.Append(line.TrimEnd());
            continue;
        }

        if (pending.Length == 0)
        {
            continue;
        }

        JsonObject request;
        try
        {
            request = JsonNode.Parse(pending.ToString())!.AsObject();
        }
        catch (JsonException e)
        {
            Console.Error.WriteLine($"uncaught exception: {{\"message\": \"Could not parse JSON:\\n{e.Message}\"}}");
            return 1;
        }

        pending.Clear();
        var cmd = request["cmd"]?.GetValue<string>() ?? string.Empty;
        JsonObject answer;
        if (request["env"] is null)
        {
            Log("repl-header " + cmd.Replace('\n', ' '));
            answer = new JsonObject { ["env"] = nextEnv++ };
        }
        else if ((request["env"]!.GetValue<int>()) >= nextEnv)
        {
            answer = new JsonObject { ["message"] = "Unknown environment." };
        }
        else if (cmd.Contains("standin:crash", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("INTERNAL PANIC: out of memory");
            Console.Out.Flush();
            Environment.FailFast(null);
            return 134;
        }
        else if (cmd.Contains("standin:hang", StringComparison.Ordinal))
        {
            Thread.Sleep(Timeout.Infinite);
            return 0;
        }
        else if (cmd.Contains("standin:unsolved", StringComparison.Ordinal))
        {
            var at = cmd.Split('\n').TakeWhile(l => !l.Contains(":= by", StringComparison.Ordinal)).Count() + 1;
            answer = new JsonObject
            {
                ["messages"] = new JsonArray(new JsonObject
                {
                    ["severity"] = "error",
                    ["pos"] = new JsonObject { ["line"] = at, ["column"] = 15 },
                    ["endPos"] = new JsonObject { ["line"] = at, ["column"] = 32 },
                    ["data"] = "unsolved goals\nn : ℕ\n⊢ n + 0 = n",
                }),
                ["env"] = nextEnv++,
            };
        }
        else if (Regex.IsMatch(cmd, @"\bsorry\b"))
        {
            answer = new JsonObject
            {
                ["sorries"] = new JsonArray(new JsonObject { ["proofState"] = 0, ["pos"] = new JsonObject { ["line"] = 1, ["column"] = 29 }, ["goal"] = "⊢ True", ["endPos"] = new JsonObject { ["line"] = 1, ["column"] = 34 } }),
                ["messages"] = new JsonArray(new JsonObject { ["severity"] = "warning", ["pos"] = new JsonObject { ["line"] = 1, ["column"] = 8 }, ["endPos"] = new JsonObject { ["line"] = 1, ["column"] = 12 }, ["data"] = "declaration uses `sorry`" }),
                ["env"] = nextEnv++,
            };
        }
        else
        {
            answer = new JsonObject { ["env"] = nextEnv++ };
        }

        Console.Out.Write(answer.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Console.Out.Write("\n\n");
        Console.Out.Flush();
    }

    return 0;
}

void Log(string entry)
{
    if (Environment.GetEnvironmentVariable("STANDIN_LOG") is { Length: > 0 } log)
    {
        try
        {
            File.AppendAllText(log, entry + "\n");
        }
        catch (IOException)
        {
            // Inside the sandbox the log's folder is read-only: real Lean could not write there either.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
