using System.Text;
using Crossgate.Server.Signing;
using Crossgate.Server.Tests.Support;
using CsCheck;

namespace Crossgate.Server.Tests.Signing;

public sealed class SigningPropertyTests
{
    [Fact]
    public void Decoding_an_encoded_string_gives_it_back() =>
        Gen.String.Sample(s => AwsUriEncoding.Decode(AwsUriEncoding.Encode(s)) == s);

    [Fact]
    public void Encoded_strings_contain_only_unreserved_characters_and_escapes() =>
        Gen.String.Sample(s => AwsUriEncoding.Encode(s).All(c => c == '%' || (c < 128 && AwsUriEncoding.IsUnreserved((byte)c))));

    [Fact]
    public void Canonical_query_does_not_depend_on_parameter_order()
    {
        var pair = Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 6], Gen.String[0, 8]);
        Gen.Select(pair.List[1, 6], Gen.Int).Sample(t =>
        {
            var (pairs, seed) = t;
            var raw = string.Join('&', pairs.Select(p => AwsUriEncoding.Encode(p.Item1) + "=" + AwsUriEncoding.Encode(p.Item2)));
            var shuffled = pairs.OrderBy(_ => new Random(seed).Next()).ToList();
            var rawShuffled = string.Join('&', shuffled.Select(p => AwsUriEncoding.Encode(p.Item1) + "=" + AwsUriEncoding.Encode(p.Item2)));
            return CanonicalRequest.CanonicalQuery(raw, false) == CanonicalRequest.CanonicalQuery(rawShuffled, false);
        });
    }

    [Fact]
    public void Any_region_and_body_signed_correctly_verifies_and_any_changed_signature_character_does_not()
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var gen = Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 12], Gen.String[0, 64], Gen.String[Gen.Char.AlphaNumeric, 8, 40], Gen.Int[0, 63]);
        gen.Sample(t =>
        {
            var (region, body, secret, position) = t;
            var store = new InMemoryCredentials().Add("AKIAPROPERTY00000001", secret);
            var verifier = new SigV4Verifier(store, new FixedClock(now), new SigningKeyCache());
            var message = TestSigner.FormPost(new Uri("http://127.0.0.1:1/"), body);
            var bytes = Encoding.UTF8.GetBytes(body);
            new TestSigner("AKIAPROPERTY00000001", secret, region, "sts").Sign(message, bytes, now);

            var headers = new RequestHeaders().Add("Host", "127.0.0.1:1").Add("Content-Type", message.Content!.Headers.ContentType!.ToString());
            foreach (var (name, values) in message.Headers) foreach (var v in values) headers.Add(name, v);
            var request = new SigV4Request { Method = "POST", RawPath = "/", Headers = headers, Body = bytes };
            var good = verifier.VerifyAsync(request, "sts", default).AsTask().Result.IsAuthenticated;

            var auth = headers.First("Authorization")!;
            var sigStart = auth.IndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length;
            var index = sigStart + position;
            var flipped = auth[..index] + (auth[index] == '0' ? '1' : '0') + auth[(index + 1)..];
            var tampered = new RequestHeaders().Add("Host", "127.0.0.1:1").Add("Content-Type", headers.First("Content-Type")!)
                .Add("X-Amz-Date", headers.First("X-Amz-Date")!).Add("Authorization", flipped);
            var bad = verifier.VerifyAsync(new SigV4Request { Method = "POST", RawPath = "/", Headers = tampered, Body = bytes }, "sts", default)
                .AsTask().Result;

            return good && bad.Error?.Code == "SignatureDoesNotMatch";
        });
    }
}
