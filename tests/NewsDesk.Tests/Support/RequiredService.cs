using System.Diagnostics.CodeAnalysis;

namespace NewsDesk.Tests.Support;

/// <summary>
/// A test that needs something outside the test run (Chromium, strace, a tmpfs mount, a PostgreSQL server) skips
/// with the reason on a developer's machine, and fails in CI (.ci/run sets NEWSDESK_REQUIRE_SERVICES=1), where the
/// service is installed first and a skip would hide that it was not.
/// </summary>
public static class RequiredService
{
    public static void SkipWhen([DoesNotReturnIf(true)] bool missing, string reason)
    {
        if (missing && TestPostgres.Required)
        {
            Assert.Fail("required in CI: " + reason);
        }

        Assert.SkipWhen(missing, reason);
    }
}
