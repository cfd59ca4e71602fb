using System.Net;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

/// <summary>
/// The hosts a plugin declares it reaches (plugin.json <c>"network": { "hosts": [...] }</c>, Claude Code 2.1.331), in the
/// forms its sandbox's <c>sandbox.network.allowedDomains</c> takes: a domain of two labels or more (<c>api.example.com</c>,
/// optionally <c>*.</c> first), an IPv4 address, a bracketed IPv6 address (<c>[::1]</c>) or <c>localhost</c>, each with an
/// optional <c>:port</c> (1–65535); plain ASCII, no scheme, path or final dot. Checked against what the CLI warns of.
/// </summary>
public static partial class NetworkHosts
{
    public const string Expected = "a host as Claude Code's sandbox takes it, in plain ASCII with no scheme or path: \"api.example.com\", \"*.example.com\", \"10.0.0.1\", \"[::1]\" or \"localhost\", each with an optional \":port\"";

    /// <summary>What Claude Code ignores of a plugin.json <c>network</c> value, each at its token: the whole value when it is not
    /// <c>{ "hosts": [...] }</c>, else each host it would not take. None: the declaration holds.</summary>
    public static IEnumerable<(JToken At, string Message)> Problems(JToken network)
    {
        if (network is not JObject { } o || o["hosts"] is not JArray hosts)
        {
            yield return (network, "'network' must be an object with a list of hosts, such as { \"hosts\": [\"api.example.com\"] }");
            yield break;
        }
        for (var i = 0; i < hosts.Count; i++)
            if (hosts[i] is not JValue { Type: JTokenType.String } h || !IsValid((string)h!))
                yield return (hosts[i], $"network.hosts[{i}]: {hosts[i].ToString(Newtonsoft.Json.Formatting.None)} must be {Expected}");
    }

    public static bool IsValid(string host)
    {
        var m = HostAndPort().Match(host);
        if (!m.Success) return false;
        if (m.Groups["port"].Success && !(int.TryParse(m.Groups["port"].Value, out var port) && port is >= 1 and <= 65535)) return false;
        var name = m.Groups["host"].Value;
        if (name.StartsWith('[')) return IPAddress.TryParse(name[1..^1], out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        if (name == "localhost" || Ipv4().IsMatch(name)) return true;
        var domain = name.StartsWith("*.", StringComparison.Ordinal) ? name[2..] : name;
        return Domain().IsMatch(domain);
    }

    [GeneratedRegex(@"^(?<host>\[[0-9A-Fa-f:.]+\]|[^:\[\]]+)(?::(?<port>[0-9]{1,5}))?$")]
    private static partial Regex HostAndPort();
    [GeneratedRegex(@"^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}$")]
    private static partial Regex Ipv4();
    [GeneratedRegex(@"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$")]
    private static partial Regex Domain();
}
