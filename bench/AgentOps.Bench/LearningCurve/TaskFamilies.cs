using AgentOps.Orchestration.Planning;

namespace AgentOps.Bench.LearningCurve;

/// <summary>
/// The simulator's task families and the hidden ground truth. <see cref="Base"/> is how each
/// catalog agent does on an ordinary task (specialists a little better than generalists at their own
/// trade); each family overrides the agents that do clearly better or worse at that kind of task, and
/// <see cref="TaskFamily.Story"/> says why in words. Agents the catalog does not know get
/// <see cref="Unknown"/>.
/// </summary>
public static class TaskFamilies
{
    private const string Core = "agentops-core:", Dev = "agentops-product-dev:", Ops = "agentops-devops:";

    /// <summary>Success of one attempt by an agent asked to do a step outside its trade (an explorer
    /// asked to write code, a test agent asked to design).</summary>
    public const double MisfitSuccess = 0.40;

    private static readonly string[] Research = [Capabilities.ResearchCode, Capabilities.ResearchDocs, Capabilities.ResearchHistory];
    private static readonly string[] Writes = [Capabilities.Implement, Capabilities.Api, Capabilities.Database, Capabilities.Frontend, Capabilities.Infrastructure, Capabilities.Docs, Capabilities.Deploy];
    private static readonly string[] Platform = [Capabilities.Infrastructure, Capabilities.Deploy];

    /// <summary>Every agent of the catalog: reliability and mean duration at its own trade, and the trade.</summary>
    public static readonly IReadOnlyDictionary<string, AgentProfile> Profiles = new Dictionary<string, AgentProfile>(StringComparer.Ordinal)
    {
        [Core + "code-explorer"] = new(0.99, 90, Research),
        [Core + "doc-explorer"] = new(0.99, 80, Research),
        [Core + "history-explorer"] = new(0.99, 100, Research),
        [Core + "spec-architect"] = new(0.98, 150, [Capabilities.Design, Capabilities.ValidationPlan]),
        [Core + "risk-assessor"] = new(0.99, 90, [Capabilities.Risk]),
        [Core + "validation-planner"] = new(0.99, 80, [Capabilities.ValidationPlan]),
        [Core + "change-executor"] = new(0.93, 360, Writes),
        [Core + "test-generator"] = new(0.94, 200, [Capabilities.Tests]),
        [Core + "continuous-validator"] = new(0.97, 120, [Capabilities.Validate]),
        [Dev + "api-designer"] = new(0.97, 140, [Capabilities.Design]),
        [Dev + "backend-engineer"] = new(0.94, 330, [Capabilities.Implement, Capabilities.Api, Capabilities.Database]),
        [Dev + "database-engineer"] = new(0.94, 300, [Capabilities.Database, Capabilities.Implement]),
        [Dev + "frontend-engineer"] = new(0.94, 300, [Capabilities.Frontend, Capabilities.Implement]),
        [Dev + "qa-engineer"] = new(0.95, 220, [Capabilities.Tests, Capabilities.Validate, Capabilities.ValidationPlan]),
        [Ops + "cicd-engineer"] = new(0.94, 240, Platform),
        [Ops + "docker-specialist"] = new(0.94, 200, Platform),
        [Ops + "gitops-engineer"] = new(0.94, 260, Platform),
        [Ops + "infrastructure-engineer"] = new(0.93, 280, Platform),
        [Ops + "kubernetes-specialist"] = new(0.94, 260, Platform),
        [Ops + "observability-engineer"] = new(0.95, 180, [Capabilities.Infrastructure]),
    };

    private static IReadOnlyDictionary<string, AgentTruth> O(params (string Agent, double Success, double Seconds)[] o) =>
        o.ToDictionary(x => x.Agent, x => new AgentTruth(x.Success, x.Seconds), StringComparer.Ordinal);

    /// <summary>The ten families of issue 8 (<see cref="FamilySplit.Shipped"/>), with what each phrasing needs frozen in <see cref="ShippedNeeds"/>.</summary>
    public static readonly IReadOnlyList<TaskFamily> Shipped = ((IReadOnlyList<TaskFamily>)
    [
        new("authentication", "authentication", RecordFormat.Transcript,
            ["Add OAuth2 login to the REST API", "Implement JWT authentication for the mobile backend",
             "Add single sign-on with SAML for the admin console", "Replace the password login with OIDC sign-in"],
            O((Core + "test-generator", 0.70, 200), (Dev + "qa-engineer", 0.96, 230), (Core + "change-executor", 0.80, 380), (Dev + "backend-engineer", 0.95, 330)),
            "generic unit tests miss the token and session edge cases (test-generator 0.70, qa-engineer 0.96); a generalist gets the auth flow wrong (change-executor 0.80, backend-engineer 0.95)"),
        new("kubernetes-deploy", "kubernetes-deploy", RecordFormat.Transcript,
            ["Deploy the payments service to Kubernetes with Helm", "Roll out the checkout service on the k8s cluster",
             "Write a Helm chart and deploy the worker", "Set up an ingress and deploy the web app to the cluster"],
            O((Ops + "docker-specialist", 0.68, 200), (Ops + "gitops-engineer", 0.96, 260), (Ops + "cicd-engineer", 0.85, 240), (Ops + "observability-engineer", 0.60, 180)),
            "the infrastructure step needs a Helm chart, not a Dockerfile or dashboards (docker-specialist 0.68, observability-engineer 0.60, gitops-engineer 0.96)"),
        new("database-migration", "database-migration", RecordFormat.ExecutionJson,
            ["Migrate the orders database schema to Postgres 16", "Add a migration that splits the users table",
             "Move the reporting queries from MySQL to Postgres", "Write a schema migration for soft deletes in the database"],
            O((Core + "test-generator", 0.74, 220), (Dev + "qa-engineer", 0.96, 240), (Dev + "database-engineer", 0.96, 300)),
            "tests without production-like data miss the migration's edge cases (test-generator 0.74, qa-engineer 0.96); the composed database-engineer is right"),
        new("bug-fix", "bug-fix", RecordFormat.Transcript,
            ["Fix the crash when saving a draft", "Fix the regression in the invoice totals",
             "The export fails with a null reference exception, fix it", "Fix the broken pagination of the search results"],
            O(),
            "control family: the composed workflow already uses the right agents; only checkpoints can help"),
        new("refactor", "refactor", RecordFormat.ExecutionJson,
            ["Refactor the billing module into smaller services", "Clean up the legacy notification code",
             "Extract the pricing rules into their own class", "Simplify and decouple the order workflow"],
            O((Core + "change-executor", 0.80, 400), (Dev + "backend-engineer", 0.95, 360)),
            "large refactors by the generalist break behaviour (change-executor 0.80, backend-engineer 0.95)"),
        new("documentation", "documentation", RecordFormat.ExecutionJson,
            ["Write the README for the command line tool", "Add docstrings to the storage module",
             "Write a tutorial for the plugin system", "Update the changelog with the new flags"],
            O((Core + "change-executor", 0.96, 200)),
            "the catalog's best match for writing the docs is doc-explorer, a read-only explorer (a misfit, 0.40); the generalist writes docs well (change-executor 0.96)"),
        new("performance", "performance", RecordFormat.Transcript,
            ["Speed up the slow search endpoint", "Reduce the latency of the checkout page",
             "Find and fix the memory leak in the worker", "Optimize the image resizing job and cache the results"],
            O((Core + "test-generator", 0.72, 200), (Dev + "qa-engineer", 0.95, 260)),
            "a speed-up needs a benchmark, not unit tests (test-generator 0.72, qa-engineer 0.95)"),
        new("security-audit", "security-audit", RecordFormat.ExecutionJson,
            ["Security audit of the file upload handler", "Check the login form for XSS and CSRF",
             "Audit the dependencies for known CVEs", "Review the API for injection vulnerabilities"],
            O((Core + "change-executor", 0.78, 360), (Dev + "backend-engineer", 0.94, 330)),
            "the generalist patches without understanding the attack (change-executor 0.78, backend-engineer 0.94)"),
        new("ci-cd", "ci-cd", RecordFormat.Transcript,
            ["Set up a GitHub Actions build pipeline", "Add a Jenkins pipeline that runs the linters",
             "Move the release pipeline from Jenkins to GitLab-CI", "Cache the dependencies in the build pipeline"],
            O((Ops + "docker-specialist", 0.70, 200), (Ops + "cicd-engineer", 0.97, 240), (Ops + "observability-engineer", 0.65, 180)),
            "pipelines are the CI agent's trade, not the container or monitoring agent's (docker-specialist 0.70, observability-engineer 0.65, cicd-engineer 0.97)"),
        new("api-development", "api-development", RecordFormat.ExecutionJson,
            ["Add a paginated REST endpoint for invoices", "Expose the product search as a GraphQL API",
             "Add a gRPC endpoint for the stock levels", "Version the public REST API endpoints"],
            O((Core + "spec-architect", 0.80, 150), (Dev + "api-designer", 0.97, 140)),
            "an API needs a contract, not a feature spec (spec-architect 0.80, api-designer 0.97)"),
    ]).Select(f => f with { Needs = ShippedNeeds.ByPhrasing, Control = f.Name == "bug-fix" }).ToList();

    /// <summary>Every family: shipped, then the tuned (both sets) and the untouched ones of issue 15 (<see cref="NewFamilies"/>).</summary>
    public static readonly IReadOnlyList<TaskFamily> All = [.. Shipped, .. NewFamilies.Tuned, .. NewFamilies.SeenUntouched, .. NewFamilies.Untouched];
}
