using System.Text;

namespace AgentOps.Bench.LearningCurve;

/// <summary>
/// Keyed randomness: every draw is a pure function of a text key (FNV-1a 64 of the key, mixed with
/// SplitMix64), so the run is deterministic for a seed and the three planners share their luck: the
/// same agent's same attempt in the same round draws the same number whichever planner launched it
/// (common random numbers, which keeps the comparison fair and its variance low).
/// </summary>
public static class SimRandom
{
    public static double Uniform(string key)
    {
        var h = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            h ^= b;
            h *= 1099511628211UL;
        }
        h += 0x9E3779B97F4A7C15UL;
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        h ^= h >> 31;
        return (h >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>A standard normal draw (Box–Muller from two keyed uniforms).</summary>
    public static double Normal(string key)
    {
        var u1 = 1 - Uniform(key + "/n1");
        var u2 = Uniform(key + "/n2");
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Log-normal noise with mean 1 and the given sigma.</summary>
    public static double Noise(string key, double sigma) => Math.Exp(sigma * Normal(key) - sigma * sigma / 2);
}
