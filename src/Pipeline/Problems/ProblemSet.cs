using ProofCheck.Core;

namespace ProofCheck.Pipeline.Problems;

/// <summary>
/// The problems under a problems/ folder: every problem folder, followed by the variants its family generates.
/// </summary>
public sealed class ProblemSet
{
    private readonly Dictionary<string, Problem> byId;

    private ProblemSet(string directory, IReadOnlyList<Problem> problems, IReadOnlyList<ProblemError> errors)
    {
        Directory = directory;
        All = problems;
        Errors = errors;
        byId = problems.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>The problems/ folder this set was read from.</summary>
    public string Directory { get; }

    /// <summary>Every problem, ordered by id, each followed by its variants in the order its manifest lists them.</summary>
    public IReadOnlyList<Problem> All { get; }

    /// <summary>What was wrong with the folders that did not load (empty after <see cref="Load"/>).</summary>
    public IReadOnlyList<ProblemError> Errors { get; }

    /// <summary>Loads every problem; throws <see cref="UserInputException"/> listing every error (file:line: message) if any folder is malformed.</summary>
    public static ProblemSet Load(string problemsDirectory)
    {
        var set = Read(problemsDirectory);
        if (set.Errors.Count > 0)
        {
            var shown = set.Errors.Take(20).Select(e => "  " + e);
            var more = set.Errors.Count > 20 ? [$"  … and {set.Errors.Count - 20} more (run 'proofcheck problems validate' to see all)"] : Array.Empty<string>();
            throw new UserInputException($"The problem set in {problemsDirectory} has {set.Errors.Count} error(s):\n{string.Join('\n', shown.Concat(more))}");
        }

        return set;
    }

    /// <summary>
    /// Loads what it can: the problems of well-formed folders in <see cref="All"/>, and every error found in the
    /// others in <see cref="Errors"/>. Throws only when the folder itself does not exist.
    /// </summary>
    public static ProblemSet Read(string problemsDirectory)
    {
        if (!System.IO.Directory.Exists(problemsDirectory))
        {
            throw new UserInputException($"Problem folder '{problemsDirectory}' does not exist.");
        }

        var errors = new List<ProblemError>();
        var problems = new List<Problem>();
        var folders = System.IO.Directory.GetDirectories(problemsDirectory)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            problems.AddRange(ProblemLoader.LoadFolder(folder, errors));
        }

        foreach (var duplicate in problems.GroupBy(p => p.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new ProblemError(duplicate.First().Directory, $"problem id '{duplicate.Key}' is defined more than once"));
        }

        var unique = problems.DistinctBy(p => p.Id, StringComparer.Ordinal).ToList();
        return new ProblemSet(problemsDirectory, unique, errors);
    }

    /// <summary>The same set narrowed to <paramref name="problems"/> (e.g. a <see cref="Select"/> result); its errors are kept.</summary>
    public ProblemSet Restrict(IEnumerable<Problem> problems) => new(Directory, [.. problems], Errors);

    /// <summary>The problem with this id, or null.</summary>
    public Problem? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>The problem with this id; an unknown id is a <see cref="UserInputException"/> naming the closest ids.</summary>
    public Problem Get(string id) => Find(id) ?? throw new UserInputException(UnknownMessage($"No problem with id '{id}'.", id));

    /// <summary>The variants generated from the family of <paramref name="parentId"/>, in manifest order.</summary>
    public IReadOnlyList<Problem> VariantsOf(string parentId) => [.. All.Where(p => p.ParentId == parentId)];

    /// <summary>
    /// The problems matching any of <paramref name="patterns"/>, in set order and without repeats. A pattern is
    /// an id, a glob where <c>*</c> matches anything (<c>repunit-prime/*</c>, <c>*</c>), <c>tag:NAME</c> or
    /// <c>kind:textbook|competition|folklore|novel</c>. No patterns selects everything. A pattern matching nothing
    /// is a <see cref="UserInputException"/> naming the closest ids.
    /// </summary>
    public IReadOnlyList<Problem> Select(IEnumerable<string> patterns)
    {
        var list = patterns.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList();
        if (list.Count == 0)
        {
            return All;
        }

        var selected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in list)
        {
            var matcher = ProblemPattern.Parse(pattern);
            var matches = All.Where(matcher).ToList();
            if (matches.Count == 0)
            {
                throw new UserInputException(UnknownMessage($"No problem matches '{pattern}'.", pattern));
            }

            selected.UnionWith(matches.Select(m => m.Id));
        }

        return [.. All.Where(p => selected.Contains(p.Id))];
    }

    private string UnknownMessage(string head, string wanted)
    {
        var close = ProblemIds.Closest(wanted, byId.Keys);
        return close.Count > 0
            ? $"{head} Did you mean: {string.Join(", ", close)}?"
            : $"{head} Run 'proofcheck problems list' to see the {All.Count} problems.";
    }
}
