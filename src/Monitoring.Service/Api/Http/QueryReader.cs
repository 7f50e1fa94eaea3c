using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Monitoring.Service.Api.Http;

/// <summary>Reads and checks query parameters, collecting one message per bad one.</summary>
/// <remarks>Handlers take parameters as text and check them here rather than letting the framework bind
/// numbers and enums: its binding failures are bare 400s that do not say which parameter was wrong or
/// what is allowed. Unknown parameters are refused too, so a typo such as <c>helth=critical</c> fails
/// instead of silently returning everything.</remarks>
internal sealed class QueryReader
{
    private readonly IQueryCollection _query;
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public QueryReader(HttpRequest request, params IReadOnlyList<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(request);
        _query = request.Query;
        foreach (var key in _query.Keys)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                Fail(Clip(key), $"unknown query parameter '{Clip(key)}'; allowed: {string.Join(", ", allowed)}");
            }
            else if (_query[key].Count > 1)
            {
                Fail(key, $"{key}: given more than once");
            }
        }
    }

    public bool HasErrors => _errors.Count > 0;

    public IResult Problem() => ApiProblems.BadRequest(_errors);

    /// <summary>Free text up to <paramref name="maxLength"/> characters, no control characters; null when absent.</summary>
    public string? Text(string name, int maxLength = ApiLimits.MaxFilterLength)
    {
        var value = Raw(name);
        if (value is null)
        {
            return null;
        }

        if (value.Length == 0 || value.Length > maxLength || value.Any(char.IsControl))
        {
            Fail(name, $"{name}: 1-{maxLength} characters, no control characters");
            return null;
        }

        return value;
    }

    /// <summary>Text that must match <paramref name="isValid"/>; <paramref name="rule"/> says what is allowed.</summary>
    public string? Matching(string name, Func<string, bool> isValid, string rule)
    {
        var value = Raw(name);
        if (value is not null && !isValid(value))
        {
            Fail(name, $"{name}: {rule}");
            return null;
        }

        return value;
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], or the default when absent.</summary>
    public int Integer(string name, int defaultValue, int min, int max)
    {
        var value = Raw(name);
        if (value is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            Fail(name, $"{name}: a whole number from {min} to {max}");
            return defaultValue;
        }

        return number;
    }

    public bool Boolean(string name)
    {
        var value = Raw(name);
        if (value is null)
        {
            return false;
        }

        if (!bool.TryParse(value, out var flag))
        {
            Fail(name, $"{name}: true or false");
        }

        return flag;
    }

    /// <summary>One of <paramref name="allowed"/>'s keys (exact, as the JSON contract writes them).</summary>
    public T? OneOf<T>(string name, IReadOnlyDictionary<string, T> allowed)
        where T : struct
    {
        var value = Raw(name);
        if (value is null)
        {
            return null;
        }

        if (allowed.TryGetValue(value, out var match))
        {
            return match;
        }

        Fail(name, $"{name}: one of {string.Join(", ", allowed.Keys)}");
        return null;
    }

    /// <summary>An ISO 8601 time with an offset (e.g. <c>2026-11-25T10:00:00Z</c>), or null when absent.</summary>
    public DateTimeOffset? Time(string name)
    {
        var value = Raw(name);
        if (value is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            Fail(name, $"{name}: an ISO 8601 time such as 2026-11-25T10:00:00Z");
            return null;
        }

        return time;
    }

    /// <summary>Records a problem with <paramref name="name"/>; the first one found for a parameter is the one reported.</summary>
    public void Fail(string name, string message) => _errors.TryAdd(name, [message]);

    private string? Raw(string name) => _query.TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>Unknown names are echoed in errors; keep them short.</summary>
    private static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
