using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Crossgate.Policies.Matching;

namespace Crossgate.Policies.Tests.Matching;

/// <summary>Wildcard.IsMatch against a reference built on .NET regular expressions.</summary>
public class WildcardPropertyTests
{
    private static readonly Gen<string> Pattern = Gen.Char["ab*?/:"].Array[0, 10].Select(c => new string(c));
    private static readonly Gen<string> Text = Gen.Char["ab/:*?"].Array[0, 12].Select(c => new string(c));

    private static bool Reference(string pattern, bool[]? active, string text, bool ignoreCase)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var isActive = active is null || active[i];
            regex.Append(pattern[i] switch
            {
                '*' when isActive => ".*",
                '?' when isActive => ".",
                var c => Regex.Escape(c.ToString()),
            });
        }

        regex.Append('$');
        var options = RegexOptions.Singleline | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        return Regex.IsMatch(text, regex.ToString(), options);
    }

    [Fact]
    public void Matches_like_a_regex_translation()
    {
        Gen.Select(Pattern, Text).Sample((pattern, text) =>
            Assert.Equal(Reference(pattern, null, text, false), Wildcard.IsMatch(pattern, text, ignoreCase: false)),
            iter: 20_000);
    }

    [Fact]
    public void Matches_like_a_case_insensitive_regex()
    {
        var pattern = Gen.Char["aAbB*?"].Array[0, 8].Select(c => new string(c));
        var text = Gen.Char["aAbB"].Array[0, 10].Select(c => new string(c));
        Gen.Select(pattern, text).Sample((p, t) =>
            Assert.Equal(Reference(p, null, t, true), Wildcard.IsMatch(p, t, ignoreCase: true)),
            iter: 10_000);
    }

    [Fact]
    public void Inactive_wildcards_are_literal()
    {
        var gen = Pattern.SelectMany(p => Gen.Bool.Array[p.Length].Select(mask => (p, mask)));
        Gen.Select(gen, Text).Sample((pm, text) =>
            Assert.Equal(Reference(pm.p, pm.mask, text, false), Wildcard.IsMatch(pm.p, pm.mask, text, ignoreCase: false)),
            iter: 20_000);
    }

    [Fact]
    public void A_pattern_without_wildcards_matches_only_itself()
    {
        var plain = Gen.Char["ab/:"].Array[0, 8].Select(c => new string(c));
        Gen.Select(plain, plain).Sample((p, t) => Assert.Equal(p == t, Wildcard.IsMatch(p, t, ignoreCase: false)));
    }

    [Fact]
    public void Star_matches_everything_and_text_matches_itself()
    {
        Text.Sample(t =>
        {
            Assert.True(Wildcard.IsMatch("*", t, ignoreCase: false));
            Assert.True(Wildcard.IsMatch(t.Replace("*", "?"), t, ignoreCase: false));
        });
    }
}
