using ProofCheck.Coq.Syntax;

namespace ProofCheck.Coq.Audit;

/// <summary>
/// Follows Section and Module nesting (<c>Section S.</c> … <c>End S.</c>), because a Variable inside a Section
/// becomes a hypothesis of the lemmas that use it, while at top level or in a Module it is an axiom.
/// </summary>
internal sealed class ScopeTracker
{
    private readonly List<(string Kind, string Name)> open = [];

    public bool InSection => open.Any(s => s.Kind == "Section");

    public bool AtTopLevel => open.Count == 0;

    /// <summary>Inside <c>Module Type T.</c> … <c>End T.</c>, where a Parameter only specifies an interface.</summary>
    public bool InModuleType => open.Count > 0 && open[^1].Kind == "ModuleType";

    public void Observe(CoqSentence sentence)
    {
        var command = SentenceHead.CommandTokens(sentence);
        if (SentenceHead.IsRolledBack(sentence) || command.Count < 2 || !command[0].IsIdentifier)
        {
            return;
        }

        var head = command[0].Text;
        var rest = command.Skip(1).Where(t => t.IsIdentifier).Select(t => t.Text).ToList();
        switch (head)
        {
            case "Section" when rest.Count > 0:
                open.Add(("Section", rest[0]));
                break;
            case "Module":
                // "Module M := N." and "Module M : T := N." define a module without opening one.
                if (!command.Any(t => t.Text == ":="))
                {
                    var name = rest.FirstOrDefault(w => w is not ("Type" or "Import" or "Export"));
                    if (name is not null)
                    {
                        open.Add((rest[0] == "Type" ? "ModuleType" : "Module", name));
                    }
                }

                break;
            case "End" when rest.Count > 0:
                var index = open.FindLastIndex(s => s.Name == rest[0]);
                if (index >= 0)
                {
                    open.RemoveRange(index, open.Count - index);
                }

                break;
        }
    }
}
