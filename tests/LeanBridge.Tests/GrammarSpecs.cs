using ProofCheck.LeanBridge.Syntax;
using ProofCheck.Pipeline.Problems;
using ProofCheck.LeanBridge.Syntax.Generated;
using ProofCheck.TestSupport;

namespace ProofCheck.LeanBridge.Tests;

public sealed class GrammarSpecs
{
    public static TheoryData<string> ProblemIds()
    {
        var data = new TheoryData<string>();
        foreach (var problem in ProblemSet.Load(RepoPaths.Problems).All.Where(p => p.LeanStatement is not null))
        {
            data.Add(problem.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProblemIds))]
    public void Every_problem_statement_and_variant_has_its_manifest_theorem_as_main_theorem(string id)
    {
        var problem = ProblemSet.Load(RepoPaths.Problems).Get(id);

        var name = LeanSyntax.MainTheoremName(problem.LeanStatement!);

        Assert.Equal(problem.MainTheorem, name);
    }

    [Fact]
    public void Nested_block_comments_close_only_at_the_matching_end()
    {
        var tokens = LeanSyntax.Lex("/- outer /- inner -/ still comment theorem x -/ theorem y : True := trivial");
        var code = tokens.Where(t => !t.IsTrivia).Select(t => t.Text).ToList();
        Assert.Equal(["theorem", "y", ":", "True", ":=", "trivial"], code);
    }

    [Fact]
    public void Doc_comments_are_tokens_and_module_docs_are_comments()
    {
        var tokens = LeanSyntax.Lex("/-! module doc -/\n/-- doc for x -/\ndef x := 1");
        Assert.Equal(Lean4Lexer.MOD_DOC, tokens[0].Type);
        Assert.Contains(tokens, t => t.Type == Lean4Lexer.DOC_COMMENT && t.Text == "/-- doc for x -/");
    }

    [Theory]
    [InlineData("\"a \\\"sorry\\\" b\"")]
    [InlineData("\"tab\\t newline\\n hex\\x41 unicode\\u03B1\"")]
    [InlineData("\"gap \\\n     continues\"")]
    [InlineData("r#\"raw \"sorry\" text\"#")]
    [InlineData("'\\''")]
    [InlineData("'x'")]
    public void String_and_char_literals_are_single_tokens(string literal)
    {
        var tokens = LeanSyntax.Lex(literal);
        var token = Assert.Single(tokens);
        Assert.True(token.IsStringLike, $"{token.Type} {token.Text}");
    }

    [Fact]
    public void Interpolated_strings_keep_nested_holes_and_strings_inside_one_token()
    {
        var tokens = LeanSyntax.Lex("s!\"a {f \"}\" {g {x}}} b\" next");
        Assert.Equal(Lean4Lexer.INTERPOLATED_STRING, tokens[0].Type);
        Assert.Equal("next", tokens[^1].Text);
    }

    [Theory]
    [InlineData("«sorry bar»", "sorry bar")]
    [InlineData("Nat.succ_le", "Nat.succ_le")]
    [InlineData("h₀", "h₀")]
    [InlineData("α'", "α'")]
    [InlineData("x.«y z».w", "x.y z.w")]
    [InlineData("get!", "get!")]
    public void Identifiers_follow_Leans_alphabet_and_escapes(string source, string name)
    {
        var token = Assert.Single(LeanSyntax.Lex(source));
        Assert.True(token.IsIdentifier);
        Assert.Equal(name, token.Name);
    }

    [Fact]
    public void Cyrillic_letters_are_not_identifier_characters()
    {
        // Lean's isAlpha is ASCII-only: "sqrt2_irrаtional" with a Cyrillic а is not one identifier.
        var tokens = LeanSyntax.Lex("sqrt2_irr\u0430tional").Where(t => !t.IsTrivia).ToList();
        Assert.True(tokens.Count > 1);
    }

    [Theory]
    [InlineData("0x1F", "0x1F")]
    [InlineData("0b1010", "0b1010")]
    [InlineData("1_000_000", "1_000_000")]
    [InlineData("9.11", "9.11")]
    [InlineData("2.5E-3", "2.5E-3")]
    public void Numeric_literals_are_single_tokens(string source, string text)
    {
        var token = Assert.Single(LeanSyntax.Lex(source));
        Assert.Equal(Lean4Lexer.NUMBER, token.Type);
        Assert.Equal(text, token.Text);
    }

    [Fact]
    public void Columns_count_code_points_not_utf16_units()
    {
        // 𝔽 (U+1D53D) is one code point but two UTF-16 units.
        var tokens = LeanSyntax.Lex("𝔽 x").Where(t => !t.IsTrivia).ToList();
        Assert.Equal(3, tokens[1].Column);
    }

    [Fact]
    public void Two_commands_on_one_line_are_two_commands()
    {
        var file = LeanSyntax.Parse("def a : Nat := 1 theorem sneaky : 1 = 2 := sorry");
        Assert.Equal(["a", "sneaky"], file.Declarations.Select(d => d.Name));
    }

    [Fact]
    public void Namespaces_qualify_declaration_names()
    {
        var file = LeanSyntax.Parse("namespace A.B\ntheorem t : True := trivial\nend A.B\nsection\ntheorem _root_.u : True := trivial\nend\ntheorem v : True := trivial");
        Assert.Equal(["A.B.t", "u", "v"], file.Declarations.Select(d => d.FullName));
    }

    [Fact]
    public void A_declaration_splits_into_modifiers_attributes_binders_type_and_body()
    {
        var file = LeanSyntax.Parse("/-- doc -/\n@[simp] private theorem foo {α : Type*} [inst : Fintype α] (n : ℕ) : |(n : ℤ)| ≥ 0 := by\n  positivity");
        var decl = Assert.Single(file.Declarations);
        Assert.Equal("theorem", decl.Keyword);
        Assert.Equal(["private"], decl.Modifiers);
        Assert.Equal("@[ simp ]", LeanSyntax.Text(decl.AttributeTokens));
        Assert.Equal(3, decl.Binders.Count);
        Assert.Equal("| ( n : ℤ ) | ≥ 0", LeanSyntax.Text(decl.Type));
        Assert.Equal(":= by positivity", LeanSyntax.Text(decl.Body));
    }

    [Fact]
    public void Match_alternatives_after_the_type_belong_to_the_body_but_absolute_values_to_the_type()
    {
        var file = LeanSyntax.Parse("theorem t : ∀ n : ℕ, |(n : ℤ)| ≥ 0\n  | 0 => by simp\n  | n + 1 => by positivity");
        var decl = Assert.Single(file.Declarations);
        Assert.Equal("∀ n : ℕ , | ( n : ℤ ) | ≥ 0", LeanSyntax.Text(decl.Type));
        Assert.StartsWith("| 0 =>", LeanSyntax.Text(decl.Body), StringComparison.Ordinal);
        Assert.Equal("t : ∀ n : ℕ , | ( n : ℤ ) | ≥ 0", LeanSyntax.Text(decl.Header));
    }

    [Fact]
    public void Unknown_text_in_a_body_does_not_derail_the_next_command()
    {
        var file = LeanSyntax.Parse("theorem a : True := by\n  ))) ]] }} weird ⟪ stuff\ntheorem b : True := trivial");
        Assert.Equal(["a", "b"], file.Declarations.Select(d => d.Name));
    }

    [Fact]
    public void Doc_comments_on_structure_fields_stay_inside_the_structure()
    {
        var file = LeanSyntax.Parse("/-- A point. -/\nstructure P where\n  /-- first -/\n  x : Nat\n  /-- second -/\n  y : Nat\n\n/-- Doc. -/\ntheorem t : True := trivial");

        Assert.DoesNotContain(file.Commands, c => c.IsStray);
        Assert.Equal(["P", "t"], file.Declarations.Select(d => d.Name));
    }

    [Fact]
    public void Instance_inside_attribute_and_deriving_commands_is_not_a_declaration()
    {
        var file = LeanSyntax.Parse("attribute [local instance] Classical.propDecidable\nderiving instance Repr for Nat\ninstance foo : Inhabited Nat := ⟨0⟩");

        Assert.Equal(["attribute", "deriving", "instance"], file.Commands.Select(c => c.Keyword));
        Assert.Equal("foo", file.Declarations.Single().Name);
    }

    [Fact]
    public void Model_chatter_before_the_code_becomes_a_stray_command()
    {
        var file = LeanSyntax.Parse("Here is the proof\ntheorem b : True := trivial");
        Assert.True(file.Commands[0].IsStray);
        Assert.Equal("b", file.Declarations.Single().Name);
    }
}

public sealed class CorpusSpecs
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.InTests("LeanBridge.Tests", "Corpus"), "*.lean").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_grammar_finds_every_declaration_of_a_realistic_file(string name)
    {
        var text = File.ReadAllText(RepoPaths.InTests("LeanBridge.Tests", "Corpus", name));
        var expected = text.Split('\n')[0]["-- expect:".Length..].Split(',', StringSplitOptions.TrimEntries);

        var file = LeanSyntax.Parse(text);

        Assert.DoesNotContain(file.Commands, c => c.IsStray);
        Assert.Equal(expected, file.Declarations.Where(d => d.FullName is not null).Select(d => d.FullName!));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Ordinary_mathematics_passes_the_audit(string name)
    {
        var file = LeanSyntax.Parse(File.ReadAllText(RepoPaths.InTests("LeanBridge.Tests", "Corpus", name)));

        Assert.Empty(Audit.LeanAudit.Run(file).Findings);
    }
}
